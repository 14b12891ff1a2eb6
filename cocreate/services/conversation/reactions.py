"""Reactions on comments: a small fixed set, one of each kind per person per comment.

The counts live on the comment (one column per kind) and move with the reaction row in one
transaction, guarded by the unique (comment, person, kind), so they always equal the rows;
reconcile checks them. "Helpful" reactions from others also count for the comment's author
among the brand's power users (services/influence/power_scores.py), in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from cocreate.lib.errors import Forbidden, Invalid, NotFound
from cocreate.models import Comment, CommentStatus, Reaction, ReactionKind, User
from cocreate.services.core.context import Deps
from cocreate.services.entries import entries
from cocreate.services.influence import power_scores


@dataclass(frozen=True)
class Kind:
    key: ReactionKind
    emoji: str
    label: str
    column: str  # the counter on Comment


KINDS: dict[str, Kind] = {kind.key: kind for kind in (
    Kind(ReactionKind.LIKE, "👍", "Like", "likes"),
    Kind(ReactionKind.LOVE, "❤️", "Love", "loves"),
    Kind(ReactionKind.LAUGH, "😂", "Funny", "laughs"),
    Kind(ReactionKind.HELPFUL, "💡", "Helpful", "helpfuls"),
    Kind(ReactionKind.CHEER, "🎉", "Cheers", "cheers"),
)}


def counts(comment: Comment) -> dict[str, int]:
    return {key: getattr(comment, kind.column) for key, kind in KINDS.items()}


async def react(deps: Deps, actor: User, comment_id: str, kind: str | None,
                on: bool) -> tuple[Comment, set[str]]:
    """Add (`on`) or take back one reaction; idempotent. Returns the comment and the
    kinds the actor now has on it."""
    if kind not in KINDS:
        raise Invalid("Choose one of the reactions.", {"kind": "Unknown reaction."})
    comment = await Comment.get_or_none(id=comment_id)
    if comment is None:
        raise NotFound("There is no such comment.")
    await entries.view_entry(actor, comment.entry_id)
    if comment.status != CommentStatus.VISIBLE:
        raise Forbidden("This comment can't take reactions.")
    await deps.limiter.hit("comments", actor.id)
    column = KINDS[kind].column
    try:
        async with in_transaction():
            if on:
                await Reaction.create(comment=comment, user=actor, kind=kind)
                moved = 1
            else:
                moved = -await Reaction.filter(comment=comment, user=actor, kind=kind).delete()
            if moved:
                await Comment.filter(id=comment.id).update(**{column: F(column) + moved})
                if kind == ReactionKind.HELPFUL:
                    await power_scores.helpful_moved(comment.id, actor.id, moved)
    except IntegrityError:
        pass  # already there: the unique key kept the count as it was
    mine = await mine_by_comment(actor, [comment.id])
    return await Comment.get(id=comment.id), mine.get(comment.id, set())


async def mine_by_comment(viewer: User | None, comment_ids: list[str]) -> dict[str, set[str]]:
    """Which kinds the viewer has on each of the comments."""
    if viewer is None or not comment_ids:
        return {}
    found: dict[str, set[str]] = {}
    for comment_id, kind in await Reaction.filter(user=viewer, comment_id__in=comment_ids) \
            .values_list("comment_id", "kind"):
        found.setdefault(comment_id, set()).add(kind)
    return found
