"""Merging duplicate ideas: a manager folds a duplicate into the idea that stays.

In one transaction the duplicate's votes move to the kept idea (a person who voted for both
keeps one vote: the other is removed and, under budget voting, given back), held votes move
the same way, comments move with their threads, the duplicate's authors are credited on
the kept idea, and its approved tags join the kept idea's while there is room (tags.py).
The duplicate becomes "merged" (no longer public, so out of every list and count) and its
address leads to the kept idea. Totals move with tally.move, the same path as a
vote, so they stay equal to the ledgers reconcile checks. Both rows are claimed by conditional
updates in id order: two managers merging at once merge once, and a merge each way cannot
deadlock. A worker then tells the duplicate's authors and voters, once each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from cocreate.doors import jobs
from cocreate.lib import urls
from cocreate.lib.errors import Conflict, Forbidden, Invalid
from cocreate.models import (
    CampaignKind,
    Comment,
    CommentStatus,
    CreditedAuthor,
    Entry,
    EntryStatus,
    NotificationKind,
    Report,
    ReportStatus,
    TermMention,
    User,
    Vote,
    VoteBudget,
    VoteStatus,
    Winner,
)
from cocreate.services.campaigns import campaigns, phases
from cocreate.services.conversation import follows
from cocreate.services.core import audit
from cocreate.services.core.context import Deps
from cocreate.services.entries import entries
from cocreate.services.influence import power_scores, referrals
from cocreate.services.listening import similar
from cocreate.services.notifications import notifications
from cocreate.services.scores import scores
from cocreate.services.sharing import entry_cards, profile_cards
from cocreate.services.tags import tags
from cocreate.services.voting import tally, voting

NOTIFY_JOB = "moderation.merged"
MERGEABLE_KIND = CampaignKind.IDEA
MAX_HOPS = 20  # a merged idea's address follows later merges this far


@dataclass(frozen=True)
class Merged:
    entry: Entry  # the duplicate, now merged
    into: Entry  # the idea kept, with the new totals
    votes_moved: int
    votes_removed: int  # of people who had voted for both (or for their own idea)
    comments_moved: int


async def merge(deps: Deps, actor: User, entry_id: str, into_id: str | None) -> Merged:
    entry = await entries.get_entry(entry_id)
    if not await campaigns.can_manage(actor, entry.campaign):
        raise Forbidden(f"Only managers of {entry.campaign.org.name} can merge ideas.")
    if entry.status == EntryStatus.MERGED:
        raise Conflict("This idea has already been merged into another one.")
    kept = await _check(entry, into_id)
    now = datetime.now(UTC)
    try:
        async with in_transaction():
            await _claim(entry, kept, now)
            voters, moved, removed = await _move_votes(entry, kept)
            comments_moved = await _move_comments(entry, kept)
            credited = await _credit(entry, kept)
            await follows.entry_merged(entry.id, kept.id)
            tagged = await tags.carry_over(entry, kept)
            await Report.filter(entry_id=entry.id, status=ReportStatus.OPEN).update(
                status=ReportStatus.RESOLVED, resolution="merged", resolved_at=now)
            await entries.on_unpublished(entry)
            await entry_cards.refresh_on_votes(kept.id)
            for person in credited:
                await profile_cards.enqueue(person, f"merged:{entry.id}")
            await audit.record(
                entry.campaign.org_id, actor, "entry.merge", "entry", entry.id,
                f"Merged “{entry.title}” into “{kept.title}”",
                {"into": kept.id, "votes_moved": moved, "votes_removed": removed,
                 "comments_moved": comments_moved, "tags_added": [t.slug for t in tagged]})
            await jobs.enqueue(NOTIFY_JOB, {"entry_id": entry.id, "into_id": kept.id,
                                            "voter_ids": sorted(voters)},
                               key=f"merged:{entry.id}")
    except IntegrityError as error:  # someone voted for the kept idea meanwhile: go again
        raise Conflict("Votes changed while merging; please try again.") from error
    deps.jobs.kick()
    kept = await entries.get_entry(kept.id)
    await voting.announce_count(deps, kept)
    return Merged(await entries.get_entry(entry.id), kept, moved, removed, comments_moved)


async def _check(entry: Entry, into_id: str | None) -> Entry:
    """The idea to keep, when these two may be merged; else Invalid (422) or Forbidden."""
    def invalid(message: str) -> Invalid:
        return Invalid(message, {"into": message})

    if entry.kind != MERGEABLE_KIND:
        raise invalid("Only ideas can be merged.")
    if entry.status != EntryStatus.PUBLISHED:
        raise invalid("Only public ideas can be merged; restore this one first.")
    if phases.shows_results(entry.campaign):  # results or archived
        raise Forbidden("The results are out: ideas can no longer be merged.")
    if await Winner.exists(entry_id=entry.id):
        raise Forbidden("This idea won a prize, so it can't be merged away.")
    if not into_id:
        raise invalid("Choose the idea to keep.")
    if into_id == entry.id:
        raise invalid("An idea can't be merged into itself.")
    kept = await Entry.get_or_none(id=into_id).select_related("campaign", "author", "team")
    if kept is None or kept.campaign_id != entry.campaign_id:
        raise invalid("Choose an idea of the same campaign.")
    if kept.kind != MERGEABLE_KIND:
        raise invalid("Only ideas can be merged.")
    if kept.status != EntryStatus.PUBLISHED:
        raise invalid("The idea you keep must be public (and not merged itself).")
    return kept


async def _claim(entry: Entry, kept: Entry, now: datetime) -> None:
    """Lock both rows in id order, each only if it is still public; the duplicate turns
    merged. A second merge of the same idea finds it merged and changes nothing."""
    for row in sorted((entry, kept), key=lambda e: e.id):
        still = Entry.filter(id=row.id, status=EntryStatus.PUBLISHED)
        if row is entry:
            changed = await still.update(status=EntryStatus.MERGED, merged_into_id=kept.id,
                                         merged_at=now, open_reports=0)
        else:
            changed = await still.update(status=EntryStatus.PUBLISHED)
        if not changed:
            raise Conflict(f"“{row.title}” was merged or moderated just now; reload to see it.")


async def _move_votes(entry: Entry, kept: Entry) -> tuple[set[str], int, int]:
    """Move the duplicate's votes; drop those of people who voted for both or who made the
    kept idea (their budget gets the vote back). Returns the voters and the two numbers."""
    votes = await Vote.filter(entry_id=entry.id).select_for_update()
    voters = {vote.user_id for vote in votes}
    has_one = set(await Vote.filter(entry_id=kept.id, user_id__in=list(voters))
                  .values_list("user_id", flat=True)) if voters else set()
    has_one |= set(await scores.credited(kept)) | {kept.author_id}
    removed = [vote for vote in votes if vote.user_id in has_one]
    moved = [vote for vote in votes if vote.user_id not in has_one]
    if removed:
        await Vote.filter(id__in=[vote.id for vote in removed]).delete()
        for vote in removed:  # a share link that brought a removed vote no longer counts it
            await referrals.forget_vote(vote.id)
        # What budgets count (votes not voided); a row exists only where budgets were used.
        refunds = [vote.user_id for vote in removed if vote.status != VoteStatus.VOIDED]
        if refunds:
            await VoteBudget.filter(campaign_id=entry.campaign_id, user_id__in=refunds).update(
                used=F("used") - 1)
    if moved:
        await Vote.filter(id__in=[vote.id for vote in moved]).update(entry_id=kept.id)
    started = entry.campaign.created_at
    counted = VoteStatus.COUNTED
    await tally.move(entry, started, [v.created_at for v in votes if v.status == counted], -1)
    await tally.move(kept, started, [v.created_at for v in moved if v.status == counted], +1)
    return voters, len(moved), len(removed)


async def _move_comments(entry: Entry, kept: Entry) -> int:
    """Every comment moves, replies under their parents as before; visible ones count, and
    the comments on the duplicate itself now answer the kept idea's author (the conversation
    counters follow). The terms heard in them count for the kept idea."""
    moving = await Comment.filter(entry_id=entry.id).select_for_update()
    if not moving:
        return 0
    moved_ids = [c.id for c in moving]
    await Comment.filter(id__in=moved_ids).update(entry_id=kept.id)
    await TermMention.filter(comment_id__in=moved_ids).update(entry_id=kept.id)
    for comment in moving:
        if comment.status == CommentStatus.VISIBLE and entry.author_id != kept.author_id:
            await power_scores.comment_counted(comment, entry.campaign.org_id,
                                               entry.author_id, -1)
            await power_scores.comment_counted(comment, entry.campaign.org_id,
                                               kept.author_id, +1)
    visible = sum(1 for c in moving if c.status == CommentStatus.VISIBLE)
    if visible:
        await Entry.filter(id=entry.id).update(comment_count=F("comment_count") - visible)
        await Entry.filter(id=kept.id).update(comment_count=F("comment_count") + visible)
    return len(moving)


async def _credit(entry: Entry, kept: Entry) -> list[str]:
    """The duplicate's authors (and those it was credited to) are credited on the kept idea."""
    already = set(await scores.credited(kept)) | {kept.author_id}
    earlier = await CreditedAuthor.filter(entry_id=entry.id).values_list("user_id", flat=True)
    people = [p for p in dict.fromkeys([*await scores.credited(entry), *earlier])
              if p not in already]
    await CreditedAuthor.bulk_create(
        [CreditedAuthor(entry_id=kept.id, user_id=p, merged_entry_id=entry.id) for p in people],
        ignore_conflicts=True)
    return people


async def credited_authors(entry: Entry) -> list[User]:
    """Whose merged ideas live on in this one, first credited first."""
    rows = await CreditedAuthor.filter(entry_id=entry.id).select_related("user").order_by(
        "created_at", "id")
    return [row.user for row in rows]


async def kept_entry_id(entry: Entry) -> str | None:
    """Where a merged idea's address leads: the idea it went into, after later merges too."""
    current, hops = entry, 0
    while current.status == EntryStatus.MERGED and current.merged_into_id and hops < MAX_HOPS:
        found = await Entry.get_or_none(id=current.merged_into_id).only(
            "id", "status", "merged_into_id")
        if found is None:
            break
        current, hops = found, hops + 1
    return current.id if current.id != entry.id else None


async def merged_here(entry: Entry, merged_id: str | None) -> Entry | None:
    """The idea someone came from when its address led here (for the page's notice)."""
    if not merged_id:
        return None
    merged = await Entry.get_or_none(id=merged_id, status=EntryStatus.MERGED)
    if merged is None or await kept_entry_id(merged) != entry.id:
        return None
    return merged


async def candidates(actor: User | None, entry: Entry, query: str | None, limit: int = 8
                     ) -> list[Entry] | None:
    """Ideas a manager may merge this one into: like it, or like what they searched for.
    None when the viewer may not merge it (the page then offers no merging)."""
    if (entry.kind != MERGEABLE_KIND or entry.status != EntryStatus.PUBLISHED
            or phases.shows_results(entry.campaign)
            or not await campaigns.can_manage(actor, entry.campaign)):
        return None
    text = (query or "").strip() or f"{entry.title}\n{entry.body}"
    title = (query or "").strip() or entry.title
    return await similar.similar_ideas(entry.campaign, text, limit, exclude=entry.id,
                                       title=title)


async def tell_people(entry_id: str, into_id: str, voter_ids: list[str]) -> None:
    """The worker's half: the duplicate's authors and its voters hear of it, once each."""
    entry = await Entry.get_or_none(id=entry_id).select_related("campaign__org")
    kept = await Entry.get_or_none(id=into_id)
    if entry is None or kept is None or entry.status != EntryStatus.MERGED:
        return
    org, where = entry.campaign.org.name, urls.entry_path(kept.id)
    authors = [*await scores.credited(entry)]
    for person in authors:
        await notifications.notify(
            person, NotificationKind.MERGED,
            f"{org} merged your idea “{entry.title}” into “{kept.title}”: "
            "you are credited there, and its votes count for it.", where,
            key=f"merged:{entry.id}:{person}")
    for person in dict.fromkeys(voter_ids):
        if person not in authors:
            await notifications.notify(
                person, NotificationKind.MERGED,
                f"“{entry.title}”, which you voted for, was merged into "
                f"“{kept.title}”: your vote counts for it now.", where,
                key=f"merged:{entry.id}:{person}")
