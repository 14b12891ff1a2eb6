"""Votes: one per person per entry, the total kept equal to the counted ledger.

Modes per campaign: `upvote` (vote for as many entries as you like), `budget` (each person
has N votes for the whole campaign, one per entry at most, moved freely while voting is open)
and `jury` (judges score, the public does not vote: services/judging/jury.py). A budget is a counter
row moved in the vote's transaction by a conditional update, so it is never exceeded, whatever
arrives at once. Held votes (services/voting/velocity.py) use a budget but count in no total until a
manager accepts them (services/voting/vote_review.py).
"""

from __future__ import annotations

from datetime import datetime

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Forbidden
from cocreate.models import (
    Campaign,
    Entry,
    EntryStatus,
    User,
    Vote,
    VoteBudget,
    VoteStatus,
    VotingMode,
)
from cocreate.services.accounts import verification
from cocreate.services.campaigns import phases
from cocreate.services.core.context import Deps
from cocreate.services.entries import entries, teams
from cocreate.services.influence import referrals
from cocreate.services.sharing import entry_cards
from cocreate.services.voting import tally, velocity


async def announce_count(deps: Deps, entry: Entry) -> int:
    """Read the committed total and tell live viewers of the entry and its campaign."""
    count = (await Entry.get(id=entry.id)).vote_count
    update = {"event": "vote_count", "entry_id": entry.id, "vote_count": count}
    await deps.realtime.publish(f"entry:{entry.id}", update)
    await deps.realtime.publish(f"campaign:{entry.campaign.slug}", update)
    return count


async def _votable_entry(deps: Deps, actor: User, entry_id: str, client_ip: str | None
                         ) -> Entry:
    entry = await entries.view_entry(actor, entry_id)
    if entry.campaign.voting_mode == VotingMode.JURY:
        raise Forbidden("This campaign is judged by a jury, so it takes no public votes. "
                        "The jury's scores are revealed with the results.")
    if await is_own_entry(actor, entry):
        raise Forbidden("You can't vote for your own entry. Share it with friends instead!")
    if entry.status != EntryStatus.PUBLISHED:
        raise Forbidden("This entry is not public, so it can't take votes.")
    phases.require_votes_open(entry.campaign)
    if entry.campaign.verified_voters:
        verification.require_verified_voter(actor)
    await deps.limiter.hit("votes", actor.id)
    if client_ip:
        await deps.limiter.hit("votes_ip", client_ip)
    return entry


async def cast(deps: Deps, actor: User, entry_id: str, client_ip: str | None = None,
               referral_code: str | None = None) -> int:
    """Vote for an entry (idempotent). Returns the entry's public vote count.

`referral_code` is the first share link that brought the voter
(services/influence/referrals.py).
    """
    entry = await _votable_entry(deps, actor, entry_id, client_ip)
    started = entry.campaign.created_at
    try:
        async with in_transaction():
            vote = await Vote.create(entry=entry, user=actor,
                                     network=velocity.network_of(client_ip))
            await _spend(entry.campaign, actor)
            await referrals.record_vote(referral_code, vote, entry.campaign, actor)
            await tally.move(entry, started, [vote.created_at], +1)
            await entry_cards.refresh_on_votes(entry.id)
            suspicion = await velocity.inspect(deps.settings, vote)
            if suspicion:
                await hold(entry, started, suspicion)
    except IntegrityError:
        pass  # already voted: the unique constraint kept the ledger and the total unchanged
    return await announce_count(deps, entry)


async def hold(entry: Entry, campaign_started: datetime, suspicion: velocity.Suspicion
               ) -> None:
    """Take a suspicious cluster out of the totals (each vote once, however many try)."""
    held = []
    for vote in await Vote.filter(id__in=suspicion.vote_ids).only("id", "created_at"):
        if await Vote.filter(id=vote.id, status=VoteStatus.COUNTED, reviewed_at=None).update(
                status=VoteStatus.HELD, flag=suspicion.reason):
            held.append(vote.created_at)
    await tally.move(entry, campaign_started, held, -1)


async def withdraw(deps: Deps, actor: User, entry_id: str, client_ip: str | None = None) -> int:
    """Take a vote back (idempotent). Returns the entry's public vote count.

    A voided vote stays in the ledger, marked: taking it back changes nothing.
    """
    entry = await _votable_entry(deps, actor, entry_id, client_ip)
    async with in_transaction():
        vote = await Vote.get_or_none(entry=entry, user=actor,
                                      status__in=(VoteStatus.COUNTED, VoteStatus.HELD))
        removed = await Vote.filter(id=vote.id, status=vote.status).delete() if vote else 0
        if vote and removed:
            await referrals.forget_vote(vote.id)
            if vote.status == VoteStatus.COUNTED:
                await tally.move(entry, entry.campaign.created_at, [vote.created_at], -1)
            if entry.campaign.voting_mode == VotingMode.BUDGET:
                await VoteBudget.filter(campaign_id=entry.campaign_id, user=actor).update(
                    used=F("used") - removed)
    return await announce_count(deps, entry)


async def _spend(campaign: Campaign, actor: User) -> None:
    """Budget mode: use one of the person's votes, or refuse (rolling the vote back)."""
    if campaign.voting_mode != VotingMode.BUDGET:
        return
    await VoteBudget.bulk_create([VoteBudget(campaign_id=campaign.id, user_id=actor.id)],
                                 ignore_conflicts=True)
    spent = await VoteBudget.filter(
        campaign_id=campaign.id, user=actor, used__lt=campaign.vote_budget or 0
    ).update(used=F("used") + 1)
    if not spent:
        raise Forbidden(f"You have used all {campaign.vote_budget} of your votes. Take one "
                        "back from another entry to vote for this one.")


async def votes_left(actor: User | None, campaign: Campaign) -> int | None:
    """Budget mode: how many votes the person still has (None in other modes)."""
    if campaign.voting_mode != VotingMode.BUDGET:
        return None
    budget = campaign.vote_budget or 0
    if actor is None:
        return budget
    found = await VoteBudget.get_or_none(campaign=campaign, user=actor)
    return budget - (found.used if found else 0)


async def has_voted(actor: User | None, entry_id: str) -> bool:
    return actor is not None and await Vote.exists(entry_id=entry_id, user=actor)


async def is_own_entry(viewer: User | None, entry: Entry) -> bool:
    """Theirs or their team's: nobody votes for their own entry, so it shows them no button."""
    if viewer is None:
        return False
    return entry.author_id == viewer.id or await teams.is_member(viewer, entry.team_id)


async def own_entry_ids(viewer: User | None, shown: list[Entry]) -> set[str]:
    """The viewer's own entries among those shown (one query for the team ones)."""
    if viewer is None:
        return set()
    own = {entry.id for entry in shown if entry.author_id == viewer.id}
    joined = await teams.teams_joined(viewer, {e.team_id for e in shown if e.team_id})
    return own | {entry.id for entry in shown if entry.team_id in joined}


async def voted_entry_ids(actor: User | None, entry_ids: list[str]) -> set[str]:
    if actor is None or not entry_ids:
        return set()
    rows = await Vote.filter(user=actor, entry_id__in=entry_ids).values_list("entry_id", flat=True)
    return set(rows)


async def campaign_tally(campaign: Campaign, since: datetime) -> tuple[int, int, int]:
    """The campaign's counted votes, those cast since `since`, and how many people cast them."""
    counted = Vote.filter(entry__campaign_id=campaign.id, status=VoteStatus.COUNTED)
    voters = await counted.annotate(n=Count("user_id", distinct=True)) \
        .group_by("entry__campaign_id").values_list("n", flat=True)
    return (await counted.count(), await counted.filter(created_at__gte=since).count(),
            voters[0] if voters else 0)
