"""Fundraisers and gifts for the card stories: a manager launches one, fans pledge, the
manager marks pledges paid (the offline provider)."""

from __future__ import annotations

from typing import Any

from cocreate.models import Campaign, Gift, User
from cocreate.services.campaigns.fundraisers import FundraiserSettings
from cocreate.services.core.context import Deps
from cocreate.services.fundraising import gifts
from tests.domain.story import launch_kind, person


async def fundraiser(manager: User, goal: int = 500_000, **settings: Any) -> Campaign:
    """A fundraiser for €5,000 (in cents) of the manager's own organization, open now."""
    return await launch_kind(manager, "fundraiser", "Warm bowls",
                             fundraiser=FundraiserSettings(goal=goal, currency="EUR"),
                             **settings)


async def paid_gift(deps: Deps, manager: User, campaign: Campaign, amount: int) -> Gift:
    """A fan pledges `amount` cents and the manager marks the pledge paid."""
    started = await gifts.give(deps, await person("Donor"), campaign.slug, amount)
    return await gifts.manage(deps, manager, started.gift.id, "paid")
