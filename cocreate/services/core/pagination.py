"""Opaque cursors for keyset pagination (no OFFSET, no COUNT)."""

from __future__ import annotations

import base64
import json
from typing import Any

from cocreate.lib.errors import Invalid


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps(values, separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (ValueError, json.JSONDecodeError) as error:
        raise Invalid("The page cursor is not valid.", {"cursor": "Not a valid cursor."}) from error
    if not isinstance(values, list) or len(values) != size:
        raise Invalid("The page cursor is not valid.", {"cursor": "Not a valid cursor."})
    return values
