"""Baking: an Open Badges assertion carried inside a PNG, in an `iTXt` chunk keyed
"openbadges", so the image itself can be verified wherever it travels.

The image chunks are copied byte for byte (no pixel is re-encoded); only the openbadges
chunk is added before IEND, replacing any earlier one (the spec allows exactly one).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
KEYWORD = b"openbadges"


class NotAPng(ValueError):
    """The bytes are not a well-formed PNG (bad signature, truncated chunk or bad CRC)."""


def _chunks(png: bytes) -> Iterator[tuple[bytes, bytes, bytes]]:
    """Each chunk as (type, data, the raw bytes of the whole chunk), CRCs checked."""
    if not png.startswith(PNG_SIGNATURE):
        raise NotAPng("This is not a PNG image.")
    offset = len(PNG_SIGNATURE)
    while offset < len(png):
        if offset + 8 > len(png):
            raise NotAPng("The PNG ends in the middle of a chunk.")
        length, kind = struct.unpack(">I4s", png[offset:offset + 8])
        end = offset + 12 + length
        if end > len(png):
            raise NotAPng("The PNG ends in the middle of a chunk.")
        data = png[offset + 8:offset + 8 + length]
        (crc,) = struct.unpack(">I", png[end - 4:end])
        if zlib.crc32(kind + data) != crc:
            raise NotAPng(f"The PNG's {kind.decode('latin-1')} chunk is corrupt (bad CRC).")
        yield kind, data, png[offset:end]
        offset = end
        if kind == b"IEND":
            return
    raise NotAPng("The PNG has no IEND chunk.")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _is_openbadges(kind: bytes, data: bytes) -> bool:
    return kind in (b"iTXt", b"tEXt") and data.split(b"\0", 1)[0] == KEYWORD


def bake(png: bytes, text: str) -> bytes:
    """The PNG with `text` (the assertion JSON, or a signed JWS) baked in, uncompressed."""
    itxt = _chunk(b"iTXt", KEYWORD + b"\0" + b"\0\0" + b"\0" + b"\0" + text.encode("utf-8"))
    parts = [PNG_SIGNATURE]
    for kind, data, raw in _chunks(png):
        if _is_openbadges(kind, data):
            continue  # an earlier baking: replaced, never duplicated
        if kind == b"IEND":
            parts.append(itxt)
        parts.append(raw)
    return b"".join(parts)


def unbake(png: bytes) -> str | None:
    """The baked text, or None for a PNG that carries none. Raises NotAPng otherwise.

    Reads the first openbadges chunk: an iTXt (compressed or not), or the legacy tEXt that
    held only the assertion's URL.
    """
    for kind, data, _ in _chunks(png):
        if not _is_openbadges(kind, data):
            continue
        body = data[len(KEYWORD) + 1:]
        if kind == b"tEXt":
            return body.decode("latin-1")
        if len(body) < 2:
            raise NotAPng("The PNG's openbadges chunk is malformed.")
        compressed, rest = body[0], body[2:]
        parts = rest.split(b"\0", 2)  # language tag, translated keyword, text
        if len(parts) != 3:
            raise NotAPng("The PNG's openbadges chunk is malformed.")
        raw = parts[2]
        try:
            return (zlib.decompress(raw) if compressed else raw).decode("utf-8")
        except (zlib.error, UnicodeDecodeError) as error:
            raise NotAPng("The PNG's openbadges chunk is malformed.") from error
    return None
