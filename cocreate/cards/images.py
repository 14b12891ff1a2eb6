"""Image helpers for cards: decoding, cover-cropping and anti-aliased shapes."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter, ImageOps

from cocreate.cards.colors import RGB

Box = tuple[int, int, int, int]  # left, top, right, bottom
_SUPERSAMPLE = 4


def decode(data: bytes, matte: RGB = (255, 255, 255)) -> Image.Image:
    """An RGB image, upright, with transparency flattened onto `matte`."""
    with Image.open(BytesIO(data)) as source:
        source.draft("RGB", (2400, 2400))  # JPEG: decode at a reduced scale when large
        image = ImageOps.exif_transpose(source)
        if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
            rgba = image.convert("RGBA")
            flat = Image.new("RGB", rgba.size, matte)
            flat.paste(rgba, mask=rgba.getchannel("A"))
            return flat
        return image.convert("RGB")


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


def rounded_mask(size: tuple[int, int], radius: int) -> Image.Image:
    def paint(draw: ImageDraw.ImageDraw, s: int) -> None:
        draw.rounded_rectangle((0, 0, size[0] * s - 1, size[1] * s - 1), radius * s, fill=255)

    return smooth_mask(size, paint)


def circle_mask(diameter: int) -> Image.Image:
    def paint(draw: ImageDraw.ImageDraw, s: int) -> None:
        draw.ellipse((0, 0, diameter * s - 1, diameter * s - 1), fill=255)

    return smooth_mask((diameter, diameter), paint)


def fill_shape(canvas: Image.Image, origin: tuple[int, int], mask: Image.Image, color: RGB) -> None:
    canvas.paste(Image.new("RGB", mask.size, color), origin, mask)


def drop_shadow(canvas: Image.Image, box: Box, radius: int, color: RGB, spread: int) -> None:
    """A soft shadow under a rounded box, offset downwards like overhead light."""
    left, top, right, bottom = box
    pad = spread * 3
    mask = Image.new("L", (right - left + 2 * pad, bottom - top + 2 * pad), 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        (pad, pad, pad + right - left, pad + bottom - top), radius, fill=90
    )
    mask = mask.filter(ImageFilter.GaussianBlur(spread))
    canvas.paste(Image.new("RGB", mask.size, color), (left - pad, top - pad + spread // 2), mask)


def paste_rounded(canvas: Image.Image, image: Image.Image, box: Box, radius: int) -> None:
    size = (box[2] - box[0], box[3] - box[1])
    canvas.paste(cover(image, size), box[:2], rounded_mask(size, radius))


def paste_circle(canvas: Image.Image, image: Image.Image, center: tuple[int, int], d: int) -> None:
    origin = (center[0] - d // 2, center[1] - d // 2)
    canvas.paste(cover(image, (d, d)), origin, circle_mask(d))
