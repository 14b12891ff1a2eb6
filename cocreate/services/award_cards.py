"""Award share cards: the worker's half of a badge, rendered and stored by content."""

from __future__ import annotations

import threading

import anyio

from cocreate.cards import TEMPLATE_VERSION, CardContent, render_card
from cocreate.models import Award
from cocreate.services import badges, media, remix
from cocreate.storage import Storage

CARD_SIZE = (1200, 630)
_RENDER_LOCK = threading.Lock()


def _render_serially(content: CardContent) -> bytes:
    # Cached FreeType faces are shared; one render at a time per process keeps them safe.
    with _RENDER_LOCK:
        return render_card(content, CARD_SIZE)


async def render(storage: Storage, award_id: str) -> None:
    """The worker's half: render the share card, store it under a content-derived key."""
    found = await Award.get_or_none(id=award_id).select_related(
        "user", "campaign", "campaign__org", "entry", "entry__media"
    )
    if found is None:
        return
    still = media.still_key(found.entry.media if found.entry else None)
    image = await storage.read(still) if still else None
    content = CardContent(
        badge_label=badges.label(found),
        person_name=found.user.display_name,
        campaign_title=found.campaign.title,
        org_name=found.campaign.org.name,
        brand_color=found.campaign.org.color,
        entry_image=image,
        credit=await remix.credit_line(found.entry, found.campaign.org.name)
        if found.entry else "",
    )
    key = f"cards/{content.fingerprint(TEMPLATE_VERSION)}.png"
    if await storage.head(key) is None:
        png = await anyio.to_thread.run_sync(_render_serially, content)
        await storage.write(key, png, "image/png")
    await Award.filter(id=found.id).update(status="ready", image_key=key)
