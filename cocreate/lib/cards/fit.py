"""Fitting text into a box: shrink, then wrap at word boundaries, then ellipsize.

Words are never split across lines. Han and kana may break between characters
(those scripts have no spaces), but not before closing punctuation. A single word
too long for the box even at the minimum size is cut with an ellipsis rather
than allowed to overflow, and the words after it go on the next lines.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from cocreate.lib.cards.scripts import ZWJ, attaches
from cocreate.lib.cards.text import line_height, line_width

ELLIPSIS = "…"
_NO_BREAK_BEFORE = set(
    "、。，．・：；！？）」』】〕〉》ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々"
)
_BREAKABLE_SCRIPTS = ("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH", "HIRAGANA", "KATAKANA")


@dataclass(frozen=True)
class FittedText:
    lines: tuple[str, ...]
    size: int
    bold: bool

    @property
    def line_height(self) -> int:
        return line_height(self.size)

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)


def graphemes(text: str) -> list[str]:
    """User-perceived characters, approximately: a base plus marks, joiners and modifiers."""
    clusters: list[str] = []
    for char in text:
        regional = 0x1F1E6 <= ord(char) <= 0x1F1FF
        joins = clusters and (
            attaches(char)
            or clusters[-1].endswith(ZWJ)
            or (regional and len(clusters[-1]) == 1 and 0x1F1E6 <= ord(clusters[-1]) <= 0x1F1FF)
        )
        if joins:
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _breaks_around(cluster: str) -> bool:
    return unicodedata.name(cluster[0], "").startswith(_BREAKABLE_SCRIPTS)


def tokens(text: str) -> list[str]:
    """Unbreakable pieces, each carrying its trailing spaces; joined they give `text`."""
    pieces: list[str] = []
    current = ""
    for cluster in graphemes(text):
        if cluster.isspace():
            current += cluster
            continue
        ended_word = current and current[-1].isspace()
        ideographic = current and (_breaks_around(cluster) or _breaks_around(current[-1]))
        if ended_word or (ideographic and cluster[0] not in _NO_BREAK_BEFORE):
            pieces.append(current)
            current = ""
        current += cluster
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, size: int, bold: bool, width: float) -> list[str]:
    """Greedy word wrap; a word wider than `width` gets a line of its own (and overflows)."""
    lines: list[str] = []
    current = ""
    for token in tokens(text):
        candidate = current + token
        if current and line_width(candidate.rstrip(), size, bold) > width:
            lines.append(current.rstrip())
            current = token
        else:
            current = candidate
    if current.strip():
        lines.append(current.rstrip())
    return lines


def ellipsize(line: str, size: int, bold: bool, width: float) -> str:
    """`line` shortened (whole words first) so that it and a trailing "…" fit `width`."""
    pieces = tokens(line)
    while len(pieces) > 1:
        candidate = "".join(pieces).rstrip() + ELLIPSIS
        if line_width(candidate, size, bold) <= width:
            return candidate
        pieces.pop()
    clusters = graphemes("".join(pieces).rstrip())
    while clusters:
        candidate = "".join(clusters).rstrip() + ELLIPSIS
        if line_width(candidate, size, bold) <= width:
            return candidate
        clusters.pop()
    return ELLIPSIS


def _lines_within(height: float, size: int, max_lines: int) -> int:
    if math.isinf(height):
        return max_lines
    return min(max_lines, int(height // line_height(size)))


def _sizes(max_size: int, min_size: int) -> list[int]:
    sizes = list(range(max_size, min_size, -2))
    return [*sizes, min_size]


def fit_text(
    text: str,
    *,
    width: float,
    max_size: int,
    min_size: int,
    max_lines: int = 1,
    height: float = math.inf,
    bold: bool = False,
) -> FittedText:
    """The largest rendering of `text` that fits `width` × `height` in ≤ `max_lines` lines.

    One line is tried first, shrinking down to `min_size`; then wrapping, at the
    largest size that needs no more than `max_lines`; failing both, the text is
    wrapped at `min_size` and ellipsized after the last line that fits.
    """
    text = " ".join(text.split())
    if not text:
        return FittedText((), max_size, bold)
    sizes = _sizes(max_size, min_size)
    for size in sizes:
        if line_width(text, size, bold) <= width and line_height(size) <= height:
            return FittedText((text,), size, bold)
    for size in sizes:
        room = _lines_within(height, size, max_lines)
        if room < 2:
            continue
        lines = wrap(text, size, bold, width)
        if len(lines) <= room and all(line_width(x, size, bold) <= width for x in lines):
            return FittedText(tuple(lines), size, bold)
    max_lines = max(1, _lines_within(height, min_size, max_lines))
    lines = wrap(text, min_size, bold, width)
    kept: list[str] = []
    for i, line in enumerate(lines[:max_lines]):
        last = i == max_lines - 1 or i == len(lines) - 1
        overflows = line_width(line, min_size, bold) > width
        if overflows or (last and len(lines) > max_lines):
            # A word too long for any line is cut, and the words after it still follow.
            kept.append(ellipsize(line, min_size, bold, width))
            continue
        kept.append(line)
    return FittedText(tuple(kept), min_size, bold)
