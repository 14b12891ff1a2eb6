"""Power users: what each fan brought an organization, kept as counters per (org, person).

Influence counts what their share links brought: people who came (a visit per visitor),
signed up, and voted through them, and the money given through them (`raised`).
Conversation counts what they drew out of others: replies to their comments and comments
on their entries (replies received), the threads they opened (every top-level comment:
whether others answered it already shows in replies received, so counting only answered
threads would count the same replies twice), and the helpful reactions others gave their
comments. Only visible comments count, and nobody's
own replies or reactions count for them.

Each counter moves in the transaction of its ledger row, and each score moves with it by
the counter's weight, so the stored scores always equal the weighted sums (reconcile.py
checks both). A ranking is then one indexed read.

Money raised adds one influence point per RAISED_POINT minor units of the person's total,
rounded down, so the score stays an integer: €10 raised weighs like one visitor, a little
less than a vote. Gifts in several currencies add up in minor units: a cent, a penny and a
yen are close enough in worth for a ranking (a won or an öre less so), and a rule without
exchange rates keeps a score from moving with the markets. The reasons say each currency's
own sum.
"""

from __future__ import annotations

from tortoise.expressions import F

from cocreate.lib.text import counted
from cocreate.models import Comment, CommentStatus, PowerScore, Reaction, ReactionKind, ReferralKind

# The weights: what one unit of each counter adds to a score.
INFLUENCE: dict[str, int] = {"visits": 1, "signups": 5, "votes": 2}
CONVERSATION: dict[str, int] = {"replies": 2, "threads": 1, "helpfuls": 3}
COUNTERS = ("visits", "signups", "votes", "raised", "replies", "threads", "helpfuls")
RAISED_POINT = 1000  # minor units raised worth one influence point: €10, $10, ¥1,000
REFERRAL_COUNTER = {ReferralKind.VISIT: "visits", ReferralKind.SIGNUP: "signups",
                    ReferralKind.VOTE: "votes", ReferralKind.GIFT: "raised"}


def _weighted(counts: dict[str, int]) -> dict[str, int]:
    return {"influence": sum(w * counts.get(k, 0) for k, w in INFLUENCE.items()),
            "conversation": sum(w * counts.get(k, 0) for k, w in CONVERSATION.items())}


def scores_of(counts: dict[str, int]) -> dict[str, int]:
    """The two scores of a person's counters (their totals: raised counts in whole points)."""
    scores = _weighted(counts)
    scores["influence"] += counts.get("raised", 0) // RAISED_POINT
    return scores


async def move(org_id: str, user_id: str, **deltas: int) -> None:
    """Add `deltas` to one person's counters and scores (call inside the event's transaction)."""
    deltas = {key: value for key, value in deltas.items() if value}
    if not deltas:
        return
    changes = {**deltas, **{k: v for k, v in _weighted(deltas).items() if v}}
    await PowerScore.bulk_create([PowerScore(org_id=org_id, user_id=user_id)],
                                 ignore_conflicts=True)
    row = PowerScore.filter(org_id=org_id, user_id=user_id)
    await row.update(**{key: F(key) + value for key, value in changes.items()})
    if raised := deltas.get("raised"):
        # Read after the update, which holds the row until the transaction ends
        total = (await row.first().only("id", "raised")).raised  # type: ignore[union-attr]
        points = total // RAISED_POINT - (total - raised) // RAISED_POINT
        if points:
            await row.update(influence=F("influence") + points)


def answered(comment: Comment, parent_author_id: str | None, entry_author_id: str
             ) -> str | None:
    """Whose "replies received" a comment counts for: the author of the comment it
    answers, or for a top-level comment the entry's author; nobody when that is its own
    author."""
    target = parent_author_id if comment.parent_id else entry_author_id
    return target if target and target != comment.author_id else None


async def comment_counted(comment: Comment, org_id: str, entry_author_id: str,
                          sign: int) -> None:
    """A comment came into view (+1: posted, or restored by a moderator) or left it (-1:
    removed or hidden): move what it counts for, with the helpful reactions others gave it.
    Call inside the transaction that changed its status, after the update that locked its
    row (so a reaction added meanwhile is either seen here or sees the new status)."""
    parent_author = None
    if comment.parent_id:
        parent_author = (await Comment.get(id=comment.parent_id).only("id", "author_id")
                         ).author_id
    target = answered(comment, parent_author, entry_author_id)
    if target:
        await move(org_id, target, replies=sign)
    helped = await Reaction.filter(comment_id=comment.id, kind=ReactionKind.HELPFUL) \
        .exclude(user_id=comment.author_id).count()
    await move(org_id, comment.author_id, threads=0 if comment.parent_id else sign,
               helpfuls=sign * helped)


async def helpful_moved(comment_id: str, reactor_id: str, delta: int) -> None:
    """A helpful reaction was added or taken back: it counts for the comment's author while
    the comment is visible (read after the reaction locked the comment's row)."""
    found = await Comment.filter(id=comment_id).values_list(
        "status", "author_id", "entry__campaign__org_id")
    if found and found[0][0] == CommentStatus.VISIBLE and found[0][1] != reactor_id:
        await move(found[0][2], found[0][1], helpfuls=delta)


def reasons(score: PowerScore, by: str, raised: str = "") -> str:
    """The score in words: "brought 12 visitors, 3 signed up, 5 votes, raised €340"
    (`raised`: the money in words, each currency's sum)."""
    if by == "influence":
        parts = [f"brought {counted(score.visits, 'visitor')}", f"{score.signups:,} signed up",
                 counted(score.votes, "vote")]
        if raised:
            parts.append(f"raised {raised}")
    else:
        parts = [f"received {counted(score.replies, 'reply', 'replies')}",
                 f"started {counted(score.threads, 'thread')}",
                 counted(score.helpfuls, "helpful reaction")]
    return ", ".join(parts)
