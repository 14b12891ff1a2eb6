"""The power-user counters recounted from their rows, for services/operations/reconcile.py.

Per (organization, person): referrals with a campaign by kind, the succeeded gifts whose
donor someone else's link brought (their amounts, for that sharer: counted from the gifts
themselves, so a referral kept after a refund or missed on a payment shows), visible
comments answering the person (a reply to their comment, or a top-level comment on their
entry, by someone else), their visible top-level comments, and helpful reactions from others
on their visible comments; the scores are the weighted sums of those.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from tortoise.queryset import QuerySet

from cocreate.models import (
    Campaign,
    Comment,
    CommentStatus,
    Gift,
    GiftStatus,
    PowerScore,
    Reaction,
    ReactionKind,
    Referral,
    ReferralKind,
)
from cocreate.services.influence import power_scores

BATCH = 5000
Key = tuple[str, str]  # (organization id, user id)


async def _rows(query: QuerySet, *fields: str) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []
    offset = 0
    while True:
        rows = await query.order_by("id").offset(offset).limit(BATCH).values_list(*fields)
        found += rows
        if len(rows) < BATCH:
            return found
        offset += BATCH


async def ledger() -> dict[Key, Counter[str]]:
    counts: dict[Key, Counter[str]] = {}

    def add(org_id: str, user_id: str, counter: str, n: int = 1) -> None:
        counts.setdefault((org_id, user_id), Counter())[counter] += n

    org_of = dict(await Campaign.all().values_list("id", "org_id"))
    for campaign_id, sharer_id, kind in await _rows(
            Referral.filter(campaign_id__not_isnull=True).exclude(kind=ReferralKind.GIFT),
            "campaign_id", "sharer_id", "kind"):
        add(org_of[campaign_id], sharer_id, power_scores.REFERRAL_COUNTER[kind])
    for campaign_id, sharer_id, donor_id, amount in await _rows(
            Gift.filter(status=GiftStatus.SUCCEEDED, referred_by_id__not_isnull=True),
            "campaign_id", "referred_by_id", "donor_id", "amount"):
        if sharer_id != donor_id:
            add(org_of[campaign_id], sharer_id, "raised", amount)
    for author_id, parent_id, parent_author_id, entry_author_id, org_id in await _rows(
            Comment.filter(status=CommentStatus.VISIBLE), "author_id", "parent_id",
            "parent__author_id", "entry__author_id", "entry__campaign__org_id"):
        target = parent_author_id if parent_id else entry_author_id
        if target and target != author_id:
            add(org_id, target, "replies")
        if not parent_id:
            add(org_id, author_id, "threads")
    for reactor_id, author_id, org_id in await _rows(
            Reaction.filter(kind=ReactionKind.HELPFUL, comment__status=CommentStatus.VISIBLE),
            "user_id", "comment__author_id", "comment__entry__campaign__org_id"):
        if reactor_id != author_id:
            add(org_id, author_id, "helpfuls")
    for counter in counts.values():
        counter.update(power_scores.scores_of(counter))
    return counts


FIELDS = (*power_scores.COUNTERS, "influence", "conversation")


async def differences() -> list[tuple[str, str, int, int]]:
    """(counter, "org/user", stored, recounted) for every power counter that differs."""
    expected = await ledger()
    stored = {(row[0], row[1]): dict(zip(FIELDS, row[2:], strict=True))
              for row in await _rows(PowerScore.all(), "org_id", "user_id", *FIELDS)}
    found = []
    for key in sorted(set(stored) | set(expected)):
        have, want = stored.get(key, {}), expected.get(key, Counter())
        for field in FIELDS:
            if have.get(field, 0) != want.get(field, 0):
                found.append((field, "/".join(key), have.get(field, 0), want.get(field, 0)))
    return found


async def repair(row_id: str, field: str, value: int) -> None:
    org_id, user_id = row_id.split("/")
    await PowerScore.bulk_create([PowerScore(org_id=org_id, user_id=user_id)],
                                 ignore_conflicts=True)
    await PowerScore.filter(org_id=org_id, user_id=user_id).update(**{field: value})
