"""Events other areas react to: the one hook between an area that acts and the areas that
follow up on it.

The acting area records the event inside its own transaction, as a job (`jobs.enqueue` is
an outbox, so the event exists exactly when the change does, and its key makes it happen
once). The reacting areas run in the worker: `workers/tasks.py` maps each job name below
to them. So an area never imports the areas that react to it (no import cycles), and a
reaction can fail and be retried without undoing the act. The job names and keys are
stored in the database: keep the keys as they are; a renamed job keeps its old name working
through `workers/tasks.py:RENAMED`.
"""

from __future__ import annotations

from datetime import datetime

from cocreate.doors import jobs
from cocreate.models import Acknowledgement, Comment, Entry, EntryCredit, Gift

BADGES_JOB = "recognition.badge_rules"  # recognition: badge rules
PHASE_FOLLOWERS_JOB = "conversation.follow_phase"  # conversation: tell a campaign's followers
TERMS_JOB = "listening.extract"  # listening: the terms of a text


async def entry_published(entry: Entry) -> None:
    """A remix went public: the works it credits may have reached a Remixed level."""
    if await EntryCredit.filter(entry_id=entry.id, source_entry_id__not_isnull=True).exists():
        await jobs.enqueue(BADGES_JOB, {"event": "remix", "entry_id": entry.id},
                           key=f"badges:remix:{entry.id}")


async def votes_reached(entry_id: str, milestone: int) -> None:
    """An entry's votes crossed a crowd-favourite milestone."""
    await jobs.enqueue(BADGES_JOB, {"event": "votes", "entry_id": entry_id},
                       key=f"badges:votes:{entry_id}:{milestone}")


async def voting_closed(campaign_id: str, phase: str, changed_at: datetime) -> None:
    """A campaign moved past voting (judging or results): finalists, winners, jury picks."""
    await jobs.enqueue(BADGES_JOB, {"event": "phase", "campaign_id": campaign_id},
                       key=f"badges:phase:{campaign_id}:{phase}:{changed_at.isoformat()}")


async def phase_announced(campaign_id: str, phase: str, at: datetime) -> None:
    """A campaign moved to a phase its followers hear of."""
    stamp = int(at.timestamp())
    await jobs.enqueue(PHASE_FOLLOWERS_JOB,
                       {"campaign_id": campaign_id, "phase": phase, "stamp": stamp},
                       key=f"follow-phase:{campaign_id}:{phase}:{stamp}")


async def acknowledged(thanks: Acknowledgement) -> None:
    """A manager thanked someone by name."""
    await jobs.enqueue(BADGES_JOB, {"event": "ack", "ack_id": thanks.id},
                       key=f"badges:ack:{thanks.id}")


async def replied(reply: Comment) -> None:
    """Someone answered a comment."""
    await jobs.enqueue(BADGES_JOB, {"event": "reply", "comment_id": reply.id},
                       key=f"badges:reply:{reply.id}")


async def gift_succeeded(gift: Gift) -> None:
    """A gift arrived: its donor and the sharer who brought them may earn badges."""
    await jobs.enqueue(BADGES_JOB, {"event": "gift", "gift_id": gift.id},
                       key=f"badges:gift:{gift.id}")


async def entry_text_written(entry: Entry, stamp: int = 0) -> None:
    """An entry's title or description was written or edited: its terms change."""
    await jobs.enqueue(TERMS_JOB, {"entry_id": entry.id}, key=f"terms:e:{entry.id}:{stamp}")


async def comment_text_written(comment: Comment, stamp: int = 0) -> None:
    """A comment was written or edited: its terms change."""
    await jobs.enqueue(TERMS_JOB, {"comment_id": comment.id},
                       key=f"terms:c:{comment.id}:{stamp}")
