"""Random public identifiers: what rows, slugs' suffixes and codes are named by."""

from __future__ import annotations

import secrets
import string

_ALPHABET = string.ascii_lowercase + string.digits


def new_id(length: int = 12) -> str:
    """A random, unguessable, URL-safe identifier (never a sequential integer)."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))
