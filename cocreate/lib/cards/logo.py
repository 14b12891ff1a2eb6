"""The organization's logo on a small rounded tile, readable on any brand colour.

Logos arrive in every shape: opaque JPEGs, dark marks on transparency, white marks meant
for dark backgrounds. The tile behind the logo is white, or near-black when the logo's own
ink is light, so the mark always stands out from what is behind it.
"""

from __future__ import annotations

from PIL import Image, ImageStat

from cocreate.lib.cards.colors import INK, RGB, WHITE, contrast_ratio
from cocreate.lib.cards.images import contain, fill_shape, rounded_mask

MAX_ASPECT = 3.2  # a wide wordmark logo may take this many tile heights
PADDING = 0.16  # around the logo, in tile heights
OUTLINE_BELOW = 1.4  # outline the tile when it is this close to the panel behind it


def tile_color(logo: Image.Image) -> RGB:
    """White, unless the logo's visible pixels read better on near-black."""
    alpha = logo.getchannel("A")
    if alpha.getextrema()[0] == 255:
        return WHITE  # opaque: the tile is only a frame
    visible = alpha.point(lambda a: 255 if a >= 128 else 0)
    if visible.getbbox() is None:
        return WHITE
    mean = ImageStat.Stat(logo.convert("RGB"), mask=visible).mean
    ink = (round(mean[0]), round(mean[1]), round(mean[2]))
    return WHITE if contrast_ratio(ink, WHITE) >= contrast_ratio(ink, INK) else INK


class LogoTile:
    """A logo contained in a rounded tile `height` pixels tall (and up to MAX_ASPECT wide)."""

    def __init__(self, logo: Image.Image, height: int) -> None:
        self.height = height
        pad = round(height * PADDING)
        inner = (round(height * MAX_ASPECT) - 2 * pad, height - 2 * pad)
        self.logo = contain(logo, inner)
        self.width = max(height, self.logo.width + 2 * pad)
        self.color = tile_color(logo)

    def draw(self, canvas: Image.Image, x: int, top: int, panel: RGB, outline: RGB) -> None:
        """The tile with its top left at (x, top); outlined when it would melt into `panel`."""
        radius = round(self.height * 0.24)
        if contrast_ratio(self.color, panel) < OUTLINE_BELOW:
            edge = max(2, round(self.height * 0.03))
            fill_shape(canvas, (x, top), rounded_mask((self.width, self.height), radius), outline)
            inner = (self.width - 2 * edge, self.height - 2 * edge)
            fill_shape(canvas, (x + edge, top + edge), rounded_mask(inner, radius - edge),
                       self.color)
        else:
            fill_shape(canvas, (x, top), rounded_mask((self.width, self.height), radius),
                       self.color)
        origin = (x + (self.width - self.logo.width) // 2,
                  top + (self.height - self.logo.height) // 2)
        canvas.paste(self.logo, origin, self.logo)
