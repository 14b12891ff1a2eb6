"""A fundraiser's share card: its title, organization, cover and progress (raised of goal).

The card is drawn when the fundraiser launches, when a manager changes what it shows (the
title, cover, goal or currency), and again whenever the percent of the goal reached changes
(either way: refunds move it back), so a shared link shows the progress within a percent
without a render per gift. Fundraiser.card_percent records the percent last queued; moving
it is a conditional UPDATE in the gift's transaction, so however many gifts arrive at once,
one job is queued per change.
"""

from __future__ import annotations

from cocreate.doors import jobs
from cocreate.doors.storage import Storage
from cocreate.lib import money
from cocreate.lib.cards import CardContent
from cocreate.models import Fundraiser, Media
from cocreate.services.media.media import still_key
from cocreate.services.sharing import share_cards

RENDER_JOB = "sharing.fundraiser_card"
FORMATS = ("og",)
RENDER_ATTEMPTS = 3  # the last one stores what it drew, however the totals moved meanwhile
SHOWN = frozenset({"title", "cover", "goal", "currency"})  # campaign and fundraiser fields


def percent_of(fundraiser: Fundraiser) -> int:
    total = fundraiser.raised + fundraiser.matched
    return total * 100 // fundraiser.goal if fundraiser.goal else 0


async def refresh(campaign_id: str) -> None:
    """Queue a new card when the percent reached is not the one the card shows.

    Call inside the transaction that moved the totals (or the goal), after they moved.
    """
    fundraiser = await Fundraiser.get_or_none(campaign_id=campaign_id)
    if fundraiser is None:
        return
    reached = percent_of(fundraiser)
    moved = await Fundraiser.filter(id=fundraiser.id).exclude(card_percent=reached).update(
        card_percent=reached)
    if moved:
        total = fundraiser.raised + fundraiser.matched
        await jobs.enqueue(RENDER_JOB, {"fundraiser_id": fundraiser.id},
                           key=f"fundraiser-card:{fundraiser.id}:{reached}:{total}:"
                               f"{fundraiser.goal}")


async def redraw(campaign_id: str, stamp: str) -> None:
    """Draw the card again after a manager changed a field in SHOWN (inside that
    transaction)."""
    fundraiser_id = await Fundraiser.filter(campaign_id=campaign_id).values_list("id", flat=True)
    if fundraiser_id:
        await jobs.enqueue(RENDER_JOB, {"fundraiser_id": fundraiser_id[0]},
                           key=f"fundraiser-card:{fundraiser_id[0]}:e{stamp}")


def stat_line(fundraiser: Fundraiser) -> str:
    total = fundraiser.raised + fundraiser.matched
    return (f"{money.format_money(total, fundraiser.currency)} of "
            f"{money.format_money(fundraiser.goal, fundraiser.currency)}")


async def content_of(storage: Storage, fundraiser: Fundraiser) -> CardContent:
    """What the card shows (`fundraiser` with campaign, campaign__org and its cover loaded)."""
    campaign = fundraiser.campaign
    org = campaign.org
    gifts = f"{fundraiser.gift_count:,} gift" + ("" if fundraiser.gift_count == 1 else "s")
    return CardContent(
        badge_label="Fundraiser", person_name=org.name, campaign_title="",
        org_name=org.name, brand_color=org.color,
        entry_image=await share_cards.picture(storage, campaign.cover),
        logo_image=await share_cards.logo(storage, org), headline=campaign.title,
        stat=stat_line(fundraiser),
        credit=f"{percent_of(fundraiser)}% of the goal raised · {gifts}",
    )


async def render(storage: Storage, fundraiser_id: str) -> None:
    """The worker's half: draw the card with the current totals. It is stored only if the
    totals did not move while it was drawn (else drawn again), so a slow job never puts an
    older total over a newer card."""
    for attempt in range(RENDER_ATTEMPTS):
        fundraiser = await Fundraiser.get_or_none(id=fundraiser_id).select_related(
            "campaign", "campaign__org", "campaign__cover")
        if fundraiser is None:
            return
        keys = await share_cards.store(storage, await content_of(storage, fundraiser), FORMATS)
        current = Fundraiser.filter(id=fundraiser.id)
        if attempt < RENDER_ATTEMPTS - 1:
            current = current.filter(raised=fundraiser.raised, matched=fundraiser.matched,
                                     goal=fundraiser.goal)
        if await current.update(card_key=keys["og"]):
            return


async def image_key(fundraiser: Fundraiser, cover_id: str | None) -> str | None:
    """The stored card, else the campaign's cover; None while there is neither."""
    if fundraiser.card_key:
        return fundraiser.card_key
    if cover_id:
        return still_key(await Media.get_or_none(id=cover_id))
    return None
