"""The card's column: badge pill and figure chip, the texts, the logo, the wordmark.

Badge cards lead with the person's name; entry cards with the entry's title, the person's
name below it as a byline. Every block fits its width; the lead gets room first, each
later block what the ones after it leave over at their minimum size, and a remix's credit,
last, is left out when even its smallest size has no room.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from PIL import Image

from cocreate.lib.cards.colors import RGB
from cocreate.lib.cards.content import CardContent
from cocreate.lib.cards.decor import CAP_HEIGHT, Chip, Palette, Pill, Wordmark
from cocreate.lib.cards.fit import ELLIPSIS, FittedText, fit_text
from cocreate.lib.cards.layout import Frame, TextSpec
from cocreate.lib.cards.logo import LogoTile
from cocreate.lib.cards.text import draw_line, line_height, line_width

BASELINE = 0.92  # first baseline below a text block's top, in ems
LOGO_TILE = 2.1  # the logo tile's height, in the organization line's largest type size


@dataclass(frozen=True)
class Block:
    """One text block of the column, and how it is set."""

    text: str
    spec: TextSpec
    bold: bool
    fill: RGB
    tile: LogoTile | None = None  # drawn before the text, on the same row
    optional: bool = False  # left out when there is no room for it

    def min_height(self) -> int:
        text = line_height(self.spec.min_size) if self.text.strip() else 0
        return max(text, self.tile.height if self.tile else 0)

    def tile_space(self) -> int:
        """Width the logo tile and its gap take from the text."""
        if self.tile is None:
            return 0
        return self.tile.width + (round(self.spec.max_size * 0.5) if self.text.strip() else 0)

    def height(self, fitted: FittedText) -> int:
        return max(fitted.height, self.tile.height if self.tile else 0)


def draw_column(canvas: Image.Image, frame: Frame, palette: Palette, content: CardContent,
                logo: Image.Image | None) -> None:
    left, top, right, bottom = frame.column
    width = right - left

    mark = Wordmark(frame.wordmark)
    if frame.wordmark_on_top:
        x = (canvas.width - mark.width) / 2
        mark.draw(canvas, x, frame.visual[1] - frame.px(64), palette.text)
        if content.link:  # under the texts, centred at the column's foot
            _draw_link(canvas, content.link, left, bottom, width, frame.wordmark, palette,
                       align=0.5)
            bottom -= frame.wordmark + frame.px(36)
    else:
        mark.draw(canvas, left, bottom, palette.text)
        if content.link:  # beside the wordmark, right-aligned
            room = width - mark.width - frame.px(32)
            _draw_link(canvas, content.link, right - room, bottom, room, frame.wordmark,
                       palette, align=1)
        bottom -= mark.size + frame.px(44)

    shapes = _pills(frame, content)
    head = max(s.height for s in shapes) + frame.px(36) if shapes else 0
    blocks = _blocks(content, frame, palette, logo)
    gaps = [0] + [frame.px(18) if i == 1 else frame.px(10) for i in range(1, len(blocks))]
    room = bottom - top - head - sum(gaps)
    placed: list[tuple[Block, FittedText, int]] = []
    for i, block in enumerate(blocks):
        later = sum(b.min_height() for b in blocks[i + 1:])
        if block.optional and block.min_height() > room - later:
            continue  # no room for the credit even at its smallest: it is left out
        fitted = _fit(block.text, block.spec, width - block.tile_space(), block.bold,
                      room - later)
        placed.append((block, fitted, gaps[i]))
        room -= block.height(fitted)

    texts = sum(block.height(fitted) + gap for block, fitted, gap in placed)
    if frame.center_group:  # the pills travel with the texts, centred together
        top += max(0, (bottom - top - head - texts) / 2)
        y = top + head
    else:  # the pills stay at the top, the texts centre in what is left
        y = top + head + max(0, (bottom - top - head - texts) / 2)
    _draw_pills(canvas, frame, palette, shapes, round(top))
    for block, fitted, gap in placed:
        y += gap
        if block.tile is None:
            _draw_block(canvas, frame, y, fitted, block.fill)
        else:
            _draw_tiled(canvas, frame, y, block, fitted, palette)
        y += block.height(fitted)


def _blocks(content: CardContent, frame: Frame, palette: Palette,
            logo: Image.Image | None) -> list[Block]:
    """The column's blocks that have something to show, most important first."""
    entry = bool(content.headline.strip())
    tile = LogoTile(logo, round(frame.org.max_size * LOGO_TILE)) if logo is not None else None
    org = content.org_name if tile else _prefixed("by", content.org_name)
    blocks = [
        Block(content.headline if entry else content.person_name, frame.name, True,
              palette.text),
        Block(_prefixed("by", content.person_name) if entry else "", frame.title, False,
              palette.text),
        Block(_prefixed("in" if entry else "for", content.campaign_title), frame.title, False,
              palette.text),
        Block(org, frame.org, False, palette.muted, tile),
        Block(content.credit, frame.org, False, palette.muted, optional=True),
    ]
    return [b for b in blocks if b.text.strip() or b.tile]


def _pills(frame: Frame, content: CardContent) -> list[Pill | Chip]:
    """The badge pill and the figure's chip, as many as fit side by side."""
    left, _, right, _ = frame.column
    spec, room = frame.label, right - left
    shapes: list[Pill | Chip] = []
    if content.badge_label.strip():
        label = _fit(content.badge_label.upper(), spec, room - Pill.chrome(spec.max_size), True)
        shapes.append(Pill(label.lines[0], label.size))
        room -= shapes[0].width + frame.px(14)
    if content.stat.strip():
        stat = _fit(content.stat.upper(), spec, room - Chip.chrome(spec.max_size), True)
        if stat.lines and stat.lines[0] != ELLIPSIS:
            shapes.append(Chip(stat.lines[0], stat.size))
    return shapes


def _draw_pills(canvas: Image.Image, frame: Frame, palette: Palette,
                shapes: list[Pill | Chip], top: int) -> None:
    if not shapes:
        return
    gap = frame.px(14)
    height = max(shape.height for shape in shapes)
    x = round(_left(frame, sum(shape.width for shape in shapes) + gap * (len(shapes) - 1)))
    for shape in shapes:
        shape.draw(canvas, x, top + (height - shape.height) // 2, palette)
        x += shape.width + gap


def _fit(
    text: str, spec: TextSpec, width: float, bold: bool, height: float = math.inf
) -> FittedText:
    return fit_text(
        unicodedata.normalize("NFC", text),
        width=width,
        max_size=spec.max_size,
        min_size=spec.min_size,
        max_lines=spec.max_lines,
        height=height,
        bold=bold,
    )


def _left(frame: Frame, content_width: float) -> float:
    left, _, right, _ = frame.column
    return left + (right - left - content_width) / 2 if frame.align == "center" else left


def _draw_block(
    canvas: Image.Image, frame: Frame, top: float, block: FittedText, fill: RGB
) -> None:
    for i, line in enumerate(block.lines):
        x = _left(frame, line_width(line, block.size, block.bold))
        baseline = top + i * block.line_height + block.size * BASELINE
        draw_line(canvas, (x, baseline), line, block.size, block.bold, fill)


def _draw_tiled(canvas: Image.Image, frame: Frame, top: float, block: Block,
                fitted: FittedText, palette: Palette) -> None:
    """The logo tile, then the organization's name centred on it."""
    tile = block.tile
    assert tile is not None
    line = fitted.lines[0] if fitted.lines else ""
    text_width = line_width(line, fitted.size, fitted.bold) if line else 0
    x = round(_left(frame, block.tile_space() + text_width))
    height = block.height(fitted)
    tile.draw(canvas, x, round(top + (height - tile.height) / 2), palette.panel, palette.decor)
    if line:
        baseline = top + height / 2 + fitted.size * CAP_HEIGHT / 2
        draw_line(canvas, (x + block.tile_space(), baseline), line, fitted.size, fitted.bold,
                  block.fill)


def _draw_link(canvas: Image.Image, link: str, x: float, baseline: float, room: float,
               size: int, palette: Palette, align: float = 0) -> None:
    """The short link, at most the wordmark's size, smaller when it is long; a link that
    does not fit whole even at two thirds of that is left out (a cut link leads nowhere)."""
    for step in range(7):
        shown = round(size * (1 - step / 18))
        width = line_width(link, shown, False)
        if width <= room:
            left = x + (room - width) * align  # 0: left, 0.5: centred, 1: right
            draw_line(canvas, (left, baseline), link, shown, False, palette.muted)
            return


def _prefixed(word: str, text: str) -> str:
    return f"{word} {text}" if text.strip() else ""
