"""Conversation on entries: comments and replies to replies, told to the people they concern.

A reply goes under the comment it answers, `depth` levels down (pages indent up to MAX_DEPTH).
Authors may edit within EDIT_WINDOW and remove their comments at any time: a removed comment
keeps its place, so the replies under it still make sense, and so does one a moderator hid
(services/moderation/comment_moderation.py). Entry.comment_count counts visible comments and
moves in the same transaction (reconcile checks it), and so do the conversation counters of the
people a comment counts for (services/influence/power_scores.py). Mentions (@handle) tell the
people named, a reply tells the person answered, a comment tells the entry's author: each once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from cocreate.lib import urls
from cocreate.lib.errors import Forbidden, NotFound
from cocreate.lib.markdown import MENTION, render_markdown
from cocreate.models import (
    Campaign,
    Comment,
    CommentStatus,
    Entry,
    EntryStatus,
    NotificationKind,
    User,
)
from cocreate.services.campaigns.wording import words
from cocreate.services.conversation import follows
from cocreate.services.core import events
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import FieldErrors
from cocreate.services.entries import entries
from cocreate.services.influence import power_scores
from cocreate.services.notifications import activity, notifications
from cocreate.services.orgs import orgs

MAX_DEPTH = 4
EDIT_WINDOW = timedelta(minutes=15)
MAX_LENGTH = 5000
THREAD_LIMIT = 500


@dataclass(frozen=True)
class ThreadItem:
    comment: Comment
    depth: int  # how far to indent, at most MAX_DEPTH
    revealed: bool = True  # the viewer may read its text (a hidden one: its author, moderators)


async def _visible_entry(actor: User | None, entry_id: str) -> Entry:
    entry = await entries.view_entry(actor, entry_id)
    if entry.status != EntryStatus.PUBLISHED:
        raise Forbidden("Comments open once the entry is public.")
    return entry


async def _clean(body: str | None) -> tuple[str, str]:
    """The comment's text and its HTML, where each @handle of somebody links to them."""
    errors = FieldErrors()
    text = errors.text("body", body, label="Comment", min_len=1, max_len=MAX_LENGTH, multiline=True)
    errors.raise_if_any()
    mentioned = await _mentioned(text)
    return text, render_markdown(text, {p.handle.lower(): urls.user_path(p.handle)
                                       for p in mentioned})


async def _mentioned(text: str) -> list[User]:
    handles = {match.lower() for match in MENTION.findall(text)}
    return await User.filter(handle__in=handles) if handles else []


async def post(deps: Deps, actor: User, entry_id: str, body: str | None,
               parent_id: str | None = None, now: datetime | None = None) -> Comment:
    """`now` backdates the comment (demo data and tests)."""
    entry = await _visible_entry(actor, entry_id)
    text, html = await _clean(body)
    parent = None
    if parent_id:
        parent = await Comment.get_or_none(id=parent_id, entry_id=entry.id)
        if parent is None:
            raise NotFound("The comment you are answering is not on this entry.")
    await deps.limiter.hit("comments", actor.id)
    async with in_transaction():
        comment = await Comment.create(
            entry=entry, author=actor, parent=parent, body=text, body_html=html,
            depth=min(parent.depth + 1, MAX_DEPTH) if parent else 0,
            **({"created_at": now} if now else {}))
        await Entry.filter(id=entry.id).update(comment_count=F("comment_count") + 1)
        if parent:
            await Comment.filter(id=parent.id).update(reply_count=F("reply_count") + 1)
        await power_scores.comment_counted(comment, entry.campaign.org_id, entry.author_id, +1)
        await _tell(actor, entry, comment, parent, text)
        await activity.replied(actor, entry, comment, parent)
        await events.comment_text_written(comment)
    deps.jobs.kick()
    await deps.realtime.publish(f"entry:{entry.id}", {"event": "comment", "entry_id": entry.id})
    return await Comment.get(id=comment.id).select_related("author")


async def _tell(actor: User, entry: Entry, comment: Comment, parent: Comment | None,
                text: str) -> None:
    """Notify the person answered, the entry's author and everyone mentioned, once each; the
    entry's other followers hear of it through a worker."""
    where = f"{urls.entry_path(entry.id)}#comment-{comment.id}"
    told = {actor.id}
    if parent and parent.author_id not in told:
        await notifications.notify(parent.author_id, NotificationKind.REPLY,
                                   f"{actor.display_name} replied to you on “{entry.title}”.",
                                   where, f"reply:{comment.id}")
        told.add(parent.author_id)
        await events.replied(comment)
    if entry.author_id not in told:
        await notifications.notify(entry.author_id, NotificationKind.COMMENT,
                                   f"{actor.display_name} commented on your {words(entry).entry} "
                                   f"“{entry.title}”.", where, f"comment:{comment.id}")
        told.add(entry.author_id)
    for person in await _mentioned(text):
        if person.id not in told:
            await notifications.notify(person.id, NotificationKind.MENTION,
                                       f"{actor.display_name} mentioned you on “{entry.title}”.",
                                       where, f"mention:{comment.id}:{person.id}")
            told.add(person.id)
    await follows.commented(comment, told)


async def _own(actor: User, comment_id: str) -> Comment:
    comment = await Comment.get_or_none(id=comment_id).select_related("entry")
    if comment is None:
        raise NotFound("There is no such comment.")
    if comment.status == CommentStatus.HIDDEN:
        raise Forbidden("A moderator hid this comment; it can't be changed.")
    if comment.author_id != actor.id:
        raise Forbidden("Only its author can change a comment.")
    return comment


async def comment_in_view(viewer: User | None, comment_id: str) -> Comment:
    """A comment under an entry the viewer may see, whatever its own state (the thread shows
    removed and hidden ones in their place): what a form on it acts on."""
    comment = await Comment.get_or_none(id=comment_id).select_related(
        "entry", "entry__campaign", "entry__campaign__org")
    if comment is None or not await entries.can_see(viewer, comment.entry):
        raise NotFound("There is no such comment.")
    return comment


async def edit(deps: Deps, actor: User, comment_id: str, body: str | None) -> Comment:
    comment = await _own(actor, comment_id)
    if comment.status != CommentStatus.VISIBLE:
        raise Forbidden("A removed comment can't be edited.")
    if datetime.now(UTC) - comment.created_at > EDIT_WINDOW:
        minutes = int(EDIT_WINDOW.total_seconds() // 60)
        raise Forbidden(f"Comments can be edited for {minutes} minutes after posting. "
                        "Add a reply instead.")
    text, html = await _clean(body)
    await deps.limiter.hit("comments", actor.id)
    edited = datetime.now(UTC)
    async with in_transaction():
        await Comment.filter(id=comment.id).update(body=text, body_html=html, edited_at=edited)
        await events.comment_text_written(comment, int(edited.timestamp() * 1000))
    deps.jobs.kick()
    return await Comment.get(id=comment.id).select_related("author")


async def remove(actor: User, comment_id: str) -> Comment:
    """The author takes a comment down: it shows as removed, its replies stay."""
    comment = await _own(actor, comment_id)
    if comment.status == CommentStatus.REMOVED:
        return await Comment.get(id=comment.id).select_related("author")
    async with in_transaction():
        if await Comment.filter(id=comment.id, status=CommentStatus.VISIBLE).update(
                status=CommentStatus.REMOVED, body="", body_html=""):
            await moved_in_view(comment, -1)
    return await Comment.get(id=comment.id).select_related("author")


async def moved_in_view(comment: Comment, step: int) -> None:
    """A comment came into view (+1) or left it (-1): its entry's comment count and the
    conversation counters of the people it counts for move with it (inside that transaction,
    after the update that changed its status)."""
    await Entry.filter(id=comment.entry_id).update(comment_count=F("comment_count") + step)
    entry = await Entry.get(id=comment.entry_id).only("id", "campaign_id", "author_id")
    org_id = (await Campaign.get(id=entry.campaign_id).only("id", "org_id")).org_id
    await power_scores.comment_counted(comment, org_id, entry.author_id, step)


async def can_moderate(viewer: User | None, entry: Entry) -> bool:
    return await orgs.can_moderate(viewer, entry.campaign.org)


async def thread(viewer: User | None, entry_id: str) -> list[ThreadItem]:
    """The entry's conversation in reading order: each comment followed by its replies."""
    entry = await entries.view_entry(viewer, entry_id)
    rows = await Comment.filter(entry_id=entry.id).select_related("author") \
        .order_by("created_at", "id").limit(THREAD_LIMIT)
    moderator = (any(row.status == CommentStatus.HIDDEN for row in rows)
                 and await can_moderate(viewer, entry))
    children: dict[str | None, list[Comment]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    ordered: list[ThreadItem] = []

    def walk(parent_id: str | None) -> None:
        for row in children.get(parent_id, []):
            ordered.append(ThreadItem(row, min(row.depth, MAX_DEPTH),
                                      revealed(viewer, row, moderator)))
            walk(row.id)

    walk(None)
    return ordered


def revealed(viewer: User | None, comment: Comment, moderator: bool) -> bool:
    """Whether the viewer may read the comment's text: anyone while it is visible; once a
    moderator (or the reports) hid it, its author and the moderators."""
    if comment.status != CommentStatus.HIDDEN:
        return comment.status == CommentStatus.VISIBLE
    return moderator or (viewer is not None and viewer.id == comment.author_id)


def editable(viewer: User | None, comment: Comment) -> bool:
    return (viewer is not None and viewer.id == comment.author_id
            and comment.status == CommentStatus.VISIBLE
            and datetime.now(UTC) - comment.created_at <= EDIT_WINDOW)
