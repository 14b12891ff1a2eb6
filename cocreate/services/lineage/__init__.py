"""Lineage: what a remix credits and what remixed it, read by pages, the API and share cards."""
