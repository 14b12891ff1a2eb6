"""Image helpers for cards: decoding, cover-cropping and anti-aliased shapes."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from functools import lru_cache
from io import BytesIO

from PIL import ExifTags, Image, ImageDraw, ImageFilter, ImageOps, UnidentifiedImageError

from cocreate.lib.cards.colors import RGB

Box = tuple[int, int, int, int]  # left, top, right, bottom
_SUPERSAMPLE = 4


def decode(data: bytes, matte: RGB = (255, 255, 255), at_least: int = 2400) -> Image.Image:
    """An RGB image, upright, with transparency flattened onto `matte`.

    A large JPEG is decoded at a reduced scale (1/2, 1/4, 1/8) that still leaves both sides
    at least `at_least` pixels (either way round, whatever its EXIF orientation): a phone
    photo for a 500-pixel box decodes in a fraction of the time.
    """
    source = Image.open(BytesIO(data))  # no `with`: closing would free the decoded pixels
    source.draft("RGB", (at_least, at_least))
    source.load()
    upright = source.getexif().get(ExifTags.Base.Orientation, 1) == 1
    image = source if upright else ImageOps.exif_transpose(source)  # a copy only if turned
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, matte)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image if image.mode == "RGB" else image.convert("RGB")


def decode_rgba(data: bytes) -> Image.Image | None:
    """An RGBA image, upright, or None when `data` is not a picture Pillow reads safely.

    Logos keep their transparency (the tile behind them is chosen to suit them). A broken
    or oversized picture leaves the card without it instead of failing the render.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as source:
                source.draft("RGB", (1200, 1200))
                return ImageOps.exif_transpose(source).convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning):
        return None


def contain(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Scale `image` to fit inside `size`, keeping its proportions."""
    return ImageOps.contain(image, size, Image.Resampling.LANCZOS)


def cover(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Scale and crop `image` to fill `size` exactly, keeping the upper middle (faces)."""
    return ImageOps.fit(image, size, Image.Resampling.LANCZOS, centering=(0.5, 0.4))


def smooth_mask(
    size: tuple[int, int], paint: Callable[[ImageDraw.ImageDraw, int], None]
) -> Image.Image:
    """An anti-aliased "L" mask: `paint(draw, scale)` draws at `scale`× and is downsampled."""
    big = Image.new("L", (size[0] * _SUPERSAMPLE, size[1] * _SUPERSAMPLE), 0)
    paint(ImageDraw.Draw(big), _SUPERSAMPLE)
    return big.reduce(_SUPERSAMPLE)


# Masks depend only on the layout, the same for every card of a format: they are cached
# (and only ever read: pasted through, never drawn on).


@lru_cache(maxsize=64)
def rounded_mask(size: tuple[int, int], radius: int) -> Image.Image:
    def paint(draw: ImageDraw.ImageDraw, s: int) -> None:
        draw.rounded_rectangle((0, 0, size[0] * s - 1, size[1] * s - 1), radius * s, fill=255)

    return smooth_mask(size, paint)


@lru_cache(maxsize=64)
def circle_mask(diameter: int) -> Image.Image:
    def paint(draw: ImageDraw.ImageDraw, s: int) -> None:
        draw.ellipse((0, 0, diameter * s - 1, diameter * s - 1), fill=255)

    return smooth_mask((diameter, diameter), paint)


def fill_shape(canvas: Image.Image, origin: tuple[int, int], mask: Image.Image, color: RGB) -> None:
    canvas.paste(color, origin, mask)


@lru_cache(maxsize=16)
def _shadow_mask(size: tuple[int, int], radius: int, spread: int) -> Image.Image:
    pad = spread * 3
    mask = Image.new("L", (size[0] + 2 * pad, size[1] + 2 * pad), 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        (pad, pad, pad + size[0], pad + size[1]), radius, fill=90
    )
    return mask.filter(ImageFilter.GaussianBlur(spread))


def drop_shadow(canvas: Image.Image, box: Box, radius: int, color: RGB, spread: int) -> None:
    """A soft shadow under a rounded box, offset downwards like overhead light."""
    left, top, right, bottom = box
    pad = spread * 3
    mask = _shadow_mask((right - left, bottom - top), radius, spread)
    fill_shape(canvas, (left - pad, top - pad + spread // 2), mask, color)


def paste_rounded(canvas: Image.Image, image: Image.Image, box: Box, radius: int) -> None:
    size = (box[2] - box[0], box[3] - box[1])
    canvas.paste(cover(image, size), box[:2], rounded_mask(size, radius))


def paste_circle(canvas: Image.Image, image: Image.Image, center: tuple[int, int], d: int) -> None:
    origin = (center[0] - d // 2, center[1] - d // 2)
    canvas.paste(cover(image, (d, d)), origin, circle_mask(d))
