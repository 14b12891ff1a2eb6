"""What people were told, for the conversation stories."""

from __future__ import annotations

from cocreate.models import Notification, User


async def told(person: User) -> list[str]:
    """The kinds of the person's notifications, oldest first, but for their badges (an author
    hears of the Contributor badge their first entry earned)."""
    return list(await Notification.filter(user_id=person.id).exclude(kind="badge")
                .order_by("created_at", "id").values_list("kind", flat=True))
