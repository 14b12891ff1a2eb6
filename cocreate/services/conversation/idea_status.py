"""The brand's answer to an idea: under review, planned, in progress, done or declined, with
a note. Everyone who voted for the idea, its author, those who joined its conversation and
those who follow it are told (by a worker: an idea may have thousands of voters), each once
per change."""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from cocreate.doors import jobs
from cocreate.lib import urls
from cocreate.lib.errors import Forbidden
from cocreate.lib.markdown import render_markdown
from cocreate.models import (
    ActivityKind,
    Comment,
    Entry,
    EntryStatus,
    IdeaStatus,
    NotificationKind,
    User,
    Vote,
    VoteStatus,
)
from cocreate.services.campaigns import campaigns
from cocreate.services.conversation import follows
from cocreate.services.core import audit
from cocreate.services.core.validation import FieldErrors
from cocreate.services.entries import entries
from cocreate.services.notifications import activity, notifications

STATUSES = {IdeaStatus.REVIEW: "Under review", IdeaStatus.PLANNED: "Planned",
            IdeaStatus.PROGRESS: "In progress", IdeaStatus.DONE: "Done",
            IdeaStatus.DECLINED: "Declined"}
NOTIFY_JOB = "conversation.idea_status"


async def set_status(actor: User, entry_id: str, status: str | None, note: str | None
                     ) -> Entry:
    entry = await entries.get_entry(entry_id)
    if not await campaigns.can_manage(actor, entry.campaign):
        raise Forbidden(f"Only managers of {entry.campaign.org.name} can answer ideas.")
    if entry.status != EntryStatus.PUBLISHED:
        raise Forbidden("Only public entries get a status.")
    errors = FieldErrors()
    if status not in STATUSES:
        errors.add("status", "Choose under review, planned, in progress, done or declined.")
    note = errors.text("note", note, label="Note", min_len=0, max_len=2000, multiline=True)
    errors.raise_if_any()
    now = datetime.now(UTC)
    label = STATUSES[status or ""]
    async with in_transaction():
        await Entry.filter(id=entry.id).update(idea_status=status, idea_status_note=note,
                                               idea_status_at=now)
        stamp = int(now.timestamp())
        await jobs.enqueue(NOTIFY_JOB, {"entry_id": entry.id, "stamp": stamp},
                           key=f"idea-status:{entry.id}:{stamp}")
        await activity.record(actor.id, entry.campaign_id, ActivityKind.STATUS,
                               f"{entry.campaign.org.name} marked “{entry.title}”: {label}",
                               urls.entry_path(entry.id), f"idea-status:{entry.id}:{stamp}")
        await audit.record(entry.campaign.org_id, actor, "entry.status", "entry", entry.id,
                           f"Marked “{entry.title}” {label.lower()}", {"status": status})
    return await entries.get_entry(entry.id)


async def tell_people(entry_id: str, stamp: int) -> None:
    """The worker's half: voters, the author, commenters and followers hear of the new
    status."""
    entry = await Entry.get_or_none(id=entry_id).select_related("campaign__org")
    if entry is None or entry.idea_status not in STATUSES:
        return
    voters = await Vote.filter(entry_id=entry.id, status=VoteStatus.COUNTED).values_list(
        "user_id", flat=True)
    talkers = await Comment.filter(entry_id=entry.id).values_list("author_id", flat=True)
    text = (f"{entry.campaign.org.name} marked “{entry.title}” "
            f"{STATUSES[entry.idea_status].lower()}.")
    followers = await follows.entry_followers(entry.id)
    for person in {entry.author_id, *voters, *talkers, *followers}:
        await notifications.notify(person, NotificationKind.STATUS, text, urls.entry_path(entry.id),
                                   key=f"idea-status:{entry.id}:{stamp}:{person}")


def note_html(entry: Entry) -> str:
    return render_markdown(entry.idea_status_note) if entry.idea_status_note else ""
