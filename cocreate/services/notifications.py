"""In-app notifications: told once per event, read by their person.

`notify` is called inside the transaction of the event, with a key naming the event, so
replaying the event (or two workers handling it at once) never tells anyone twice.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cocreate.models import Notification, User

PAGE_SIZE = 50


async def notify(user_id: str, kind: str, text: str, url: str, key: str) -> None:
    await Notification.bulk_create(
        [Notification(user_id=user_id, kind=kind, text=text[:300], url=url, key=key)],
        ignore_conflicts=True,
    )


async def unread_count(user: User | None) -> int:
    if user is None:
        return 0
    return await Notification.filter(user=user, read_at=None).count()


async def recent(user: User, limit: int = PAGE_SIZE) -> list[Notification]:
    return await Notification.filter(user=user).order_by("-created_at", "-id").limit(limit)


async def mark_read(user: User, notification_ids: list[str] | None = None) -> int:
    """Mark some (or, with None, all) of the person's notifications read."""
    unread = Notification.filter(user=user, read_at=None)
    if notification_ids is not None:
        unread = unread.filter(id__in=notification_ids)
    return await unread.update(read_at=datetime.now(UTC))
