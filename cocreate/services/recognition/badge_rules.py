"""Badge rules: which events earn which badges, evaluated by workers.

Events queue an evaluation job inside their own transaction (services/core/events.py, with a
key naming the event, so it is queued once); the worker reads the current state and awards
whatever it earns.
Awarding is idempotent, so replaying an event, or two workers evaluating at once, changes
nothing. The Contributor and Team player badges are the exception: they are written in the
transaction that publishes the entry, so the fan sees theirs at once.
"""

from __future__ import annotations

from typing import Any

from tortoise.transactions import in_transaction

from cocreate.models import (
    Acknowledgement,
    Campaign,
    CampaignPhase,
    Comment,
    Entry,
    EntryCredit,
    EntryStatus,
    VotingMode,
    Winner,
)
from cocreate.services.badges import badges
from cocreate.services.campaigns import phases
from cocreate.services.recognition import gift_badges
from cocreate.services.scores import scores

FINALISTS = 10
JURY_PICKS = 3
REPLIES_TO_START = 5


async def evaluate(payload: dict[str, Any]) -> None:
    """The worker's half: award what the event's current state earns."""
    event = payload.get("event")
    if event == "remix":
        await _remixed(payload["entry_id"])
    elif event == "votes":
        await _crowd_favourite(payload["entry_id"])
    elif event == "phase":
        await _closing(payload["campaign_id"])
    elif event == "ack":
        await _recognized(payload["ack_id"])
    elif event == "reply":
        await _conversation_starter(payload["comment_id"])
    elif event == "gift":
        await gift_badges.evaluate(payload["gift_id"])


async def _recognized(ack_id: str) -> None:
    thanks = await Acknowledgement.get_or_none(id=ack_id).select_related(
        "campaign", "entry", "author")
    if thanks is not None:
        async with in_transaction():
            await badges.award(thanks.recipient_id, badges.RECOGNIZED, thanks.campaign,
                               thanks.entry, awarded_by=thanks.author, note=thanks.note[:500])


async def _conversation_starter(reply_id: str) -> None:
    """Replies from others to a person's comments in one campaign reach REPLIES_TO_START."""
    reply = await Comment.get_or_none(id=reply_id).select_related(
        "parent", "entry", "entry__campaign")
    if reply is None or reply.parent is None:
        return
    person, campaign = reply.parent.author_id, reply.entry.campaign
    received = await Comment.filter(parent__author_id=person, entry__campaign_id=campaign.id) \
        .exclude(author_id=person).count()
    if received >= REPLIES_TO_START:
        async with in_transaction():
            await badges.award(person, badges.CONVERSATION_STARTER, campaign, None)


async def _give(entry: Entry, badge: str) -> None:
    campaign = await Campaign.get(id=entry.campaign_id)
    async with in_transaction():
        for person in await scores.credited(entry):
            await badges.award(person, badge, campaign, entry)


async def _remixed(remix_id: str) -> None:
    source_ids = await EntryCredit.filter(
        entry_id=remix_id, source_entry_id__not_isnull=True).values_list("source_entry_id",
                                                                          flat=True)
    sources = await Entry.filter(id__in=source_ids, status=EntryStatus.PUBLISHED)
    for source in sources:
        for level in badges.REMIXED_LEVELS:
            if source.remix_count >= level:
                await _give(source, f"remixed-{level}")


async def _crowd_favourite(entry_id: str) -> None:
    entry = await Entry.get_or_none(id=entry_id, status=EntryStatus.PUBLISHED)
    for level in badges.CROWD_FAVOURITE_LEVELS if entry else ():
        if entry.vote_count >= level:
            await _give(entry, f"crowd-favourite-{level}")


async def _closing(campaign_id: str) -> None:
    campaign = await Campaign.get(id=campaign_id)
    published = Entry.filter(campaign_id=campaign.id, status=EntryStatus.PUBLISHED)
    if (campaign.voting_mode != VotingMode.JURY
            and phases.index(campaign.phase) > phases.index(CampaignPhase.VOTING)):
        for entry in await published.filter(vote_count__gt=0).order_by(
                "-vote_count", "created_at").limit(FINALISTS):
            await _give(entry, badges.FINALIST)
    if not phases.shows_results(campaign):
        return
    for winner in await Winner.filter(campaign=campaign).select_related("entry"):
        await _give(winner.entry, badges.WINNER)
    if campaign.jury_weight:
        for entry in await published.filter(jury_score__not_isnull=True).order_by(
                "-jury_score", "created_at").limit(JURY_PICKS):
            await _give(entry, badges.JURY_PICK)
