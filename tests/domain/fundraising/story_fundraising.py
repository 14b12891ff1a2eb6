"""Fundraisers and gifts on the embedded default: offline pledges a manager marks paid."""

from __future__ import annotations

from typing import Any

from cocreate.models import Campaign, Fundraiser, Gift, User
from cocreate.services.campaigns.fundraisers import FundraiserSettings
from cocreate.services.core.context import Deps
from cocreate.services.fundraising import gifts
from tests.domain.story import launch_kind


async def fundraiser(manager: User, goal: int = 100_000, **money: Any) -> Campaign:
    """A fundraiser of the manager's own organization, in euros, open for gifts now."""
    return await launch_kind(manager, "fundraiser", "Clean the river",
                             fundraiser=FundraiserSettings(goal=goal, currency="EUR", **money))


async def paid(deps: Deps, manager: User, donor: User, campaign: Campaign, amount: int,
               **options: Any) -> Gift:
    """The donor pledges `amount` cents and the manager marks the pledge paid."""
    started = await gifts.give(deps, donor, campaign.slug, amount, **options)
    return await gifts.manage(deps, manager, started.gift.id, "paid")


async def totals(campaign: Campaign) -> tuple[int, int, int]:
    """The fundraiser's raised, gift count and matched, as stored."""
    found = await Fundraiser.get(campaign_id=campaign.id)
    return found.raised, found.gift_count, found.matched
