"""Composing a share card: background, visual, badge pill, name, campaign, wordmark."""

from __future__ import annotations

import math
import unicodedata
from io import BytesIO

from PIL import Image

from cocreate.cards.colors import RGB
from cocreate.cards.content import CardContent
from cocreate.cards.decor import (
    Palette,
    Pill,
    Wordmark,
    background,
    disc,
    medallion,
    palette_for,
    rings,
)
from cocreate.cards.fit import FittedText, fit_text
from cocreate.cards.images import decode, drop_shadow, paste_circle, paste_rounded
from cocreate.cards.layout import Frame, TextSpec, frame_for
from cocreate.cards.text import draw_line, line_height, line_width

TEMPLATE_VERSION = "2"  # part of every fingerprint: bump when the design changes
BASELINE = 0.92  # first baseline below a text block's top, in ems


def render_card(content: CardContent, size: tuple[int, int] = (1200, 630)) -> bytes:
    """The card as PNG bytes of exactly `size` (see CARD_SIZES for the usual three)."""
    if min(size) < 200:
        raise ValueError(f"card size too small: {size}")
    frame = frame_for(size)
    palette = palette_for(content.brand_color)
    canvas = background(size, palette)
    _visual(canvas, frame, palette, content)
    _column(canvas, frame, palette, content)
    out = BytesIO()
    canvas.save(out, "PNG")
    return out.getvalue()


def _visual(canvas: Image.Image, frame: Frame, palette: Palette, content: CardContent) -> None:
    left, top, right, bottom = frame.visual
    avatar = decode(content.avatar_image, palette.panel) if content.avatar_image else None
    if content.entry_image is None:
        name = unicodedata.normalize("NFC", content.person_name)
        medallion(canvas, frame.visual, palette, name, avatar)
        return
    reach = max(right - left, bottom - top)
    radii = [round(reach * f) for f in (0.5, 0.68, 0.86)]
    rings(canvas, (right, bottom), radii, frame.px(3), palette.decor)
    radius = frame.px(28)
    drop_shadow(canvas, frame.visual, radius, palette.shadow, frame.px(18))
    paste_rounded(canvas, decode(content.entry_image), frame.visual, radius)
    if avatar is not None:
        d, border = frame.px(112), frame.px(6)
        center = (left + frame.px(28) + d // 2, bottom - frame.px(28) - d // 2)
        disc(canvas, center, d + 2 * border, palette.panel)
        paste_circle(canvas, avatar, center, d)


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


def _column(canvas: Image.Image, frame: Frame, palette: Palette, content: CardContent) -> None:
    """Pill on top, wordmark at the foot, and between them the name, campaign and org."""
    left, top, right, bottom = frame.column
    width = right - left

    mark = Wordmark(frame.wordmark)
    if frame.wordmark_on_top:
        mark.draw(
            canvas, (canvas.width - mark.width) / 2, frame.visual[1] - frame.px(64), palette.text
        )
    else:
        mark.draw(canvas, left, bottom, palette.text)
        bottom -= mark.size + frame.px(44)

    if content.badge_label.strip():
        spec = frame.label
        label_width = width - Pill.chrome(spec.max_size)
        label = _fit(content.badge_label.upper(), spec, label_width, True)
        pill = Pill(label.lines[0], label.size)
        pill.draw(canvas, round(_left(frame, pill.width)), top, palette)
        top += pill.height + frame.px(36)

    # The name matters most, then the campaign: each gets what the ones after it
    # leave over at their minimum size.
    gap_title, gap_org = frame.px(18), frame.px(10)
    room = bottom - top - gap_title - gap_org
    title_min, org_min = line_height(frame.title.min_size), line_height(frame.org.min_size)
    name = _fit(content.person_name, frame.name, width, True, room - title_min - org_min)
    title_text = _prefixed("for", content.campaign_title)
    title = _fit(title_text, frame.title, width, False, room - name.height - org_min)
    org_room = room - name.height - title.height
    org = _fit(_prefixed("by", content.org_name), frame.org, width, False, org_room)
    # The credit of a remix takes what room is left, and is left out when there is none.
    credit_room = org_room - org.height - gap_org
    credit = _fit(content.credit, frame.org, width, False, credit_room)

    blocks = [
        (block, fill, gap)
        for block, fill, gap in (
            (name, palette.text, gap_title),
            (title, palette.text, gap_org),
            (org, palette.muted, gap_org),
            (credit, palette.muted, 0),
        )
        if block.lines
    ]
    total = sum(block.height + gap for block, _, gap in blocks) - (blocks[-1][2] if blocks else 0)
    y = top + max(0, (bottom - top - total) / 2)
    for block, fill, gap in blocks:
        _draw_block(canvas, frame, y, block, fill)
        y += block.height + gap


def _prefixed(word: str, text: str) -> str:
    return f"{word} {text}" if text.strip() else ""
