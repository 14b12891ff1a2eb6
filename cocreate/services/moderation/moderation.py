"""Moderation: approving, hiding, restoring and rejecting entries, reports from the
community, and the queue moderators work through.

Every status change is a conditional update (only from the status it was read in), so two
moderators acting at once change the entry, its campaign's count and its reports once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Conflict, Forbidden, Invalid
from cocreate.models import (
    Campaign,
    Comment,
    Entry,
    EntryStatus,
    Report,
    ReportReason,
    ReportStatus,
    User,
)
from cocreate.services.core import audit
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import FieldErrors
from cocreate.services.entries import entries
from cocreate.services.orgs import orgs

REASONS = {
    ReportReason.SPAM: "Spam or advertising",
    ReportReason.OFFENSIVE: "Offensive or hateful",
    ReportReason.COPYRIGHT: "Uses someone else's work without permission",
    ReportReason.OFF_TOPIC: "Not about this campaign",
    ReportReason.PERSONAL: "Shares someone's personal information",
    ReportReason.OTHER: "Something else",
}
REPORT_HIDE_REASON = "Hidden until a moderator reviews reports from the community."
class EntryAction(StrEnum):
    """What a moderator does to an entry (a resolved report names it)."""

    APPROVE = "approve"
    HIDE = "hide"
    RESTORE = "restore"
    REJECT = "reject"


# action: (statuses it applies to, status after, label for the log)
ACTIONS = {
    EntryAction.APPROVE: ((EntryStatus.PENDING,), EntryStatus.PUBLISHED, "approved"),
    EntryAction.HIDE: ((EntryStatus.PUBLISHED,), EntryStatus.HIDDEN, "hid"),
    EntryAction.RESTORE: ((EntryStatus.HIDDEN, EntryStatus.REJECTED), EntryStatus.PUBLISHED,
                          "restored"),
    EntryAction.REJECT: ((EntryStatus.PENDING, EntryStatus.PUBLISHED, EntryStatus.HIDDEN),
                         EntryStatus.REJECTED, "rejected"),
}
NEEDS_REASON = (EntryAction.HIDE, EntryAction.REJECT)


@dataclass(frozen=True)
class QueueItem:
    entry: Entry
    reports: list[Report]
    waiting_since: datetime


async def act(deps: Deps, actor: User, entry_id: str, action: str | None,
              reason: str | None = None) -> Entry:
    """A moderator's decision on an entry; it also closes the entry's open reports."""
    if action not in ACTIONS:
        raise Invalid("Unknown action.", {"action": "Use approve, hide, restore or reject."})
    entry = await entries.get_entry(entry_id)
    await orgs.require_moderator(actor, entry.campaign.org)
    errors = FieldErrors()
    reason = errors.text("reason", reason, label="A reason for the author",
                         min_len=3 if action in NEEDS_REASON else 0, max_len=500)
    errors.raise_if_any()
    allowed_from, after, verb = ACTIONS[action]
    if entry.status not in allowed_from:
        raise Conflict(f"This entry is {entry.status}; it can't be {verb} now.")
    now = datetime.now(UTC)
    async with in_transaction():
        shown_reason = None if after == EntryStatus.PUBLISHED else (reason or None)
        changed = await Entry.filter(id=entry.id, status=entry.status).update(
            status=after, moderation_reason=shown_reason, open_reports=0,
        )
        if not changed:
            raise Conflict("Someone else moderated this entry just now; reload to see it.")
        if after == EntryStatus.PUBLISHED:
            await entries.on_published(entry, entry.campaign, entry.author)
        elif entry.status == EntryStatus.PUBLISHED:
            await entries.on_unpublished(entry)
        await Report.filter(entry=entry, status=ReportStatus.OPEN).update(
            status=ReportStatus.RESOLVED, resolution=action, resolved_at=now)
        await audit.record(
            entry.campaign.org_id, actor, f"entry.{action}", "entry", entry.id,
            f"{verb.capitalize()} “{entry.title}” by {entry.author.display_name}"
            + (f": {reason}" if reason else ""), {"from": entry.status, "to": after},
        )
    deps.jobs.kick()
    return await entries.get_entry(entry.id)


async def dismiss_reports(actor: User, entry_id: str) -> Entry:
    """The reports were unfounded: close them, and bring back an entry they had hidden."""
    entry = await entries.get_entry(entry_id)
    await orgs.require_moderator(actor, entry.campaign.org)
    now = datetime.now(UTC)
    async with in_transaction():
        closed = await Report.filter(entry=entry, status=ReportStatus.OPEN).update(
            status=ReportStatus.RESOLVED, resolution="dismissed", resolved_at=now)
        await Entry.filter(id=entry.id).update(open_reports=0)
        hidden_by_reports = entry.status == EntryStatus.HIDDEN and entry.moderation_reason == (
            REPORT_HIDE_REASON)
        if hidden_by_reports and await Entry.filter(id=entry.id, status=EntryStatus.HIDDEN).update(
                status=EntryStatus.PUBLISHED, moderation_reason=None):
            await entries.on_published(entry, entry.campaign, entry.author)
        await audit.record(entry.campaign.org_id, actor, "entry.dismiss_reports", "entry",
                           entry.id, f"Dismissed {closed} report(s) on “{entry.title}”")
    return await entries.get_entry(entry.id)


def report_note(reason: str | None, note: str | None, what: str) -> str:
    """Check a report of an entry or a comment (`what`): a known reason, an optional note."""
    errors = FieldErrors()
    if reason not in REASONS:
        errors.add("reason", f"Choose why you are reporting this {what}.")
    cleaned = errors.text("note", note, label="Note", min_len=0, max_len=1000, multiline=True)
    errors.raise_if_any()
    return cleaned


async def report(actor: User, entry_id: str, reason: str | None, note: str | None) -> Report:
    """Flag an entry for moderators. Enough open reports hide it until someone reviews it."""
    entry = await entries.view_entry(actor, entry_id)
    if entry.author_id == actor.id:
        raise Forbidden("You can't report your own entry.")
    note = report_note(reason, note, "entry")
    try:
        async with in_transaction():
            created = await Report.create(entry=entry, reporter=actor, reason=reason, note=note)
            await Entry.filter(id=entry.id).update(open_reports=F("open_reports") + 1)
            threshold = entry.campaign.report_threshold
            hidden = await Entry.filter(
                id=entry.id, status=EntryStatus.PUBLISHED, open_reports__gte=threshold
            ).update(status=EntryStatus.HIDDEN, moderation_reason=REPORT_HIDE_REASON)
            if hidden:
                await entries.on_unpublished(entry)
    except IntegrityError as error:
        raise Conflict("You have already reported this entry; moderators will look at it.") \
            from error
    return created


async def queue_of(campaign: Campaign) -> list[QueueItem]:
    """Entries waiting for a moderator, oldest first: pending ones and reported ones."""
    waiting = (
        await Entry.filter(Q(status=EntryStatus.PENDING) | Q(open_reports__gt=0), campaign=campaign)
        .select_related("author", "media", "team", "campaign", "campaign__org").limit(500)
    )
    open_reports = (
        await Report.filter(entry_id__in=[e.id for e in waiting], status=ReportStatus.OPEN)
        .select_related("reporter").order_by("created_at")
    )
    by_entry: dict[str, list[Report]] = {}
    for found in open_reports:
        by_entry.setdefault(found.entry_id, []).append(found)
    items = []
    for entry in waiting:
        reports = by_entry.get(entry.id, [])
        reported = reports and entry.status != EntryStatus.PENDING
        since = reports[0].created_at if reported else entry.created_at
        items.append(QueueItem(entry=entry, reports=reports, waiting_since=since))
    return sorted(items, key=lambda item: (item.waiting_since, item.entry.id))


async def queue_size(campaign: Campaign) -> int:
    """What waits for a moderator: pending or reported entries, and reported comments."""
    entries_waiting = await Entry.filter(Q(status=EntryStatus.PENDING) | Q(open_reports__gt=0),
                                         campaign=campaign).count()
    return entries_waiting + await Comment.filter(entry__campaign_id=campaign.id,
                                                  open_reports__gt=0).count()
