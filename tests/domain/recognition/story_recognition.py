"""What people earned, for the recognition stories."""

from __future__ import annotations

from cocreate.models import Award, Campaign, User
from cocreate.services.core import events
from cocreate.services.core.context import Deps
from tests.domain.story import run_jobs_named


async def earned(person: User, campaign: Campaign | None = None) -> list[str]:
    """The badges the person holds (in one campaign), sorted."""
    query = Award.filter(user_id=person.id, revoked_at=None)
    if campaign is not None:
        query = query.filter(campaign_id=campaign.id)
    return sorted(await query.values_list("badge", flat=True))


async def run_badge_rules(deps: Deps) -> None:
    """The badge worker evaluates every event recorded so far."""
    await run_jobs_named(deps, events.BADGES_JOB)
