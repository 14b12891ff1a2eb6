"""Who may act on a campaign, asked by its slug: the check its managers-only services make
first, offered alone so an entry point can ask it before reading what was sent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cocreate.services.campaigns import campaigns
from cocreate.services.orgs import orgs

if TYPE_CHECKING:
    from cocreate.models import User


async def require_manager(actor: User, slug: str) -> None:
    """NotFound without such a campaign (drafts included), Forbidden unless `actor` manages
    its organization."""
    campaign = await campaigns.get_campaign(slug)
    await orgs.require_manager(actor, campaign.org)
