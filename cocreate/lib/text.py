"""Words about numbers, for pages, mails and the reasons shown beside rankings."""

from __future__ import annotations


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """1 idea, 2 ideas."""
    word = singular if number == 1 else (plural or singular + "s")
    return f"{number:,} {word}"
