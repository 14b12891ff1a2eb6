"""Helpers that know nothing of the domain: money, Markdown, text, images, video, URLs,
passwords and tokens, share-card drawing and Open Badges signing.
"""
