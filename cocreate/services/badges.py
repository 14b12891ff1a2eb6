"""Badges: awarding them once per person, badge and campaign."""

from __future__ import annotations

from cocreate import jobs
from cocreate.models import Award, Campaign, Entry, User
from cocreate.services.errors import NotFound

CONTRIBUTOR = "contributor"
LABELS = {CONTRIBUTOR: "Contributor"}
DESCRIPTIONS = {CONTRIBUTOR: "Shared an idea with {org} in “{campaign}”."}
RENDER_JOB = "badges.render"  # services/award_cards.py renders the cards


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
