"""Checking untrusted images and re-encoding them from pixels.

Nothing uploaded is served as-is: the bytes must be a real JPEG, PNG, WebP or GIF (by magic
bytes, whatever the browser claimed), decode under a pixel limit, and are re-encoded from
pixels, which drops EXIF (GPS included), XMP, ICC and comments.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_TYPES = ("image/jpeg", "image/png", "image/webp", "image/gif")
THUMBNAIL_BOX = (640, 640)
_PILLOW_FORMATS = {
    "JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif",
}


class ImageRejected(Exception):
    """The upload is not an image we accept; the message is shown to its owner."""


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    content_type: str
    extension: str
    width: int
    height: int
    thumbnail: bytes


def sniff_type(data: bytes) -> str | None:
    """The image type the bytes really are, from their magic numbers."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _open_within_limit(data: bytes, max_pixels: int) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > max_pixels:
                raise ImageRejected(
                    f"The image has too many pixels ({width}×{height}); the limit is "
                    f"{max_pixels:,} pixels in all."
                )
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ImageRejected(
                f"The image has too many pixels; the limit is {max_pixels:,} pixels in all."
            ) from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise ImageRejected("The file could not be read as an image.") from error
    return image


def _encode(image: Image.Image, keep_alpha: bool, source_type: str) -> tuple[bytes, str, str]:
    buffer = io.BytesIO()
    if keep_alpha:
        image.save(buffer, "PNG", optimize=True)
        return buffer.getvalue(), "image/png", "png"
    if source_type == "image/webp":
        image.save(buffer, "WEBP", quality=85)
        return buffer.getvalue(), "image/webp", "webp"
    image.save(buffer, "JPEG", quality=86, optimize=True, progressive=True)
    return buffer.getvalue(), "image/jpeg", "jpg"


def clean_image(data: bytes, declared_type: str, max_pixels: int) -> CleanImage:
    """Validate an uploaded image and return it re-encoded, with a thumbnail."""
    real_type = sniff_type(data)
    if real_type is None:
        raise ImageRejected("The file is not a JPEG, PNG, WebP or GIF image.")
    if real_type != declared_type:
        raise ImageRejected(f"The file is a {real_type} image, not the {declared_type} declared.")
    image = _open_within_limit(data, max_pixels)
    if _PILLOW_FORMATS.get(image.format or "") != real_type:
        raise ImageRejected("The file's content does not match its type.")
    image = ImageOps.exif_transpose(image)  # upright pixels, so the orientation tag can go
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    pixels = image.convert("RGBA" if has_alpha else "RGB")
    pixels.info = {}
    encoded, content_type, extension = _encode(pixels, has_alpha, real_type)
    thumb = pixels.copy()
    thumb.thumbnail(THUMBNAIL_BOX)
    thumb_bytes, _, _ = _encode(thumb, has_alpha, real_type)
    return CleanImage(
        data=encoded,
        content_type=content_type,
        extension=extension,
        width=pixels.width,
        height=pixels.height,
        thumbnail=thumb_bytes,
    )
