"""A fan's profile share card: their name and avatar, and what they have done so far.

The card is drawn again whenever its numbers may have moved (an entry published, a badge
earned); one job per such event, and an unchanged card costs only a HEAD request.
"""

from __future__ import annotations

from tortoise.expressions import Q

from cocreate.doors import jobs
from cocreate.doors.storage import Storage
from cocreate.lib.cards import CardContent
from cocreate.lib.errors import NotFound
from cocreate.models import Award, CreditedAuthor, Entry, EntryStatus, User
from cocreate.services.sharing import share_cards

RENDER_JOB = "sharing.profile_card"
FORMATS = ("og",)  # what og:image needs; drawn again with every entry and badge


async def enqueue(user_id: str, reason: str) -> None:
    """Queue the card for another look, once per `reason` (e.g. "entry:<id>", "award:<id>").

    Call inside the transaction of the change; a worker may call it on its own.
    """
    await jobs.enqueue(RENDER_JOB, {"user_id": user_id}, key=f"profile-card:{user_id}:{reason}")


def numbers_line(entries: int, awards: int) -> str:
    """"3 entries · 1 badge"; what is zero is left out."""
    parts = [
        f"{entries:,} {'entry' if entries == 1 else 'entries'}" if entries else "",
        f"{awards:,} {'badge' if awards == 1 else 'badges'}" if awards else "",
    ]
    return " · ".join(p for p in parts if p)


async def content_of(storage: Storage, person: User) -> CardContent:
    credited = await CreditedAuthor.filter(user_id=person.id).values_list("entry_id", flat=True)
    entries = await Entry.filter(Q(author_id=person.id) | Q(id__in=list(credited)),
                                 status=EntryStatus.PUBLISHED).count()
    awards = await Award.filter(user_id=person.id, revoked_at=None).count()
    return CardContent(
        badge_label="",
        person_name=person.display_name,
        campaign_title="",
        org_name="",
        brand_color=share_cards.PLATFORM_COLOR,
        entry_image=None,
        avatar_image=await share_cards.avatar(storage, person),
        stat=numbers_line(entries, awards),
    )


async def render(storage: Storage, user_id: str) -> None:
    """The worker's half: draw the card in every format and point the profile at it."""
    person = await User.get_or_none(id=user_id)
    if person is None:
        return
    keys = await share_cards.store(storage, await content_of(storage, person), FORMATS)
    await User.filter(id=person.id).update(card_key=keys["og"])


async def image_key(handle: str) -> str:
    """The stored profile card (Open Graph format) of the person with `handle`."""
    person = await User.get_or_none(handle=handle).only("id", "card_key")
    if person is None or not person.card_key:
        raise NotFound("This profile has no share card yet.")
    return person.card_key
