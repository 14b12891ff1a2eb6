"""In-app notifications: told once per event, read by their person.

`notify` is called inside the transaction of the event, with a key naming the event, so
replaying the event (or two workers handling it at once) never tells anyone twice. When
the person wants that kind mailed on its own, the mail job is recorded in that transaction too
(keyed by the event, so it is queued once); digests are collected by a daily job instead.
"""

from __future__ import annotations

from datetime import UTC, datetime
from hashlib import sha256

from cocreate.doors import jobs
from cocreate.models import Notification, NotificationKind, User
from cocreate.services.notifications import notification_mail

PAGE_SIZE = 50


async def notify(user_id: str, kind: NotificationKind, text: str, url: str, key: str) -> None:
    await Notification.bulk_create(
        [Notification(user_id=user_id, kind=kind, text=text[:300], url=url, key=key)],
        ignore_conflicts=True,
    )
    if await notification_mail.wants_single_mail(user_id, kind):
        notification_id = await Notification.filter(key=key).values_list("id", flat=True)
        if notification_id:
            await jobs.enqueue(notification_mail.EMAIL_JOB,
                               {"notification_id": notification_id[0]}, key=_email_job_key(key))


def _email_job_key(key: str) -> str:
    """`email:<event key>`, hashed when it would not fit the job key column."""
    job_key = f"email:{key}"
    return job_key if len(job_key) <= 120 else "email:#" + sha256(key.encode()).hexdigest()


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
