"""Referrals: every share link carries its sharer's code, and what it brings counts for them.

A visit through a link is counted once per visitor and sharer. The first link a visitor came
through within the window is remembered (first touch), and a signup that follows is
attributed to that sharer, once: each action (a signup today, votes and gifts later) has one
referral row at most, whatever is replayed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from tortoise.functions import Count

from cocreate.models import Referral, User
from cocreate.models.base import new_id

WINDOW = timedelta(days=30)  # how long a visitor's first link is remembered
CODE_LENGTH = 8


@dataclass(frozen=True)
class ReferralStats:
    visits: int
    signups: int


async def code_for(user: User) -> str:
    """The person's referral code, made on first use (the same code for every link)."""
    if user.referral_code:
        return user.referral_code
    code = new_id(CODE_LENGTH)
    await User.filter(id=user.id, referral_code=None).update(referral_code=code)
    user.referral_code = (await User.get(id=user.id).only("id", "referral_code")).referral_code
    return user.referral_code or code


async def sharer_of(code: str | None) -> User | None:
    if not code or len(code) > 12 or not code.isalnum():
        return None
    return await User.get_or_none(referral_code=code.lower())


async def record_visit(code: str | None, visitor_id: str, path: str,
                       visitor: User | None = None) -> User | None:
    """Count a visit through `code`'s link (once per visitor); returns the sharer."""
    sharer = await sharer_of(code)
    if sharer is None or (visitor is not None and visitor.id == sharer.id) or not visitor_id:
        return None
    await Referral.bulk_create([Referral(sharer=sharer, kind="visit",
                                         subject=f"visit:{visitor_id}:{sharer.id}"[:80],
                                         path=path[:300])], ignore_conflicts=True)
    return sharer


async def record_signup(code: str | None, user: User) -> None:
    """The new account came through `code`'s link: attribute the signup to its sharer."""
    sharer = await sharer_of(code)
    if sharer is None or sharer.id == user.id:
        return
    await Referral.bulk_create([Referral(sharer=sharer, kind="signup", subject=user.id)],
                               ignore_conflicts=True)


async def stats(user: User) -> ReferralStats:
    rows = await (Referral.filter(sharer=user).annotate(n=Count("id")).group_by("kind")
                  .values("kind", "n"))
    counts = {row["kind"]: row["n"] for row in rows}
    return ReferralStats(visits=counts.get("visit", 0), signups=counts.get("signup", 0))


def with_code(url: str, code: str | None) -> str:
    """`url` carrying the sharer's code, so what it brings counts for them."""
    if not code:
        return url
    return f"{url}{'&' if '?' in url else '?'}ref={code}"
