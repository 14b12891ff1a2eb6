"""Baking an Open Badges assertion into a PNG: the image stays the same picture, its chunks
stay valid, and the assertion comes back out exactly as it went in."""

from __future__ import annotations

import io
import json
import struct
import zlib

import pytest
from PIL import Image

from cocreate.lib.openbadges.artwork import badge_png
from cocreate.lib.openbadges.baking import NotAPng, bake, unbake

ASSERTION = json.dumps({
    "@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
    "id": "https://cocreate.test/ob/assertions/abc123",
    "narrative": "Shared an entry with Zoë’s Café in “日本語 ✨”.",
}, ensure_ascii=False)


def card(color: str = "#ff5a36", size: tuple[int, int] = (120, 63)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def chunks(png: bytes) -> list[tuple[bytes, bytes, int]]:
    """Every chunk as (type, data, stored CRC), read by hand."""
    found, offset = [], 8
    while offset < len(png):
        length, kind = struct.unpack(">I4s", png[offset:offset + 8])
        data = png[offset + 8:offset + 8 + length]
        (crc,) = struct.unpack(">I", png[offset + 8 + length:offset + 12 + length])
        found.append((kind, data, crc))
        offset += 12 + length
    return found


def test_a_baked_card_gives_back_its_assertion_and_is_still_the_same_picture():
    original = card()
    baked = bake(original, ASSERTION)

    assert unbake(baked) == ASSERTION
    with Image.open(io.BytesIO(baked)) as image:
        image.verify()  # Pillow checks every chunk's CRC up to IEND
    with Image.open(io.BytesIO(baked)) as image:
        image.load()
        assert image.size == (120, 63)
        assert image.text["openbadges"] == ASSERTION  # Pillow reads our iTXt too
        with Image.open(io.BytesIO(original)) as before:
            assert image.tobytes() == before.tobytes()


def test_the_chunk_is_an_uncompressed_itxt_before_iend_with_a_valid_crc():
    original = card()
    baked = bake(original, ASSERTION)
    kinds = [kind for kind, _, _ in chunks(baked)]
    assert kinds[-2:] == [b"iTXt", b"IEND"]
    for kind, data, crc in chunks(baked):
        assert zlib.crc32(kind + data) == crc, kind
    kind, data, _ = chunks(baked)[-2]
    keyword, rest = data.split(b"\0", 1)
    assert keyword == b"openbadges"
    assert rest[:2] == b"\0\0"  # compression flag and method: none
    language, translated, text = rest[2:].split(b"\0", 2)
    assert (language, translated, text.decode()) == (b"", b"", ASSERTION)
    # The image's own chunks are copied byte for byte: no pixel was re-encoded.
    assert baked.replace(struct.pack(">I", len(data)) + kind + data + struct.pack(
        ">I", zlib.crc32(kind + data)), b"") == original


def test_baking_again_replaces_the_old_assertion_instead_of_adding_a_second():
    once = bake(card(), ASSERTION)
    twice = bake(once, '{"id": "https://cocreate.test/ob/assertions/new"}')
    openbadges_chunks = [data for kind, data, _ in chunks(twice)
                         if kind == b"iTXt" and data.startswith(b"openbadges\0")]
    assert len(openbadges_chunks) == 1
    assert unbake(twice) == '{"id": "https://cocreate.test/ob/assertions/new"}'
    assert bake(once, ASSERTION) == once  # same assertion: same bytes


def test_the_generic_badge_class_image_bakes_too():
    emblem = badge_png("#0e7c66")
    assert unbake(emblem) is None
    assert unbake(bake(emblem, ASSERTION)) == ASSERTION


def test_an_unbaked_png_has_nothing_and_other_files_are_refused_clearly():
    assert unbake(card()) is None
    with pytest.raises(NotAPng, match="not a PNG"):
        unbake(b"GIF89a not a png at all")
    with pytest.raises(NotAPng, match="not a PNG"):
        bake(b"", ASSERTION)
    with pytest.raises(NotAPng, match="middle of a chunk"):
        unbake(card()[:40])


def test_a_corrupt_chunk_is_refused_rather_than_trusted():
    baked = bytearray(bake(card(), ASSERTION))
    at = bytes(baked).index(b"Assertion")
    baked[at] = ord("a")  # the text changes, its CRC does not
    with pytest.raises(NotAPng, match="bad CRC"):
        unbake(bytes(baked))
    with Image.open(io.BytesIO(bytes(baked))) as image, pytest.raises(SyntaxError):
        image.verify()  # Pillow agrees: the check above is the PNG's own


def test_a_legacy_text_chunk_and_a_compressed_itxt_are_read():
    def with_chunk(kind: bytes, data: bytes) -> bytes:
        png = card()
        iend = png.rindex(b"IEND") - 4
        return png[:iend] + struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data)) + png[iend:]

    legacy = with_chunk(b"tEXt", b"openbadges\0https://cocreate.test/ob/assertions/abc123")
    assert unbake(legacy) == "https://cocreate.test/ob/assertions/abc123"
    compressed = with_chunk(b"iTXt", b"openbadges\0\x01\x00\0\0" + zlib.compress(
        ASSERTION.encode()))
    assert unbake(compressed) == ASSERTION
