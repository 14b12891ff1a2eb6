"""Reviewing held votes: a campaign's managers see why each vote was held and accept the
votes (they count from then on, and are never held again) or void them (they stay in the
ledger, marked, and free the voter's budget vote), many at once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Invalid
from cocreate.models import Campaign, Entry, User, Vote, VoteBudget, VoteStatus, VotingMode
from cocreate.services.campaigns import campaigns, phases
from cocreate.services.core import audit
from cocreate.services.core.context import Deps
from cocreate.services.influence import referrals
from cocreate.services.orgs import orgs
from cocreate.services.voting import tally, voting


class VoteDecision(StrEnum):
    """A manager accepts held votes (they count) or voids them (kept, marked)."""

    ACCEPT = "accept"
    VOID = "void"


DECISIONS = {VoteDecision.ACCEPT: VoteStatus.COUNTED, VoteDecision.VOID: VoteStatus.VOIDED}
MAX_LISTED = 500
MAX_PER_REVIEW = 1000


@dataclass(frozen=True)
class HeldGroup:
    """Votes held for the same reason: one cluster to look at together."""

    reason: str
    votes: list[Vote]


async def _managed(actor: User, slug: str) -> Campaign:
    campaign = await campaigns.get_campaign(slug)
    await orgs.require_manager(actor, campaign.org)
    phases.require_entry_kind(campaign, "votes to review")
    return campaign


async def held_count(campaign: Campaign) -> int:
    return await Vote.filter(entry__campaign_id=campaign.id, status=VoteStatus.HELD).count()


async def held_votes(actor: User, slug: str) -> list[HeldGroup]:
    """The campaign's held votes, oldest first, grouped by why they were held."""
    campaign = await _managed(actor, slug)
    votes = await (Vote.filter(entry__campaign_id=campaign.id, status=VoteStatus.HELD)
                   .select_related("entry", "user").order_by("created_at", "id")
                   .limit(MAX_LISTED))
    groups: dict[str, list[Vote]] = defaultdict(list)
    for vote in votes:
        groups[vote.flag or "Held"].append(vote)
    return [HeldGroup(reason, group) for reason, group in groups.items()]


async def review(deps: Deps, actor: User, slug: str, vote_ids: list[str],
                 decision: str | None) -> int:
    """Accept or void held votes; returns how many changed (each vote changes once)."""
    campaign = await _managed(actor, slug)
    if decision not in DECISIONS:
        raise Invalid("Choose to accept or to void the votes.",
                      {"decision": "Choose accept or void."})
    wanted = list(dict.fromkeys(vote_ids))
    if not wanted or len(wanted) > MAX_PER_REVIEW:
        raise Invalid(f"Pick from 1 to {MAX_PER_REVIEW} held votes.",
                      {"vote_ids": f"Pick from 1 to {MAX_PER_REVIEW} held votes."})
    status = DECISIONS[decision]
    now = datetime.now(UTC)
    changed: dict[str, list[Vote]] = defaultdict(list)
    async with in_transaction():
        held = await Vote.filter(id__in=wanted, entry__campaign_id=campaign.id,
                                 status=VoteStatus.HELD)
        for vote in held:
            if await Vote.filter(id=vote.id, status=VoteStatus.HELD).update(
                    status=status, reviewed_by=actor, reviewed_at=now):
                changed[vote.entry_id].append(vote)
        for entry_id, votes in changed.items():
            entry = await Entry.get(id=entry_id)
            if status == VoteStatus.COUNTED:
                await tally.move(entry, campaign.created_at, [v.created_at for v in votes], +1)
            else:
                for vote in votes:
                    await referrals.forget_vote(vote.id)
                    if campaign.voting_mode == VotingMode.BUDGET:
                        await VoteBudget.filter(campaign_id=campaign.id, user_id=vote.user_id
                                                ).update(used=F("used") - 1)
        total = sum(len(votes) for votes in changed.values())
        if total:
            verb = "Accepted" if status == VoteStatus.COUNTED else "Voided"
            await audit.record(campaign.org_id, actor, f"votes.{decision}", "campaign",
                               campaign.id, f"{verb} {total} held vote(s) in “{campaign.title}”",
                               {"votes": [v.id for vs in changed.values() for v in vs]})
    for entry_id in changed:
        entry = await Entry.get(id=entry_id).select_related("campaign")
        await voting.announce_count(deps, entry)
    return total
