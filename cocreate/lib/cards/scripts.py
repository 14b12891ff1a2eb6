"""Choosing a font for each character and splitting text into single-font runs.

Pillow draws a string with one font and has no fallback, so mixed text
("Ana 🎉", "山田 Taro") is cut into runs that each use a font with those glyphs.
A character's script comes from the first word of its Unicode name
("ARABIC LETTER MEEM", "CJK UNIFIED IDEOGRAPH-5C71"), which maps onto Noto's
file names (NotoSansArabic-Bold.ttf); coverage is then checked, not assumed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from cocreate.lib.cards.fonts import EMOJI, Face, base_face, cjk_face, covers, installed_families

ZWJ = "\u200d"
_CJK_WORDS = {
    "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "IDEOGRAPHIC", "KANGXI",
    "HALFWIDTH", "FULLWIDTH", "KANBUN",
}  # fmt: skip
_BASE_WORDS = {"LATIN", "GREEK", "CYRILLIC", "COMBINING", "DIGIT"}
_EMOJI_RANGES = (
    (0x231A, 0x231B), (0x23E9, 0x23FA), (0x25FB, 0x25FE), (0x2600, 0x27BF),
    (0x2934, 0x2935), (0x2B05, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D),
    (0x3297, 0x3299), (0x1F000, 0x1FAFF),
)  # fmt: skip


@dataclass(frozen=True)
class Run:
    text: str
    face: Face


def attaches(char: str) -> bool:
    """Characters that belong to the previous one: marks, joiners, selectors, skin tones."""
    cp = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or char in (ZWJ, "\u200c")
        or 0xFE00 <= cp <= 0xFE0F
        or 0x1F3FB <= cp <= 0x1F3FF
        or 0xE0020 <= cp <= 0xE007F
    )


def _neutral(char: str) -> bool:
    """Spaces, punctuation and digits read the same in any font, so they stay in the run."""
    return unicodedata.category(char)[0] in "ZPN"


def wants_emoji(char: str, following: str = "") -> bool:
    if following == "\ufe0e":  # text presentation explicitly requested
        return False
    if following == "\ufe0f":
        return True
    cp = ord(char)
    return any(lo <= cp <= hi for lo, hi in _EMOJI_RANGES)


def _script_faces(char: str, bold: bool) -> list[Face]:
    words = re.split(r"[ -]", unicodedata.name(char, "UNKNOWN"))
    if words[0] in _CJK_WORDS:
        return [cjk_face(bold)]
    if words[0] in _BASE_WORDS:
        return [base_face(bold)]
    faces = []
    for n in range(min(3, len(words)), 0, -1):
        family = "NotoSans" + "".join(w.capitalize() for w in words[:n])
        weights = ("Bold", "Regular") if bold else ("Regular",)
        faces += [Face(f"{family}-{w}.ttf") for w in weights]
    return faces


def _fallback_faces(bold: bool) -> list[Face]:
    return [
        base_face(bold),
        Face("NotoSansSymbols2-Regular.ttf"),
        Face("NotoSansSymbols-Bold.ttf" if bold else "NotoSansSymbols-Regular.ttf"),
        Face("NotoSansMath-Regular.ttf"),
        cjk_face(bold),
    ]


@lru_cache(maxsize=16384)
def face_for(char: str, following: str, bold: bool) -> Face:
    """The first installed font that has a glyph for `char`."""
    if wants_emoji(char, following) and covers(EMOJI, char):
        return EMOJI
    for face in [*_script_faces(char, bold), *_fallback_faces(bold)]:
        if covers(face, char):
            return face
    # Rare scripts whose Noto file name differs from their Unicode name.
    for name in installed_families("NotoSans", "-Regular.ttf"):
        if covers(Face(name), char):
            return Face(name)
    return base_face(bold)


@lru_cache(maxsize=4096)
def split_runs(text: str, bold: bool) -> tuple[Run, ...]:
    """Cut `text` into maximal runs that one font can draw."""
    runs: list[Run] = []
    for i, char in enumerate(text):
        following = text[i + 1] if i + 1 < len(text) else ""
        if runs:
            current = runs[-1]
            stays = attaches(char) or (
                _neutral(char)
                and not current.face.color  # its digits exist only for keycap sequences
                and not wants_emoji(char, following)
                and covers(current.face, char)
            )
            if stays:
                runs[-1] = Run(current.text + char, current.face)
                continue
        face = face_for(char, following, bold)
        if runs and runs[-1].face == face:
            runs[-1] = Run(runs[-1].text + char, face)
        else:
            runs.append(Run(char, face))
    return tuple(runs)
