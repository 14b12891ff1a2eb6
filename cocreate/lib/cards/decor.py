"""The card's graphic pieces: background, badge pill, wordmark and fallback medallion."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw

from cocreate.lib.cards.bidi import paragraph_level
from cocreate.lib.cards.colors import (
    BLACK,
    RGB,
    away_from,
    contrast_ratio,
    mix,
    parse_hex,
    readable_panel,
    readable_tint,
)
from cocreate.lib.cards.fit import graphemes
from cocreate.lib.cards.images import Box, circle_mask, fill_shape, paste_circle, smooth_mask
from cocreate.lib.cards.text import draw_centered, draw_line, line_width

CAP_HEIGHT = 0.714  # Noto Sans, in ems: centres Latin labels optically


@dataclass(frozen=True)
class Palette:
    panel: RGB  # the brand colour, nudged if needed so `text` passes 4.5:1
    text: RGB  # white or near-black
    muted: RGB  # secondary text, still ≥ 4.5:1 on the panel
    deep: RGB  # gradient end and fills: further from `text`, so contrast only grows
    decor: RGB
    shadow: RGB


def palette_for(brand_color: str) -> Palette:
    panel, text = readable_panel(parse_hex(brand_color))
    away = away_from(text)
    if contrast_ratio(panel, away) < 1.2:
        # Already at the extreme (white, black): shade gently towards the text
        # instead, which still leaves far more than 4.5:1.
        away = mix(panel, text, 0.5)
    return Palette(
        panel=panel,
        text=text,
        muted=readable_tint(text, panel, 0.2),
        deep=mix(panel, away, 0.14),
        decor=mix(panel, away, 0.24),
        shadow=mix(panel, BLACK, 0.6),
    )


@lru_cache(maxsize=8)
def _diagonal_ramp(size: tuple[int, int]) -> Image.Image:
    vertical = Image.linear_gradient("L").resize(size)
    horizontal = Image.linear_gradient("L").rotate(90).resize(size)
    return ImageChops.add(vertical, horizontal, scale=2)


def background(size: tuple[int, int], palette: Palette) -> Image.Image:
    """A diagonal gradient from the panel colour (top left) to a deeper shade: a fresh copy
    of the one last drawn for this size and colours (an award draws three sizes at once)."""
    return _background(size, palette.panel, palette.deep).copy()


@lru_cache(maxsize=4)  # at most 4 x 6 MB (1080 x 1920 RGB)
def _background(size: tuple[int, int], panel: RGB, deep: RGB) -> Image.Image:
    canvas = Image.new("RGB", size, panel)
    canvas.paste(deep, (0, 0), _diagonal_ramp(size))
    return canvas


def disc(canvas: Image.Image, center: tuple[int, int], diameter: int, color: RGB) -> None:
    origin = (center[0] - diameter // 2, center[1] - diameter // 2)
    fill_shape(canvas, origin, circle_mask(diameter), color)


def rings(
    canvas: Image.Image, center: tuple[int, int], radii: list[int], width: int, color: RGB
) -> None:
    """Concentric outlines, a quiet echo of a badge's rosette."""
    fill_shape(canvas, (0, 0), _rings_mask(canvas.size, center, tuple(radii), width), color)


@lru_cache(maxsize=16)
def _rings_mask(
    size: tuple[int, int], center: tuple[int, int], radii: tuple[int, ...], width: int
) -> Image.Image:
    """The same for every card of a format, and costly (supersampled): drawn once."""

    def paint(draw: ImageDraw.ImageDraw, s: int) -> None:
        x, y = center[0] * s, center[1] * s
        for r in radii:
            draw.ellipse((x - r * s, y - r * s, x + r * s, y + r * s), outline=255, width=width * s)

    return smooth_mask(size, paint)


def _star(size: int, scale: int) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        r = size / 2 if i % 2 == 0 else size * 0.225
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(
            ((size / 2 + r * math.cos(angle)) * scale, (size / 2 + r * math.sin(angle)) * scale)
        )
    return points


class Pill:
    """A badge pill: a star and a short label in a fully rounded box."""

    def __init__(self, label: str, size: int) -> None:
        self.label, self.size = label, size
        self.height = round(size * 2.0)
        self.icon, self.gap = size, round(size * 0.5)
        self.inner = round(size * 0.72)  # padding on the star's side
        self.outer = round(size * 0.9)  # padding on the label's side
        self.width = round(
            self.inner + self.icon + self.gap + line_width(label, size, True) + self.outer
        )

    @staticmethod
    def chrome(size: int) -> int:
        """Horizontal space a pill at `size` takes besides its label."""
        return Pill("", size).width

    def draw(self, canvas: Image.Image, x: int, top: int, palette: Palette) -> None:
        def box(draw: ImageDraw.ImageDraw, s: int) -> None:
            r = self.height * s // 2
            draw.rounded_rectangle((0, 0, self.width * s - 1, self.height * s - 1), r, fill=255)

        def star(draw: ImageDraw.ImageDraw, s: int) -> None:
            draw.polygon(_star(self.icon, s), fill=255)

        fill_shape(canvas, (x, top), smooth_mask((self.width, self.height), box), palette.text)
        rtl = paragraph_level(self.label) == 1  # the star leads, on the right for RTL labels
        star_x = x + self.width - self.inner - self.icon if rtl else x + self.inner
        text_x = x + self.outer if rtl else x + self.inner + self.icon + self.gap
        star_mask = smooth_mask((self.icon, self.icon), star)
        fill_shape(canvas, (star_x, top + (self.height - self.icon) // 2), star_mask, palette.panel)
        baseline = top + self.height / 2 + self.size * CAP_HEIGHT / 2
        draw_line(canvas, (text_x, baseline), self.label, self.size, True, palette.panel)


class Chip:
    """A figure in an outlined pill ("128 VOTES"), quieter than the badge pill beside it."""

    def __init__(self, label: str, size: int) -> None:
        self.label, self.size = label, size
        self.height = round(size * 2.0)
        self.pad = round(size * 0.9)
        self.stroke = max(2, round(size * 0.12))
        self.width = round(2 * self.pad + line_width(label, size, True))

    @staticmethod
    def chrome(size: int) -> int:
        return Chip("", size).width

    def draw(self, canvas: Image.Image, x: int, top: int, palette: Palette) -> None:
        def ring(draw: ImageDraw.ImageDraw, s: int) -> None:
            r = self.height * s // 2
            box = (0, 0, self.width * s - 1, self.height * s - 1)
            draw.rounded_rectangle(box, r, outline=255, width=self.stroke * s)

        fill_shape(canvas, (x, top), smooth_mask((self.width, self.height), ring), palette.text)
        baseline = top + self.height / 2 + self.size * CAP_HEIGHT / 2
        draw_line(canvas, (x + self.pad, baseline), self.label, self.size, True, palette.text)


class Wordmark:
    """The site's logo: a rounded tile with a four-pointed star cut out of it (the ✦ of the
    page header), and "cocreate"."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.mark = round(size * 1.45)
        self.gap = round(size * 0.45)
        self.width = self.mark + self.gap + line_width("cocreate", size, True)

    def draw(self, canvas: Image.Image, x: float, baseline: float, color: RGB) -> None:
        d = self.mark

        def paint(draw: ImageDraw.ImageDraw, s: int) -> None:
            draw.rounded_rectangle((0, 0, d * s - 1, d * s - 1), round(d * 0.3 * s), fill=255)
            draw.polygon(star_points(d * s / 2, d * s / 2, d * s * 0.3), fill=0)

        top = round(baseline - self.size * CAP_HEIGHT / 2 - d / 2)
        fill_shape(canvas, (round(x), top), smooth_mask((d, d), paint), color)
        draw_line(canvas, (x + self.mark + self.gap, baseline), "cocreate", self.size, True, color)


def star_points(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    """A four-pointed star (✦): points up, right, down and left, pinched between them."""
    inner = outer * 0.3
    points = []
    for k in range(8):
        radius = outer if k % 2 == 0 else inner
        angle = math.pi / 4 * k - math.pi / 2
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def initials(name: str) -> str:
    """Up to two initials: Zoë Łukasiewicz → ZŁ; uncased scripts (山田太郎, محمد) give one."""
    words = [w for w in name.split() if unicodedata.category(w[0]).startswith("L")]
    if not words:
        clusters = graphemes(name.strip())
        return clusters[0] if clusters else ""
    first = graphemes(words[0])[0]
    if len(words) > 1 and first.upper() != first.lower():
        return (first + graphemes(words[-1])[0]).upper()
    return first.upper()


def medallion(
    canvas: Image.Image, box: Box, palette: Palette, name: str, avatar: Image.Image | None
) -> None:
    """The visual when there is no entry image: the avatar, or initials, in a rosette."""
    left, top, right, bottom = box
    center = ((left + right) // 2, (top + bottom) // 2)
    d = round(min(right - left, bottom - top) * 0.56)
    step = round(d * 0.13)
    radii = [d // 2 + step * k for k in (1, 2, 3)]
    rings(canvas, center, radii, max(2, round(d * 0.012)), palette.decor)
    disc(canvas, center, d + step, palette.deep)
    if avatar is not None:
        paste_circle(canvas, avatar, center, d)
        return
    disc(canvas, center, d, palette.text)
    letters = initials(name)
    size = round(d * (0.4 if len(letters) > 1 else 0.46))
    while size > 12 and line_width(letters, size, True) > d * 0.7:
        size -= 2
    draw_centered(canvas, center, letters, size, True, palette.panel)
