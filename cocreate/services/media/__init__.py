"""Uploads: presigned straight to storage, then checked and re-encoded by a worker."""
