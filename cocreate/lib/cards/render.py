"""Composing a share card: background, the visual, then the column of texts."""

from __future__ import annotations

import unicodedata
from io import BytesIO

from PIL import Image

from cocreate.lib.cards.column import draw_column
from cocreate.lib.cards.content import CardContent
from cocreate.lib.cards.decor import Palette, background, disc, medallion, palette_for, rings
from cocreate.lib.cards.images import decode, decode_rgba, drop_shadow, paste_circle, paste_rounded
from cocreate.lib.cards.layout import Frame, frame_for

TEMPLATE_VERSION = "4"  # part of every fingerprint: bump when the design changes


def render_card(content: CardContent, size: tuple[int, int] = (1200, 630)) -> bytes:
    """The card as PNG bytes of exactly `size` (see CARD_SIZES for the usual three)."""
    if min(size) < 200:
        raise ValueError(f"card size too small: {size}")
    frame = frame_for(size, dense=bool(content.headline.strip()))
    palette = palette_for(content.brand_color)
    canvas = background(size, palette)
    _visual(canvas, frame, palette, content)
    logo = decode_rgba(content.logo_image) if content.logo_image else None
    draw_column(canvas, frame, palette, content, logo)
    out = BytesIO()
    # zlib level 3 instead of 6: encoding took half the time of a card; the file grows by
    # 4 to 20 % (a card is well under 1 MB either way).
    canvas.save(out, "PNG", compress_level=3)
    return out.getvalue()


def _visual(canvas: Image.Image, frame: Frame, palette: Palette, content: CardContent) -> None:
    left, top, right, bottom = frame.visual
    reach = max(right - left, bottom - top)
    avatar = decode(content.avatar_image, palette.panel, reach) if content.avatar_image else None
    if content.entry_image is None:
        name = unicodedata.normalize("NFC", content.person_name)
        medallion(canvas, frame.visual, palette, name, avatar)
        return
    radii = [round(reach * f) for f in (0.5, 0.68, 0.86)]
    rings(canvas, (right, bottom), radii, frame.px(3), palette.decor)
    radius = frame.px(28)
    drop_shadow(canvas, frame.visual, radius, palette.shadow, frame.px(18))
    paste_rounded(canvas, decode(content.entry_image, at_least=reach), frame.visual, radius)
    if avatar is not None:
        d, border = frame.px(112), frame.px(6)
        center = (left + frame.px(28) + d // 2, bottom - frame.px(28) - d // 2)
        disc(canvas, center, d + 2 * border, palette.panel)
        paste_circle(canvas, avatar, center, d)
