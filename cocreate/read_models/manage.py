"""The manage page of a campaign, for its organization's managers: settings, story images,
phases, prizes, winners and the remix kit, with what waits in the queues.

`managed` lets only managers in (services decide who they are). Each form on the page has
its own part, so answering one form (e.g. over htmx) computes only that part.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from cocreate.services.campaigns import campaigns, fundraisers, phases, story_images
from cocreate.services.entries import entries, remix
from cocreate.services.fundraising import gifts
from cocreate.services.judging import prizes
from cocreate.services.moderation import moderation
from cocreate.services.orgs import orgs
from cocreate.services.voting import vote_review, voting

if TYPE_CHECKING:
    from cocreate.models import (
        Campaign,
        CampaignImage,
        Entry,
        Fundraiser,
        KitAsset,
        Prize,
        User,
        Winner,
    )

CANDIDATES = 30  # entries offered as winners, most voted first
RECENT = timedelta(hours=24)  # what "today" means on the numbers


@dataclass(frozen=True)
class Numbers:
    """What the manage screen opens with: the campaign's totals, and the last 24 hours'."""

    entries: int = 0
    entries_today: int = 0
    votes: int = 0
    votes_today: int = 0
    voters: int = 0
    raised: str = ""  # a fundraiser's total, in its currency
    gifts: int = 0
    gifts_today: int = 0


@dataclass(frozen=True)
class SettingsPart:
    campaign: Campaign
    fundraiser: Fundraiser | None  # a fundraiser's money settings


@dataclass(frozen=True)
class WinnersPart:
    """The winners picked so far and, for a pick, the prizes and the candidates."""

    prizes: list[Prize]
    winners: list[Winner]
    candidates: list[Entry]


@dataclass(frozen=True)
class ManagePage:
    campaign: Campaign  # with its organization and cover
    settings: SettingsPart
    phases: tuple[str, ...]  # every phase of its kind
    winners: WinnersPart
    kit: list[KitAsset]
    story_images: list[CampaignImage]
    queue_size: int  # entries and comments waiting for a moderator
    held_votes: int
    numbers: Numbers


async def managed(user: User, slug: str) -> Campaign:
    """The campaign, drafts included, if `user` manages it; else Forbidden."""
    campaign = await campaigns.get_campaign(slug)
    await orgs.require_manager(user, campaign.org)
    return campaign


async def manage_page(user: User, slug: str) -> ManagePage:
    campaign = await managed(user, slug)
    return ManagePage(
        campaign=campaign, settings=await settings_part(campaign),
        phases=phase_part(campaign), winners=await winners_part(user, campaign),
        kit=await kit_part(campaign), story_images=await story_part(campaign),
        queue_size=await moderation.queue_size(campaign),
        held_votes=await vote_review.held_count(campaign),
        numbers=await numbers_part(campaign),
    )


async def numbers_part(campaign: Campaign, now: datetime | None = None) -> Numbers:
    since = (now or datetime.now(UTC)) - RECENT
    if campaign.kind == fundraisers.KIND:
        progress = fundraisers.progress(campaign, await fundraisers.of(campaign))
        return Numbers(raised=progress.show(progress.total), gifts=progress.gift_count,
                       gifts_today=await gifts.recent_count(campaign, since))
    entry_count, entries_today = await entries.campaign_tally(campaign, since)
    votes, votes_today, voters = await voting.campaign_tally(campaign, since)
    return Numbers(entries=entry_count, entries_today=entries_today, votes=votes,
                   votes_today=votes_today, voters=voters)


async def settings_part(campaign: Campaign) -> SettingsPart:
    fundraiser = (await fundraisers.of(campaign) if campaign.kind == fundraisers.KIND
                  else None)
    return SettingsPart(campaign, fundraiser)


def phase_part(campaign: Campaign) -> tuple[str, ...]:
    return phases.phases_of(campaign)


async def prizes_part(campaign: Campaign) -> list[Prize]:
    return await prizes.list_prizes(campaign)


async def winners_part(user: User, campaign: Campaign) -> WinnersPart:
    """A fundraiser takes no entries, so it has no winners to pick."""
    candidates = ([] if campaign.kind == fundraisers.KIND else
                  await entries.leaderboard(campaign.slug, limit=CANDIDATES, viewer=user))
    return WinnersPart(await prizes_part(campaign), await prizes.winners(user, campaign),
                       candidates)


async def kit_part(campaign: Campaign) -> list[KitAsset]:
    return await remix.kit(campaign)


async def story_part(campaign: Campaign) -> list[CampaignImage]:
    return await story_images.images(campaign)
