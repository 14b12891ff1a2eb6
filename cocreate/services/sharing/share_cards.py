"""Storing share cards by content, in every format, for the award, entry and profile cards.

A card's key is its content's fingerprint plus the format (`cards/<sha256>-og.png`), so an
unchanged card is never drawn twice (a HEAD request finds it) and any change that shows (a
new display name, a new avatar, another vote count) gets a new key, hence a fresh URL that
no cache or social network has seen.
"""

from __future__ import annotations

import threading

import anyio

from cocreate.doors.storage import Storage
from cocreate.lib.cards import CARD_SIZES, TEMPLATE_VERSION, CardContent, render_card
from cocreate.models import Media, Organization, User
from cocreate.services.media.media import still_key

FORMATS = tuple(CARD_SIZES)  # "og" (1200×630), "square" (1080×1080), "story" (1080×1920)
PLATFORM_COLOR = "#5B3DF5"  # cards that belong to no organization (profiles)
_RENDER_LOCK = threading.Lock()


def card_key(content: CardContent, format_name: str) -> str:
    return f"cards/{content.fingerprint(TEMPLATE_VERSION)}-{format_name}.png"


def _render_serially(content: CardContent, size: tuple[int, int]) -> bytes:
    # Cached FreeType faces are shared; one render at a time per process keeps them safe.
    with _RENDER_LOCK:
        return render_card(content, size)


async def store(storage: Storage, content: CardContent,
                formats: tuple[str, ...] = FORMATS) -> dict[str, str]:
    """The card in `formats`, each drawn only when not stored yet: {format: key}."""
    keys = {}
    for name in formats:
        key = card_key(content, name)
        if await storage.head(key) is None:
            png = await anyio.to_thread.run_sync(_render_serially, content, CARD_SIZES[name])
            await storage.write(key, png, "image/png")
        keys[name] = key
    return keys


async def picture(storage: Storage, media: Media | None) -> bytes | None:
    """The checked still of a media (an image, or a video's poster), if it is ready."""
    key = still_key(media)
    return await storage.read(key) if key else None


async def avatar(storage: Storage, person: User) -> bytes | None:
    if not person.avatar_media_id:
        return None
    return await picture(storage, await Media.get_or_none(id=person.avatar_media_id))


async def logo(storage: Storage, org: Organization) -> bytes | None:
    if not org.logo_id:
        return None
    return await picture(storage, await Media.get_or_none(id=org.logo_id))
