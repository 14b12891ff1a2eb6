"""Activity: what people and campaigns did, and the personal feed made of it.

Services record an activity inside the transaction of the event (a published entry, an
award, a reply, a phase change), under a key naming that event, so replaying the event
records it once. A feed shows what the people and campaigns one follows did, newest first,
paged on (created_at, id) without OFFSET.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.expressions import Q

from cocreate.lib import urls
from cocreate.lib.errors import Invalid
from cocreate.models import Activity, ActivityKind, CampaignPhase, Comment, Entry, Follow, User
from cocreate.services.core.pagination import decode_cursor, encode_cursor

KINDS = tuple(ActivityKind)
FEED_SIZE = 30
MAX_FEED_SIZE = 100
MAX_FOLLOWED = 5000  # a feed reads at most this many followed people, and campaigns


@dataclass(frozen=True)
class FeedPage:
    items: list[Activity]
    next_cursor: str | None


async def record(actor_id: str | None, campaign_id: str | None, kind: ActivityKind,
                 text: str, url: str, key: str) -> None:
    """Record an event once per `key` (call inside the transaction of the event)."""
    assert kind in KINDS, kind
    await Activity.bulk_create([Activity(
        actor_id=actor_id, campaign_id=campaign_id, kind=kind, text=_fit(text, 300),
        url=url[:300], key=key[:120],
    )], ignore_conflicts=True)


async def forget(key: str) -> None:
    """Take an event out of every feed (the entry was hidden, the badge revoked)."""
    await Activity.filter(key=key).delete()


async def replied(actor: User, entry: Entry, comment: Comment, parent: Comment | None) -> None:
    """A reply to someone's comment (a comment on the entry itself is not an activity)."""
    if parent is None:
        return
    await record(actor.id, entry.campaign_id, ActivityKind.REPLY,
                 f"{actor.display_name} replied to a comment on “{entry.title}”",
                 f"{urls.entry_path(entry.id)}#comment-{comment.id}", f"reply:{comment.id}")


async def feed(viewer: User, cursor: str | None = None, limit: int = FEED_SIZE) -> FeedPage:
    """What the people and campaigns `viewer` follows did, newest first; not their own."""
    limit = max(1, min(limit, MAX_FEED_SIZE))
    after = _after(cursor) if cursor else None
    people = await _followed(viewer, "user_id")
    followed = await _followed(viewer, "campaign_id")
    if not people and not followed:
        return FeedPage([], None)
    query = Activity.filter(
        Q(actor_id__in=people) | Q(campaign_id__in=followed) if people and followed
        else Q(actor_id__in=people) if people else Q(campaign_id__in=followed),
        Q(actor_id__isnull=True) | ~Q(actor_id=viewer.id),
        Q(campaign_id__isnull=True) | ~Q(campaign__phase=CampaignPhase.DRAFT),
    )
    if after is not None:
        query = query.filter(Q(created_at__lt=after[0])
                             | Q(created_at=after[0], id__lt=after[1]))
    found = await query.select_related("actor", "campaign").order_by(
        "-created_at", "-id").limit(limit + 1)
    items = found[:limit]
    more = len(found) > limit
    return FeedPage(items, encode_cursor([items[-1].created_at.isoformat(), items[-1].id])
                    if more else None)


async def _followed(viewer: User, column: str) -> list[str]:
    """The ids of the people (user_id) or campaigns (campaign_id) `viewer` follows."""
    return await Follow.filter(follower_id=viewer.id, **{f"{column}__not_isnull": True}) \
        .order_by("-created_at").limit(MAX_FOLLOWED).values_list(column, flat=True)


def _after(cursor: str) -> tuple[datetime, str]:
    created, last_id = decode_cursor(cursor, 2)
    try:
        when = datetime.fromisoformat(created)
    except (TypeError, ValueError) as error:
        raise Invalid("The page cursor is not valid.",
                      {"cursor": "Not a valid cursor."}) from error
    if not isinstance(last_id, str) or when.tzinfo is None:
        raise Invalid("The page cursor is not valid.", {"cursor": "Not a valid cursor."})
    return when, last_id


def _fit(text: str, size: int) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"
