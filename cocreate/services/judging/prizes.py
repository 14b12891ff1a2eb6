"""Prizes and winners: managers set the prizes, pick winning entries while judging, and
everyone sees the winners once the campaign shows its results."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.models import Campaign, CampaignPhase, EntryStatus, Prize, User, Winner
from cocreate.services.campaigns import campaigns, phases
from cocreate.services.core import audit
from cocreate.services.core.validation import FieldErrors
from cocreate.services.entries import entries
from cocreate.services.orgs import orgs

MAX_PRIZES = 20
WINNER_RELATED = ("prize", "entry", "entry__author", "entry__media", "entry__team")


@dataclass(frozen=True)
class PrizeIn:
    rank: int
    title: str
    description: str = ""


async def list_prizes(campaign: Campaign) -> list[Prize]:
    return await Prize.filter(campaign=campaign).order_by("rank")


async def set_prizes(actor: User, campaign_slug: str, wanted: list[PrizeIn]) -> list[Prize]:
    """Replace the campaign's prizes. Prizes already won can't be removed."""
    campaign = await campaigns.get_campaign(campaign_slug)
    await orgs.require_manager(actor, campaign.org)
    errors = FieldErrors()
    if len(wanted) > MAX_PRIZES:
        errors.add("prizes", f"A campaign can have at most {MAX_PRIZES} prizes.")
    ranks = [prize.rank for prize in wanted]
    if len(set(ranks)) != len(ranks) or any(rank < 1 for rank in ranks):
        errors.add("prizes", "Give each prize its own rank: 1 for the first prize, 2, 3 ...")
    cleaned = []
    for number, prize in enumerate(wanted):
        title = errors.text(f"prizes.{number}.title", prize.title, label="Prize", max_len=140)
        description = errors.text(f"prizes.{number}.description", prize.description,
                                  label="Description", min_len=0, max_len=2000, multiline=True)
        cleaned.append(PrizeIn(prize.rank, title, description))
    errors.raise_if_any()
    async with in_transaction():
        existing = {prize.rank: prize for prize in await list_prizes(campaign)}
        keep = {prize.rank for prize in cleaned}
        for rank, prize in existing.items():
            if rank not in keep:
                if await Winner.exists(prize=prize):
                    raise Conflict(f"“{prize.title}” has a winner; remove the winner first.")
                await prize.delete()
        for prize in cleaned:
            if prize.rank in existing:
                await Prize.filter(id=existing[prize.rank].id).update(
                    title=prize.title, description=prize.description)
            else:
                await Prize.create(campaign=campaign, rank=prize.rank, title=prize.title,
                                   description=prize.description)
        await audit.record(campaign.org_id, actor, "campaign.prizes", "campaign", campaign.id,
                           f"Set {len(cleaned)} prize(s) of “{campaign.title}”")
    return await list_prizes(campaign)


async def pick_winner(actor: User, campaign_slug: str, prize_id: str, entry_id: str) -> Winner:
    campaign = await campaigns.get_campaign(campaign_slug)
    await orgs.require_manager(actor, campaign.org)
    if campaign.phase != CampaignPhase.JUDGING:
        raise Forbidden("Winners are picked while the campaign is in judging.")
    prize = await Prize.get_or_none(id=prize_id, campaign=campaign)
    if prize is None:
        raise NotFound("This campaign has no such prize.")
    entry = await entries.get_entry(entry_id)
    if entry.campaign_id != campaign.id or entry.status != EntryStatus.PUBLISHED:
        raise Invalid("Pick a published entry of this campaign.",
                      {"entry_id": "Pick a published entry of this campaign."})
    try:
        async with in_transaction():
            winner = await Winner.create(campaign=campaign, prize=prize, entry=entry,
                                         picked_by=actor)
            await audit.record(
                campaign.org_id, actor, "winner.pick", "entry", entry.id,
                f"Picked “{entry.title}” by {entry.author.display_name} for {prize.title}",
                {"prize": prize.id},
            )
    except IntegrityError as error:
        raise Conflict("This entry has already won a prize in this campaign.") from error
    return await Winner.get(id=winner.id).select_related(*WINNER_RELATED)


async def remove_winner(actor: User, campaign_slug: str, winner_id: str) -> None:
    campaign = await campaigns.get_campaign(campaign_slug)
    await orgs.require_manager(actor, campaign.org)
    if campaign.phase != CampaignPhase.JUDGING:
        raise Forbidden("Winners can be changed only while the campaign is in judging.")
    winner = await Winner.get_or_none(id=winner_id, campaign=campaign).select_related(
        "entry", "prize")
    if winner is None:
        raise NotFound("There is no such winner.")
    async with in_transaction():
        await winner.delete()
        await audit.record(campaign.org_id, actor, "winner.remove", "entry", winner.entry_id,
                           f"Removed “{winner.entry.title}” from {winner.prize.title}")


async def winners(viewer: User | None, campaign: Campaign) -> list[Winner]:
    """The winners, by prize rank: public in results, and for managers while judging."""
    if not phases.shows_results(campaign) and not await campaigns.can_manage(viewer, campaign):
        return []
    return (
        await Winner.filter(campaign=campaign)
        .select_related(*WINNER_RELATED).order_by("prize__rank", "created_at")
    )


async def winning_entry_ids(campaign: Campaign) -> set[str]:
    if not phases.shows_results(campaign):
        return set()
    rows = await Winner.filter(campaign=campaign).values_list("entry_id", flat=True)
    return set(rows)
