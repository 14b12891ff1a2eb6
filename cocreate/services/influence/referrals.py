"""Referrals: every share link carries its sharer's code, and what it brings counts for them.

A visit through a link is counted once per visitor and sharer. The first link a visitor came
through within the window is remembered (first touch), and a signup or a vote that follows
is attributed to that sharer, once: each action (a signup, a vote, a gift later) has one
referral row at most, whatever is replayed, and nobody's own actions count for them.

A referral counts for the campaign it happened in (a visit: the page the link pointed to;
a signup: the page of the visit that brought the person; a vote: the entry's campaign; a
gift: its fundraiser), and so for that campaign's organization, whose power-user counters
move in the same transaction (services/influence/power_scores.py).

A gift is attributed when it is made, to the donor's first link if that visit is within the
window (checked against the visit's own row, not only the browser's cookie), and counted
when it succeeds, however long a pledge takes to be paid; a refund takes it back.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from cocreate.lib.ids import new_id
from cocreate.models import Award, Campaign, Entry, Gift, Referral, ReferralKind, Team, User, Vote
from cocreate.services.influence import power_scores

WINDOW = timedelta(days=30)  # how long a visitor's first link is remembered
CODE_LENGTH = 8


# The pages a share link can point to that belong to one campaign: /c/<slug>, /e/<entry>,
# /b/<award>, /t/<team>, each with the model whose row names the campaign.
_CAMPAIGN_PAGES: dict[str, tuple[type, str]] = {
    "c": (Campaign, "slug"), "e": (Entry, "id"), "b": (Award, "id"), "t": (Team, "id")}


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


async def campaign_of_page(path: str) -> Campaign | None:
    """The campaign a page belongs to (a campaign's, an entry's, a badge's, a team's)."""
    parts = path.strip("/").split("/")
    if len(parts) < 2 or parts[0] not in _CAMPAIGN_PAGES or not parts[1] \
            or len(parts[1]) > 100:
        return None
    model, key = _CAMPAIGN_PAGES[parts[0]]
    if model is Campaign:
        return await Campaign.get_or_none(slug=parts[1]).only("id", "org_id")
    campaign_id = await model.filter(**{key: parts[1]}).values_list("campaign_id", flat=True)
    if not campaign_id:
        return None
    return await Campaign.get_or_none(id=campaign_id[0]).only("id", "org_id")


def _weight(kind: ReferralKind, amount: int) -> int:
    """What one referral adds to its counter: a gift its amount, anything else one."""
    return amount if kind == ReferralKind.GIFT else 1


async def _record(sharer_id: str, kind: ReferralKind, subject: str, campaign: Campaign | None,
                  path: str = "", amount: int = 0, currency: str | None = None) -> bool:
    """Write one referral and move its organization's counter; False if it was there."""
    try:
        async with in_transaction():  # a savepoint when the caller has a transaction
            await Referral.create(sharer_id=sharer_id, kind=kind, subject=subject[:80],
                                  campaign_id=campaign.id if campaign else None,
                                  path=path[:300], amount=amount, currency=currency)
            if campaign is not None:
                await power_scores.move(campaign.org_id, sharer_id, **{
                    power_scores.REFERRAL_COUNTER[kind]: _weight(kind, amount)})
    except IntegrityError:
        return False
    return True


async def _forget(kind: ReferralKind, subject: str) -> None:
    """The action was undone: it no longer counts for whoever brought it."""
    found = await Referral.get_or_none(kind=kind, subject=subject).select_related("campaign")
    if found is not None and await Referral.filter(id=found.id).delete() and found.campaign:
        await power_scores.move(found.campaign.org_id, found.sharer_id, **{
            power_scores.REFERRAL_COUNTER[kind]: -_weight(kind, found.amount)})


def _visit_subject(visitor_id: str, sharer: User) -> str:
    return f"visit:{visitor_id}:{sharer.id}"


async def record_visit(code: str | None, visitor_id: str, path: str,
                       visitor: User | None = None) -> User | None:
    """Count a visit through `code`'s link (once per visitor); returns the sharer."""
    sharer = await sharer_of(code)
    if sharer is None or (visitor is not None and visitor.id == sharer.id) or not visitor_id:
        return None
    subject = _visit_subject(visitor_id, sharer)
    if not await Referral.exists(kind=ReferralKind.VISIT, subject=subject[:80]):
        await _record(sharer.id, ReferralKind.VISIT, subject, await campaign_of_page(path), path)
    return sharer


async def record_signup(code: str | None, user: User, visitor_id: str | None = None) -> None:
    """The new account came through `code`'s link: attribute the signup to its sharer, in
    the campaign of the visit that brought the person (`visitor_id`: their browser)."""
    sharer = await sharer_of(code)
    if sharer is None or sharer.id == user.id:
        return
    campaign = None
    if visitor_id:
        visit = await Referral.get_or_none(kind=ReferralKind.VISIT,
                                           subject=_visit_subject(visitor_id, sharer)[:80])
        if visit is not None and visit.campaign_id:
            campaign = await Campaign.get_or_none(id=visit.campaign_id).only("id", "org_id")
    await _record(sharer.id, ReferralKind.SIGNUP, user.id, campaign)


async def record_vote(code: str | None, vote: Vote, campaign: Campaign, voter: User) -> None:
    """A vote cast by someone whose first link within the window was `code`'s: it counts
    for the sharer (never their own vote). Call inside the vote's transaction."""
    sharer = await sharer_of(code)
    if sharer is not None and sharer.id != voter.id:
        await _record(sharer.id, ReferralKind.VOTE, vote.id, campaign)


async def forget_vote(vote_id: str) -> None:
    """The vote was taken back or voided: it no longer counts for whoever brought it."""
    await _forget(ReferralKind.VOTE, vote_id)


async def gift_referrer(code: str | None, donor: User, visitor_id: str | None,
                        now: datetime | None = None) -> User | None:
    """Whom a gift made now will count for: the sharer of the donor's first link (`code`,
    kept by their browser `visitor_id`) while that visit is within the window; nobody for
    their own link."""
    sharer = await sharer_of(code)
    if sharer is None or sharer.id == donor.id or not visitor_id:
        return None
    visited = await Referral.filter(
        kind=ReferralKind.VISIT, subject=_visit_subject(visitor_id, sharer)[:80]).values_list(
        "created_at", flat=True)
    if not visited or visited[0] < (now or datetime.now(UTC)) - WINDOW:
        return None
    return sharer


async def record_gift(gift: Gift) -> None:
    """The gift succeeded: its amount counts for the sharer who brought the donor, once
    (call inside the transaction that moved it)."""
    if gift.referred_by_id is None or gift.referred_by_id == gift.donor_id:
        return
    campaign = await Campaign.get(id=gift.campaign_id).only("id", "org_id")
    await _record(gift.referred_by_id, ReferralKind.GIFT, gift.id, campaign, amount=gift.amount,
                  currency=gift.currency)


async def forget_gift(gift_id: str) -> None:
    """The gift was refunded: its amount no longer counts for whoever brought the donor."""
    await _forget(ReferralKind.GIFT, gift_id)


def with_code(url: str, code: str | None) -> str:
    """`url` carrying the sharer's code, so what it brings counts for them."""
    if not code:
        return url
    return f"{url}{'&' if '?' in url else '?'}ref={code}"
