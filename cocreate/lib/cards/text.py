"""Measuring and drawing one line of mixed-script, mixed-direction text."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont
from PIL.ImageFont import FreeTypeFont

from cocreate.lib.cards.bidi import embedding_levels, paragraph_level, visual_order
from cocreate.lib.cards.colors import RGB
from cocreate.lib.cards.fonts import EMOJI_STRIKE, Face, load_font
from cocreate.lib.cards.scripts import split_runs

LEADING = 1.2  # line height as a multiple of the font size
EMOJI_EM = 0.84  # emoji sized to sit with cap height, not tower over it


@dataclass(frozen=True)
class Segment:
    """A piece of a line with one font and one direction."""

    text: str
    face: Face
    level: int

    def direction(self, font: FreeTypeFont) -> str | None:
        """The direction to pass to Pillow, which refuses one without Raqm."""
        if font.layout_engine != ImageFont.Layout.RAQM:
            return None
        return "rtl" if self.level % 2 else "ltr"


def line_height(size: int) -> int:
    return round(size * LEADING)


def emoji_scale(size: int) -> float:
    return size * EMOJI_EM / EMOJI_STRIKE


@lru_cache(maxsize=4096)
def segments(text: str, bold: bool) -> tuple[Segment, ...]:
    """The line's segments in visual order, left to right."""
    levels = embedding_levels(text, paragraph_level(text))
    pieces: list[Segment] = []
    start = 0
    for run in split_runs(text, bold):
        end = start + len(run.text)
        i = start
        while i < end:
            j = i
            while j < end and levels[j] == levels[i]:
                j += 1
            pieces.append(Segment(text[i:j], run.face, levels[i]))
            i = j
        start = end
    return tuple(pieces[i] for i in visual_order([p.level for p in pieces]))


def _segment_width(segment: Segment, size: int) -> float:
    font = load_font(segment.face, size)
    width = font.getlength(segment.text, direction=segment.direction(font))
    return width * emoji_scale(size) if segment.face.color else width


@lru_cache(maxsize=16384)
def line_width(text: str, size: int, bold: bool) -> float:
    return sum(_segment_width(s, size) for s in segments(text, bold))


def _draw_emoji(canvas: Image.Image, x: float, baseline: float, seg: Segment, size: int) -> None:
    font = load_font(seg.face, size)
    ascent, descent = font.getmetrics()
    width = math.ceil(font.getlength(seg.text, direction=seg.direction(font)))
    tile = Image.new("RGBA", (max(width, 1), ascent + descent))
    ImageDraw.Draw(tile).text(
        (0, ascent), seg.text, font=font, anchor="ls", embedded_color=True,
        direction=seg.direction(font),
    )  # fmt: skip
    scale = emoji_scale(size)
    scaled = tile.resize(
        (max(1, round(tile.width * scale)), max(1, round(tile.height * scale))),
        Image.Resampling.LANCZOS,
    )
    canvas.paste(scaled, (round(x), round(baseline - ascent * scale)), scaled)


def draw_line(
    canvas: Image.Image,
    xy: tuple[float, float],
    text: str,
    size: int,
    bold: bool,
    fill: RGB,
) -> float:
    """Draw `text` with its left end at x and its baseline at y; return its width."""
    x, baseline = xy
    draw = ImageDraw.Draw(canvas)
    for seg in segments(text, bold):
        if seg.face.color:
            _draw_emoji(canvas, x, baseline, seg, size)
        else:
            font = load_font(seg.face, size)
            draw.text(
                (x, baseline), seg.text, font=font, fill=fill, anchor="ls",
                direction=seg.direction(font),
            )  # fmt: skip
        x += _segment_width(seg, size)
    return x - xy[0]


def draw_centered(
    canvas: Image.Image, center: tuple[float, float], text: str, size: int, bold: bool, fill: RGB
) -> None:
    """Draw `text` with its ink (not its line box) centred on `center`.

    Scripts sit differently on the baseline (Arabic hangs low, CJK fills the em),
    so a single glyph such as an initial is centred by what was actually drawn.
    """
    width = math.ceil(line_width(text, size, bold))
    tile = Image.new("RGBA", (width + 2 * size, 3 * size))
    draw_line(tile, (size, 2 * size), text, size, bold, fill)
    ink = tile.getchannel("A").getbbox()
    if ink is None:
        return
    glyphs = tile.crop(ink)
    origin = (round(center[0] - glyphs.width / 2), round(center[1] - glyphs.height / 2))
    canvas.paste(glyphs, origin, glyphs)
