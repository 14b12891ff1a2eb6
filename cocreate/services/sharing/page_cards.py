"""A fundraising page's share card: its owner's name, their photo and their progress.

Drawn when the page is made or edited, and again whenever the percent of its goal reached
changes (refunds move it back), like the fundraiser's own card
(services/sharing/fundraiser_cards.py): FundraisingPage.card_percent records the percent last
queued, moved by a conditional UPDATE in the gift's transaction, so one job is queued per change
however many gifts arrive.
"""

from __future__ import annotations

from cocreate.doors import jobs
from cocreate.doors.storage import Storage
from cocreate.lib import money
from cocreate.lib.cards import CardContent
from cocreate.models import Fundraiser, FundraisingPage, Media
from cocreate.services.media.media import still_key
from cocreate.services.sharing import share_cards

RENDER_JOB = "sharing.page_card"
FORMATS = ("og",)
RENDER_ATTEMPTS = 3


def percent_of(page: FundraisingPage) -> int:
    return page.raised * 100 // page.goal if page.goal else 0


async def queue(page_id: str, reason: str) -> None:
    """Draw the card again because the page itself changed (`reason`: "made", an edit's
    stamp). Call inside the transaction of the change."""
    await jobs.enqueue(RENDER_JOB, {"page_id": page_id}, key=f"page-card:{page_id}:{reason}")


async def refresh(page_id: str) -> None:
    """Queue a new card when the percent reached is not the one the card shows. Call inside
    the transaction that moved the totals (or the goal), after they moved."""
    page = await FundraisingPage.get_or_none(id=page_id).only("id", "raised", "goal")
    if page is None:
        return
    reached = percent_of(page)
    if await FundraisingPage.filter(id=page.id).exclude(card_percent=reached).update(
            card_percent=reached):
        await queue(page.id, f"{reached}:{page.raised}:{page.goal}")


def stat_line(page: FundraisingPage, currency: str) -> str:
    return (f"{money.format_money(page.raised, currency)} of "
            f"{money.format_money(page.goal, currency)}")


async def content_of(storage: Storage, page: FundraisingPage, currency: str) -> CardContent:
    """What the card shows (`page` with owner, photo, campaign, its org and cover loaded)."""
    campaign = page.campaign
    org = campaign.org
    gifts = f"{page.gift_count:,} gift" + ("" if page.gift_count == 1 else "s")
    picture = await share_cards.picture(storage, page.photo) or await share_cards.picture(
        storage, campaign.cover)
    return CardContent(
        badge_label="Fundraiser", person_name=page.owner.display_name,
        campaign_title=campaign.title, org_name=org.name, brand_color=org.color,
        entry_image=picture, avatar_image=await share_cards.avatar(storage, page.owner),
        logo_image=await share_cards.logo(storage, org), headline=page.title,
        stat=stat_line(page, currency),
        credit=f"{percent_of(page)}% of the goal raised · {gifts}",
    )


async def render(storage: Storage, page_id: str) -> None:
    """The worker's half: draw the card with the current totals; stored only if they did
    not move while it was drawn (else drawn again), so a slow job never shows an older
    total over a newer card."""
    for attempt in range(RENDER_ATTEMPTS):
        page = await FundraisingPage.get_or_none(id=page_id).select_related(
            "owner", "photo", "campaign", "campaign__org", "campaign__cover")
        if page is None:
            return
        currency = (await Fundraiser.get(campaign_id=page.campaign_id)).currency
        keys = await share_cards.store(storage, await content_of(storage, page, currency),
                                       FORMATS)
        current = FundraisingPage.filter(id=page.id)
        if attempt < RENDER_ATTEMPTS - 1:
            current = current.filter(raised=page.raised, goal=page.goal, title=page.title,
                                     photo_id=page.photo_id)
        if await current.update(card_key=keys["og"]):
            return


async def image_key(page: FundraisingPage) -> str | None:
    """The stored card, else the page's photo; None while there is neither."""
    if page.card_key:
        return page.card_key
    if page.photo_id:
        return still_key(await Media.get_or_none(id=page.photo_id))
    return None
