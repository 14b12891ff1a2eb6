"""Locating and loading fonts, and asking whether a font has a glyph for a character.

Fonts are the Noto families from Debian (fonts-noto-core, fonts-noto-cjk,
fonts-noto-color-emoji). A machine without them still renders with Pillow's
built-in font, just without wide script coverage.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont, features
from PIL.ImageFont import FreeTypeFont

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
EMOJI_STRIKE = 109  # the only size NotoColorEmoji's bitmaps load at
_PROBE_SIZE = 24
_NOTDEF_PROBE = "\U0010ffff"  # a noncharacter: every font draws its .notdef for it


@dataclass(frozen=True)
class Face:
    """One font file (and face index inside a .ttc collection)."""

    file: str
    index: int = 0
    color: bool = False


EMOJI = Face("NotoColorEmoji.ttf", color=True)


def base_face(bold: bool) -> Face:
    return Face("NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf")


def cjk_face(bold: bool) -> Face:
    # Index 0 of the collection is the Japanese variant; every variant covers
    # Han, kana and Hangul, they differ only in regional glyph shapes.
    return Face("NotoSansCJK-Bold.ttc" if bold else "NotoSansCJK-Regular.ttc")


@lru_cache(maxsize=1)
def _font_index() -> dict[str, Path]:
    index: dict[str, Path] = {}
    for root in FONT_DIRS:
        if not root.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                index.setdefault(name, Path(dirpath, name))
    return index


def font_path(face: Face) -> Path | None:
    return _font_index().get(face.file)


def available(face: Face) -> bool:
    return font_path(face) is not None


def installed_families(prefix: str, suffix: str) -> list[str]:
    """File names of installed fonts matching prefix*suffix, sorted."""
    return sorted(n for n in _font_index() if n.startswith(prefix) and n.endswith(suffix))


@lru_cache(maxsize=1)
def has_raqm() -> bool:
    """Raqm (HarfBuzz + FriBiDi) shapes Arabic and orders right-to-left text."""
    return bool(features.check_feature("raqm"))


def load_font(face: Face, size: int) -> FreeTypeFont:
    """The font at `size`; colour faces always come at EMOJI_STRIKE, for the caller to scale."""
    return _load(face, EMOJI_STRIKE if face.color else size)


@lru_cache(maxsize=512)
def _load(face: Face, size: int) -> FreeTypeFont:
    path = font_path(face)
    if path is None:
        fallback = ImageFont.load_default(size)
        if not isinstance(fallback, FreeTypeFont):
            raise RuntimeError("Pillow was built without FreeType; cards cannot be rendered")
        return fallback
    engine = ImageFont.Layout.RAQM if has_raqm() else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(path), size, index=face.index, layout_engine=engine)


def _mask_signature(font: FreeTypeFont, text: str) -> tuple[tuple[int, int], bytes]:
    mask = font.getmask(text)
    return mask.size, bytes(mask)


@lru_cache(maxsize=256)
def _notdef_signature(face: Face) -> tuple[tuple[int, int], bytes]:
    return _mask_signature(load_font(face, _PROBE_SIZE), _NOTDEF_PROBE)


@lru_cache(maxsize=65536)
def covers(face: Face, char: str) -> bool:
    """Whether `face` has a real glyph for `char` (not its .notdef box).

    Pillow exposes no cmap, so this compares the drawn glyph with the one the font
    draws for a noncharacter. Whitespace draws nothing, so it counts as covered by
    any text font.
    """
    if not available(face):
        return False
    if char.isspace():
        return not face.color
    font = load_font(face, _PROBE_SIZE)
    return _mask_signature(font, char) != _notdef_signature(face)
