"""Badges: awarding them once per person, badge and campaign, and rendering their cards."""

from __future__ import annotations

import threading

import anyio

from cocreate import jobs
from cocreate.cards import TEMPLATE_VERSION, CardContent, render_card
from cocreate.models import Award, Campaign, Entry, User
from cocreate.services import media, remix
from cocreate.services.errors import NotFound
from cocreate.storage import Storage

CONTRIBUTOR = "contributor"
LABELS = {CONTRIBUTOR: "Contributor"}
DESCRIPTIONS = {CONTRIBUTOR: "Shared an idea with {org} in “{campaign}”."}
RENDER_JOB = "badges.render"
CARD_SIZE = (1200, 630)
_RENDER_LOCK = threading.Lock()


async def award(user: User, badge: str, campaign: Campaign, entry: Entry | None) -> Award:
    """Award a badge once (call inside the transaction of the event that earned it)."""
    found, created = await Award.get_or_create(
        user=user, badge=badge, campaign=campaign, defaults={"entry": entry}
    )
    if created:
        await jobs.enqueue(RENDER_JOB, {"award_id": found.id}, key=f"award:{found.id}")
    return found


async def get_award(award_id: str) -> Award:
    found = await Award.get_or_none(id=award_id).select_related(
        "user", "campaign", "campaign__org", "entry"
    )
    if found is None:
        raise NotFound("There is no badge at this address.")
    return found


async def award_for_entry(entry_id: str) -> Award | None:
    """The Contributor award an entry earned, whose card is the entry's share image."""
    return (
        await Award.filter(entry_id=entry_id, badge=CONTRIBUTOR).order_by("created_at").first()
    )


async def awards_of(user: User) -> list[Award]:
    return (
        await Award.filter(user=user)
        .select_related("campaign", "campaign__org")
        .order_by("-created_at")
    )


def label(found: Award) -> str:
    return LABELS.get(found.badge, found.badge.title())


def description(found: Award) -> str:
    template = DESCRIPTIONS.get(found.badge, "Earned in “{campaign}”.")
    return template.format(org=found.campaign.org.name, campaign=found.campaign.title)


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
        badge_label=label(found),
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
