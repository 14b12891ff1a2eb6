"""Moderating comments like entries: fans report them, enough open reports hide one until a
moderator reviews it, and moderators hide, restore or dismiss the reports from the queue.

Every decision starts with a conditional update of the comment row (only from the state it
was read in), so two moderators acting at once change it, Entry.comment_count (visible
comments) and its reports once; that first update also locks the row, so a report arriving
meanwhile is either closed with the others or counted after them, never lost from
Comment.open_reports (the open CommentReport rows, checked by reconcile).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from cocreate.lib import urls
from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.models import (
    Campaign,
    Comment,
    CommentReport,
    CommentStatus,
    NotificationKind,
    ReportStatus,
    User,
)
from cocreate.services.conversation import comments
from cocreate.services.core import audit
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import FieldErrors
from cocreate.services.entries import entries
from cocreate.services.moderation.moderation import REPORT_HIDE_REASON, report_note
from cocreate.services.notifications import notifications
from cocreate.services.orgs import orgs


class CommentAction(StrEnum):
    """What a moderator does to a reported comment (a resolved report names it)."""

    HIDE = "hide"
    RESTORE = "restore"
    DISMISS = "dismiss"


ACTIONS = {CommentAction.HIDE: "Hid", CommentAction.RESTORE: "Restored",
           CommentAction.DISMISS: "Dismissed the reports on"}
QUEUE_LIMIT = 500


@dataclass(frozen=True)
class CommentQueueItem:
    comment: Comment  # with its author and entry
    reports: list[CommentReport]  # open ones, oldest first, with their reporters
    waiting_since: datetime

    @property
    def pending_review(self) -> bool:
        return hidden_by_reports(self.comment)


def hidden_by_reports(comment: Comment) -> bool:
    """Hidden because enough people reported it, and no moderator has looked yet."""
    return (comment.status == CommentStatus.HIDDEN
            and comment.moderation_reason == REPORT_HIDE_REASON)


async def _comment(comment_id: str) -> Comment:
    found = await Comment.get_or_none(id=comment_id).select_related(
        "author", "entry", "entry__campaign", "entry__campaign__org")
    if found is None:
        raise NotFound("There is no such comment.")
    return found


async def report(deps: Deps, actor: User, comment_id: str, reason: str | None,
                 note: str | None) -> CommentReport:
    """Flag a comment for moderators. Enough open reports hide it until someone reviews it."""
    comment = await _comment(comment_id)
    entry = await entries.view_entry(actor, comment.entry_id)
    if comment.author_id == actor.id:
        raise Forbidden("You can't report your own comment.")
    if comment.status != CommentStatus.VISIBLE:
        raise Conflict("This comment is not shown any more; there is nothing to report.")
    note = report_note(reason, note, "comment")
    await deps.limiter.hit("comments", actor.id)
    try:
        async with in_transaction():
            created = await CommentReport.create(comment=comment, reporter=actor,
                                                 reason=reason, note=note)
            await Comment.filter(id=comment.id).update(open_reports=F("open_reports") + 1)
            if await Comment.filter(
                id=comment.id, status=CommentStatus.VISIBLE,
                open_reports__gte=entry.campaign.report_threshold,
            ).update(status=CommentStatus.HIDDEN, moderation_reason=REPORT_HIDE_REASON):
                await comments.moved_in_view(comment, -1)
    except IntegrityError as error:
        raise Conflict("You have already reported this comment; moderators will look at it."
                       ) from error
    await created.fetch_related("reporter")
    return created


async def decide(deps: Deps, actor: User, comment_id: str, action: str | None,
                 reason: str | None = None) -> Comment:
    """A moderator hides a comment (with a reason for its author), restores a hidden one, or
    dismisses its reports (bringing back a comment they had hidden). Closes open reports."""
    if action not in ACTIONS:
        raise Invalid("Unknown action.", {"action": "Use hide, restore or dismiss."})
    comment = await _comment(comment_id)
    await orgs.require_moderator(actor, comment.entry.campaign.org)
    errors = FieldErrors()
    reason = errors.text("reason", reason, label="A reason for the author",
                         min_len=3 if action == CommentAction.HIDE else 0, max_len=500)
    errors.raise_if_any()
    reason = "" if action == CommentAction.DISMISS else reason  # nothing for the author to read
    await deps.limiter.hit("moderation", actor.id)
    async with in_transaction():
        shown = await _change(comment, action, reason)
        await _close_reports(comment, action)
        verb = ACTIONS[action]
        event = await audit.record(
            comment.entry.campaign.org_id, actor, f"comment.{action}", "comment", comment.id,
            f"{verb} a comment by {comment.author.display_name} on “{comment.entry.title}”"
            + (f": {reason}" if reason else ""),
            {"from": comment.status, "entry_id": comment.entry_id},
        )
        if shown is not None:
            await _tell_author(comment, shown, reason, event.id)
    if shown is not None:
        await deps.realtime.publish(f"entry:{comment.entry_id}",
                                    {"event": "comment", "entry_id": comment.entry_id})
    return await Comment.get(id=comment.id).select_related("author")


async def _change(comment: Comment, action: str, reason: str) -> bool | None:
    """The conditional update behind `action`: True when the comment came back into view,
    False when it left it (or stayed hidden with a moderator's reason), None otherwise."""
    rows = Comment.filter(id=comment.id)
    hidden_by_reporters = rows.filter(status=CommentStatus.HIDDEN,
                                      moderation_reason=REPORT_HIDE_REASON)
    if action == CommentAction.DISMISS:
        if not await rows.filter(open_reports__gt=0).update(open_reports=0):
            raise Conflict("This comment has no open reports; someone may have just "
                           "reviewed it.")
        if not await hidden_by_reporters.update(status=CommentStatus.VISIBLE,
                                                moderation_reason=None):
            return None
        await comments.moved_in_view(comment, +1)
        return True
    if action == CommentAction.RESTORE:
        if comment.status != CommentStatus.HIDDEN:
            raise Conflict(f"This comment is {comment.status}; only hidden ones can be restored.")
        if not await rows.filter(status=CommentStatus.HIDDEN).update(
                status=CommentStatus.VISIBLE, moderation_reason=None, open_reports=0):
            raise Conflict("Someone else moderated this comment just now; reload to see it.")
        await comments.moved_in_view(comment, +1)
        return True
    if comment.status == CommentStatus.VISIBLE:
        changed = await rows.filter(status=CommentStatus.VISIBLE).update(
            status=CommentStatus.HIDDEN, moderation_reason=reason, open_reports=0)
        if changed:
            await comments.moved_in_view(comment, -1)
    elif hidden_by_reports(comment):  # confirm what the reports did, with a real reason
        changed = await hidden_by_reporters.update(moderation_reason=reason, open_reports=0)
    else:
        raise Conflict(f"This comment is already {comment.status}.")
    if not changed:
        raise Conflict("Someone else moderated this comment just now; reload to see it.")
    return False


async def _close_reports(comment: Comment, action: str) -> None:
    await CommentReport.filter(comment_id=comment.id, status=ReportStatus.OPEN).update(
        status=ReportStatus.RESOLVED, resolution=action, resolved_at=datetime.now(UTC))


async def _tell_author(comment: Comment, shown: bool, reason: str, event_id: str) -> None:
    """Once per decision: the key names the audit event that recorded it."""
    title = comment.entry.title
    text = (f"A moderator restored your comment on “{title}”." if shown
            else f"A moderator hid your comment on “{title}”.")
    if reason:
        text += f" Reason: {reason}"
    await notifications.notify(
        comment.author_id, NotificationKind.MODERATION, text,
        f"{urls.entry_path(comment.entry_id)}#comment-{comment.id}",
        f"comment.{'restore' if shown else 'hide'}:{comment.id}:{event_id}")


async def queue_of(campaign: Campaign) -> list[CommentQueueItem]:
    """Reported comments on the campaign's entries, oldest first by their first open report."""
    reported = (
        await Comment.filter(entry__campaign_id=campaign.id, open_reports__gt=0)
        .select_related("author", "entry").limit(QUEUE_LIMIT)
    )
    open_reports = (
        await CommentReport.filter(comment_id__in=[c.id for c in reported],
                                   status=ReportStatus.OPEN)
        .select_related("reporter").order_by("created_at", "id")
    )
    by_comment: dict[str, list[CommentReport]] = {}
    for found in open_reports:
        by_comment.setdefault(found.comment_id, []).append(found)
    items = []
    for comment in reported:
        reports = by_comment.get(comment.id, [])
        since = reports[0].created_at if reports else comment.created_at
        items.append(CommentQueueItem(comment=comment, reports=reports, waiting_since=since))
    return sorted(items, key=lambda item: (item.waiting_since, item.comment.id))
