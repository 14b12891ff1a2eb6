"""Helpers that know nothing of the domain: money, Markdown, text, images, video, URLs,
passwords, tokens and random ids, share-card drawing and Open Badges signing.
"""
