"""The manage page of a campaign, for its organization's managers: settings, story images,
phases, prizes, winners and the remix kit, with what waits in the queues.

`managed` lets only managers in (services decide who they are). Each form on the page has
its own part, so answering one form (e.g. over htmx) computes only that part.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cocreate.services.campaigns import campaigns, fundraisers, phases, story_images
from cocreate.services.entries import entries, remix
from cocreate.services.judging import prizes
from cocreate.services.moderation import moderation
from cocreate.services.orgs import orgs
from cocreate.services.voting import vote_review

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
    )


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
