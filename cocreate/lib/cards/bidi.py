"""Bidirectional text: embedding levels and visual order (a subset of UAX #9).

Raqm already orders glyphs inside one string, but a line drawn as several
single-font runs needs the runs themselves put in visual order: in "محمد 🎉"
the emoji belongs on the left. Card text is plain (no explicit embeddings or
isolates), so the weak, neutral and implicit rules suffice.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

_STRONG = {"L": "L", "R": "R", "AL": "R"}
_NUMBER = {"EN", "AN"}


def paragraph_level(text: str) -> int:
    """0 for left-to-right, 1 for right-to-left: the first strong character decides."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _STRONG:
            return 0 if kind == "L" else 1
    return 0


def _weak_types(text: str, base: int) -> list[str]:
    types: list[str] = []
    last_strong = "R" if base else "L"
    for char in text:
        kind = unicodedata.bidirectional(char) or "L"
        if kind == "NSM":  # W1
            kind = types[-1] if types else last_strong
        if kind in ("L", "R", "AL"):
            last_strong = kind
        elif kind == "EN" and last_strong == "AL":  # W2
            kind = "AN"
        elif kind == "EN" and last_strong == "L":  # W7 (applied early, same result here)
            kind = "L"
        types.append("R" if kind == "AL" else kind)  # W3
    for i in range(1, len(types) - 1):  # W4: a single separator between numbers
        before, kind, after = types[i - 1], types[i], types[i + 1]
        if before == after and (
            (kind == "ES" and before == "EN") or (kind == "CS" and before in _NUMBER)
        ):
            types[i] = before
    for i, kind in enumerate(types):  # W5: terminators next to European numbers
        if kind == "ET" and any(types[j] == "EN" for j in (i - 1, i + 1) if 0 <= j < len(types)):
            types[i] = "EN"
    return types


def embedding_levels(text: str, base: int) -> list[int]:
    """One resolved level per character (even: left to right, odd: right to left)."""
    types = _weak_types(text, base)
    edge = "R" if base else "L"
    strong = ["R" if t in _NUMBER else t if t in ("L", "R") else None for t in types]
    i = 0
    while i < len(types):  # N1/N2: neutrals take their neighbours' shared direction
        if strong[i] is not None:
            i += 1
            continue
        j = i
        while j < len(types) and strong[j] is None:
            j += 1
        before = strong[i - 1] if i > 0 else edge
        after = strong[j] if j < len(types) else edge
        direction = before if before == after else edge
        for k in range(i, j):
            types[k] = direction
        i = j
    levels = []
    for kind in types:  # I1/I2
        if base == 0:
            levels.append(1 if kind == "R" else 2 if kind in _NUMBER else 0)
        else:
            levels.append(1 if kind == "R" else 2)
    return levels


def visual_order(levels: Sequence[int]) -> list[int]:
    """Indices of items in display order, left to right (rule L2)."""
    order = list(range(len(levels)))
    # Levels here are only 0, 1 and 2, so the lowest odd level is always 1.
    for level in range(max(levels, default=0), 0, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] < level:
                i += 1
                continue
            j = i
            while j < len(order) and levels[order[j]] >= level:
                j += 1
            order[i:j] = reversed(order[i:j])
            i = j
    return order
