"""Uploaded images are checked by their bytes and re-encoded without metadata."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from cocreate.lib.imaging import ImageRejected, clean_image, sniff_type

LIMIT = 40_000_000


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (800, 600), "#ffaa00")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 29.0)}  # GPS IFD: latitude
    exif[0x0112] = 6  # orientation: rotate 90° on display
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_gps_and_other_exif_are_stripped_and_orientation_applied():
    clean = clean_image(_jpeg_with_gps(), "image/jpeg", LIMIT)
    image = Image.open(io.BytesIO(clean.data))
    assert dict(image.getexif()) == {}
    assert "exif" not in image.info
    assert (clean.width, clean.height) == (600, 800)  # upright pixels now
    assert clean.content_type == "image/jpeg"
    thumb = Image.open(io.BytesIO(clean.thumbnail))
    assert max(thumb.size) <= 640


def test_a_text_file_claiming_to_be_png_is_rejected():
    with pytest.raises(ImageRejected, match="not a JPEG, PNG, WebP or GIF"):
        clean_image(b"hello, I am not a picture" * 10, "image/png", LIMIT)


def test_a_png_declared_as_jpeg_is_rejected():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "PNG")
    with pytest.raises(ImageRejected, match="not the image/jpeg declared"):
        clean_image(buffer.getvalue(), "image/jpeg", LIMIT)


def test_a_decompression_bomb_is_rejected_before_decoding():
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG")
    with pytest.raises(ImageRejected, match="too many pixels"):
        clean_image(buffer.getvalue(), "image/png", LIMIT)


def test_a_truncated_image_is_rejected():
    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), "#123456").save(buffer, "JPEG")
    with pytest.raises(ImageRejected, match="could not be read"):
        clean_image(buffer.getvalue()[:200], "image/jpeg", LIMIT)


def test_transparency_survives_as_png():
    buffer = io.BytesIO()
    Image.new("RGBA", (50, 50), (255, 0, 0, 0)).save(buffer, "PNG")
    clean = clean_image(buffer.getvalue(), "image/png", LIMIT)
    assert clean.content_type == "image/png"
    assert Image.open(io.BytesIO(clean.data)).mode == "RGBA"


@pytest.mark.parametrize(("data", "kind"), [
    (b"\xff\xd8\xff\xe0rest", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\nrest", "image/png"),
    (b"GIF89arest", "image/gif"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", None),
])
def test_types_are_told_by_magic_bytes(data, kind):
    assert sniff_type(data) == kind
