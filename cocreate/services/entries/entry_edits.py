"""Authors change their entry's title and description, while that is still fair to voters.

An entry can be changed while its campaign takes entries and before anyone has voted for
it (a counted vote, or one held for review): a vote is for what the entry said, so once
there is one, changing its meaning would mislead the people who cast it. Who may: its
author, or for a team entry the team's captain too (captaincy moves with the team). Never
for entries a moderator took down or merged into another, nor for an approved entry of a
pre-moderated campaign (the change would skip the review it passed).
"""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from cocreate.lib.errors import Conflict, DomainError, Forbidden
from cocreate.lib.markdown import render_markdown
from cocreate.models import Entry, EntryStatus, ModerationMode, User, Vote, VoteStatus
from cocreate.services.campaigns import phases
from cocreate.services.core import events
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import FieldErrors
from cocreate.services.entries import entries
from cocreate.services.sharing import entry_cards

EDITABLE = (EntryStatus.PUBLISHED, EntryStatus.PENDING)


def _is_editor(viewer: User, entry: Entry) -> bool:
    """`entry` as entries.get_entry gives it (team loaded)."""
    if viewer.id == entry.author_id:
        return True
    return entry.team_id is not None and entry.team.captain_id == viewer.id


async def refusal(viewer: User | None, entry: Entry) -> DomainError | None:
    """Why `viewer` may not change `entry` now, or None when they may."""
    if viewer is None or not _is_editor(viewer, entry):
        return Forbidden("Only its author can change this entry.")
    if entry.status == EntryStatus.MERGED:
        return Forbidden("This idea was merged into another one; it can't be changed.")
    if entry.status not in EDITABLE:
        return Forbidden("A moderator took this entry down; it can't be changed.")
    if entry.status == EntryStatus.PUBLISHED and entry.campaign.moderation == ModerationMode.PRE:
        return Forbidden(f"{entry.campaign.org.name} approved this entry as it is; it can't "
                         "be changed now.")
    if not phases.takes_entries(entry.campaign):
        return Conflict("Entries can be changed only while the campaign takes them, and "
                        "this one has moved on.")
    if entry.vote_count or await Vote.filter(entry_id=entry.id, status=VoteStatus.HELD).exists():
        return Conflict("People have voted for this entry: changing it now would change "
                        "what they voted for.")
    return None


async def can_edit(viewer: User | None, entry: Entry) -> bool:
    return viewer is not None and await refusal(viewer, entry) is None


async def for_editing(actor: User, entry_id: str) -> Entry:
    """The entry, when `actor` may change it now; else the reason, raised."""
    entry = await entries.view_entry(actor, entry_id)
    problem = await refusal(actor, entry)
    if problem is not None:
        raise problem
    return entry


async def edit(deps: Deps, actor: User, entry_id: str, title: str | None,
               body: str | None) -> Entry:
    """Change the title and description (checked like a new entry's; None keeps one as it
    is), mark it edited, and have its terms and share card follow. The similar-ideas index
    follows by itself (an expression index on PostgreSQL, triggers on SQLite's FTS5 table)."""
    entry = await for_editing(actor, entry_id)
    await deps.limiter.hit("submissions", actor.id)
    errors = FieldErrors()
    title, body = entries.check_text(errors, entry.title if title is None else title,
                                     entry.body if body is None else body)
    errors.raise_if_any()
    if (title, body) == (entry.title, entry.body):
        return entry
    edited = datetime.now(UTC)
    stamp = int(edited.timestamp() * 1000)
    async with in_transaction():
        # Only while nothing moved meanwhile: no vote counted, still the same status.
        changed = await Entry.filter(id=entry.id, status=entry.status, vote_count=0).update(
            title=title, body=body, body_html=render_markdown(body), edited_at=edited)
        if not changed:
            raise Conflict("This entry changed meanwhile (someone voted for it?). Reload "
                           "the page and try again.")
        await events.entry_text_written(entry, stamp)
        if entry.status == EntryStatus.PUBLISHED:
            await entry_cards.redraw(entry.id, stamp)
    deps.jobs.kick()
    return await entries.get_entry(entry.id)
