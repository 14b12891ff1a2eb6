"""A person's public profile: what they show of themselves, their portfolio (entries and
remixes, teams, the brands that thanked them), their badges, and to themselves only what
their share links brought. The page `/u/{handle}` and `GET /api/v1/users/{handle}` both read
it, so they show the same entries and badges to the same viewer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cocreate.services.accounts import accounts, profiles
from cocreate.services.badges import badges
from cocreate.services.conversation import follows
from cocreate.services.entries import entries
from cocreate.services.influence import referrals
from cocreate.services.reach import reach
from cocreate.services.recognition import ambassadors

if TYPE_CHECKING:
    from cocreate.models import Award, Entry, Media, Organization, User
    from cocreate.services.accounts.profiles import Portfolio
    from cocreate.services.reach.reach import Reach


@dataclass(frozen=True)
class Profile:
    person: User
    is_me: bool  # the viewer is the person
    avatar: Media | None  # a processed picture, else none
    entries: list[Entry]  # public ones; their own profile also lists the others, with status
    portfolio: Portfolio
    awards: list[Award]  # badges they hold (never revoked ones)
    ambassador_of: list[Organization]
    follow: follows.FollowState
    reach: Reach | None  # what their links brought: shown to themselves only
    referral_code: str | None  # the viewer's, carried by the badges' share links


async def profile(viewer: User | None, handle: str) -> Profile:
    person = await accounts.get_by_handle(handle)
    is_me = viewer is not None and viewer.id == person.id
    listed = await entries.entries_by_author(person, viewer)
    return Profile(
        person=person, is_me=is_me, avatar=await profiles.avatar(person), entries=listed,
        portfolio=await profiles.portfolio(person, [e.id for e in listed]),
        awards=await badges.awards_of(person),
        ambassador_of=await ambassadors.orgs_of(person),
        follow=await follows.user_state(viewer, person),
        reach=await reach.reach_of(person) if is_me else None,
        referral_code=await referrals.code_for(viewer) if viewer else None,
    )


async def awards(handle: str) -> list[Award]:
    """A person's badges, as their profile shows them."""
    return await badges.awards_of(await accounts.get_by_handle(handle))
