"""Moving a campaign from one phase to the next, on time (the scheduler) or by a manager's
hand, exactly once, with what follows a move: final scores when results come out, the audit
log, the feed, and the events badge rules and followers react to (services/core/events.py).
The rules of which phase is due are services/campaigns/phases.py.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from cocreate.doors.realtime import Broker
from cocreate.lib import urls
from cocreate.lib.errors import Conflict, Invalid
from cocreate.models import ActivityKind, Campaign, CampaignPhase, User
from cocreate.services.campaigns import results
from cocreate.services.campaigns.phases import (
    ANNOUNCED,
    due_phase,
    index,
    label,
    move_warning,
    phases_of,
    ranks_by_final_score,
    refresh_next_phase_at,
)
from cocreate.services.core import audit, events
from cocreate.services.notifications import activity
from cocreate.services.orgs import orgs

log = logging.getLogger(__name__)

DUE_BATCH = 200


@dataclass(frozen=True)
class PhaseChange:
    campaign_id: str
    campaign_slug: str
    before: str
    after: str


async def announce(realtime: Broker | None, change: PhaseChange) -> None:
    """Tell everyone on the campaign's page (the results reveal listens for this)."""
    if realtime is not None:
        await realtime.publish(f"campaign:{change.campaign_slug}",
                               {"event": "phase", "phase": change.after})


async def _move(campaign: Campaign, phase: str, actor: User | None, now: datetime
                ) -> PhaseChange | None:
    """Move exactly once: the update only applies if nobody moved the campaign meanwhile."""
    before = campaign.phase
    campaign.phase, campaign.phase_changed_at = phase, now
    refresh_next_phase_at(campaign)
    async with in_transaction():
        moved = await Campaign.filter(id=campaign.id, phase=before).update(
            phase=phase, phase_changed_at=now, next_phase_at=campaign.next_phase_at)
        if not moved:
            return None
        if ranks_by_final_score(campaign):  # results are out: fix the final scores
            await results.store_final_scores(campaign)
        who = "by hand" if actor else "on schedule"
        await audit.record(
            campaign.org_id, actor, "campaign.phase", "campaign", campaign.id,
            f"“{campaign.title}” moved from {label(campaign, before).lower()} to "
            f"{label(campaign, phase).lower()} {who}", {"from": before, "to": phase},
        )
        if index(phase) > index(CampaignPhase.VOTING):
            await events.voting_closed(campaign.id, phase, now)
        if phase in ANNOUNCED:
            await events.phase_announced(campaign.id, phase, now)
            await activity.record(None, campaign.id, ActivityKind.PHASE,
                                  f"“{campaign.title}” moved to {label(campaign, phase).lower()}",
                                  urls.campaign_path(campaign.slug),
                                  f"phase:{campaign.id}:{phase}:{now.isoformat()}")
    return PhaseChange(campaign.id, campaign.slug, before, phase)


async def advance_due(now: datetime | None = None, realtime: Broker | None = None
                      ) -> list[PhaseChange]:
    """Move every campaign whose next phase is due, and announce each move to its viewers.
    Safe to run on several workers at once."""
    now = now or datetime.now(UTC)
    changes = []
    due = await Campaign.filter(next_phase_at__lte=now).order_by("next_phase_at").limit(DUE_BATCH)
    for campaign in due:
        target = due_phase(campaign, now)
        if target is None:  # dates edited meanwhile: just fix the marker
            refresh_next_phase_at(campaign)
            await Campaign.filter(id=campaign.id, phase=campaign.phase).update(
                next_phase_at=campaign.next_phase_at)
            continue
        change = await _move(campaign, target, None, now)
        if change is not None:
            log.info("campaign %s: %s → %s on schedule", campaign.id, change.before, target)
            await announce(realtime, change)
            changes.append(change)
    return changes


async def move_by_hand(actor: User, campaign: Campaign, phase: str | None,
                       realtime: Broker | None = None, *, confirmed: bool = True
                       ) -> PhaseChange:
    """A manager moves the campaign to any phase (forward, or back to reopen). Unless
    `confirmed`, a move back or over a phase is refused with what it would do (409), so the
    page can ask first; the API's callers say what they want and are not asked."""
    await orgs.require_manager(actor, campaign.org)
    allowed = phases_of(campaign)
    if phase not in allowed:
        raise Invalid("Choose a phase.", {"phase": "Use one of: " + ", ".join(allowed) + "."})
    if phase == campaign.phase:
        raise Invalid(f"The campaign is already in {label(campaign, phase).lower()}.",
                      {"phase": "Choose another phase."})
    warning = move_warning(campaign, phase)
    if warning and not confirmed:
        raise Conflict(warning, {"confirm_phase": phase})
    change = await _move(campaign, phase, actor, datetime.now(UTC))
    if change is None:
        raise Invalid("The campaign changed phase meanwhile; reload and try again.")
    await announce(realtime, change)
    return change
