"""A person's public profile: what they show of themselves, and their portfolio.

Changing the name or the avatar draws their cards again (profile and badges): cards are
stored by content, so the new look gets new cards and old shares keep theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.transactions import in_transaction

from cocreate.lib.ids import new_id
from cocreate.models import (
    CreditedAuthor,
    EntryCredit,
    Media,
    MediaKind,
    MediaStatus,
    Organization,
    Team,
    TeamMember,
    User,
)
from cocreate.services.badges import badges
from cocreate.services.core.validation import FieldErrors
from cocreate.services.sharing import profile_cards


@dataclass(frozen=True)
class Portfolio:
    teams: list[Team]
    remix_ids: set[str]  # which of the listed entries are remixes
    thanked_by: list[Organization]  # brands that thanked them by name or with their own badge
    credited_ids: set[str]  # listed entries their merged ideas live on in (not their own)


async def update_profile(actor: User, display_name: str | None = None, bio: str | None = None,
                         avatar_media_id: str | None = None, clear_avatar: bool = False
                         ) -> User:
    errors = FieldErrors()
    changed: dict[str, object] = {}
    if display_name is not None:
        changed["display_name"] = errors.text("display_name", display_name,
                                              label="Display name", max_len=80)
    if bio is not None:
        changed["bio"] = errors.text("bio", bio, label="About you", min_len=0, max_len=300,
                                     multiline=True)
    if clear_avatar:
        changed["avatar_media_id"] = None
    elif avatar_media_id:
        if not await Media.exists(id=avatar_media_id, owner=actor, status=MediaStatus.READY,
                                  kind=MediaKind.IMAGE):
            errors.add("avatar_media_id", "Use an image you uploaded that has finished "
                       "processing.")
        changed["avatar_media_id"] = avatar_media_id
    errors.raise_if_any()
    changed = {k: v for k, v in changed.items() if getattr(actor, k) != v}
    if not changed:
        return actor
    stamp = new_id(6)
    async with in_transaction():
        await User.filter(id=actor.id).update(**changed)
        if {"display_name", "avatar_media_id"} & set(changed):
            await profile_cards.enqueue(actor.id, f"edit:{stamp}")
            await badges.redraw_cards(user_id=actor.id)
    return await User.get(id=actor.id)


async def avatar(person: User) -> Media | None:
    """The person's avatar, when it is a processed image."""
    if not person.avatar_media_id:
        return None
    return await Media.get_or_none(id=person.avatar_media_id, status=MediaStatus.READY)


async def portfolio(person: User, entry_ids: list[str]) -> Portfolio:
    memberships = await TeamMember.filter(user=person).select_related(
        "team", "team__campaign").order_by("-id")
    remixes = await EntryCredit.filter(entry_id__in=entry_ids).values_list("entry_id", flat=True)
    credited = await CreditedAuthor.filter(user_id=person.id, entry_id__in=entry_ids) \
        .values_list("entry_id", flat=True)
    by_badge = await Organization.filter(
        badges__awards__user_id=person.id, badges__awards__revoked_at=None).distinct()
    by_note = await Organization.filter(acknowledgements__recipient_id=person.id).distinct()
    thanked = {org.id: org for org in [*by_note, *by_badge]}
    return Portfolio([m.team for m in memberships], set(remixes), list(thanked.values()),
                     set(credited))
