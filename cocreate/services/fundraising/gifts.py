"""Giving to a fundraiser, the supporters everyone sees, and the manager's gift book.

A fan's gift is recorded as pending, then handed to the payment provider: offline it stays
a pledge until a manager marks it paid; with Stripe the donor is sent to pay and the
provider's webhook settles it (services/fundraising/payment_events.py). Anonymous gifts never carry
the donor's name outside the organization: public lists say "Anonymous".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from cocreate.doors.payments import Order, PaymentError
from cocreate.lib import money, urls
from cocreate.lib.errors import Conflict, NotFound, Unavailable
from cocreate.models import Campaign, Gift, GiftStatus, User
from cocreate.services.campaigns import campaigns, fundraisers, phases
from cocreate.services.core import audit
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import FieldErrors
from cocreate.services.fundraising import fundraising_pages, gift_ledger
from cocreate.services.influence import referrals
from cocreate.services.orgs import orgs

MAX_MESSAGE = 500
SUPPORTERS = 20
BOOK_PAGE = 200
ANONYMOUS = "Anonymous"


@dataclass(frozen=True)
class Started:
    gift: Gift
    redirect_url: str | None  # where the donor pays; None: a pledge, recorded


def smallest_gift(currency: str) -> int:
    return 10 ** money.decimals(currency)  # one whole unit: €1, ¥1


async def give(deps: Deps, actor: User, slug: str, amount: int | None, *,
               anonymous: bool = False, message: str = "", page_id: str | None = None,
               referral_code: str | None = None, visitor_id: str | None = None) -> Started:
    """Start a gift to an open fundraiser: a pledge (offline) or a checkout to pay; with
    `page_id`, made on a fan's fundraising page (it counts for the page and its team too).

    `referral_code` is the first share link that brought the donor, kept by their browser
    `visitor_id`: the gift counts for its sharer once it succeeds (services/influence/referrals.py).
    """
    campaign = await campaigns.view_campaign(actor, slug)
    fundraiser = await fundraisers.of(campaign)
    phases.require_gifts_open(campaign)
    page = await fundraising_pages.givable(campaign, page_id) if page_id else None
    errors = FieldErrors()
    least = smallest_gift(fundraiser.currency)
    if amount is None or not least <= amount <= money.MAX_MINOR:
        errors.add("amount", f"Give from {money.format_money(least, fundraiser.currency)} to "
                   f"{money.format_money(money.MAX_MINOR, fundraiser.currency)}.")
    note = errors.text("message", message, label="Message", min_len=0, max_len=MAX_MESSAGE,
                       multiline=True)
    errors.raise_if_any()
    assert amount is not None
    await deps.limiter.hit("gifts", actor.id)
    provider = deps.payments
    referrer = await referrals.gift_referrer(referral_code, actor, visitor_id)
    gift = await Gift.create(campaign=campaign, donor=actor, amount=amount,
                             currency=fundraiser.currency, provider=provider.name,
                             anonymous=anonymous, message=note, referred_by=referrer,
                             page_id=page.id if page else None)
    path = urls.campaign_path(campaign.slug)
    back = urls.fundraising_page_path(campaign.slug, page.slug) if page else path
    order = Order(
        gift_id=gift.id, amount=amount, currency=fundraiser.currency,
        description=f"Gift to {campaign.title} · {campaign.org.name}", donor_email=actor.email,
        success_url=deps.settings.absolute_url(f"{path}/thanks?gift={gift.id}"),
        cancel_url=deps.settings.absolute_url(f"{back}?gift=cancelled#give"),
    )
    try:
        checkout = await provider.start(order)
    except PaymentError as error:
        async with in_transaction():
            await gift_ledger.fail(gift.id)
        raise Unavailable(f"The payment could not start: {error} Please try again.") from error
    if checkout.reference:
        await Gift.filter(id=gift.id).update(provider_ref=checkout.reference)
        gift.provider_ref = checkout.reference
    return Started(gift, checkout.redirect_url)


def public_name(gift: Gift) -> str:
    """What everyone sees as the giver (the donor loaded)."""
    return ANONYMOUS if gift.anonymous else gift.donor.display_name


async def supporters(campaign: Campaign, limit: int = SUPPORTERS) -> list[Gift]:
    """The latest succeeded gifts, newest first (pass them through `public_name`)."""
    return (
        await Gift.filter(campaign_id=campaign.id, status=GiftStatus.SUCCEEDED)
        .select_related("donor").order_by("-paid_at", "-id").limit(limit)
    )


async def view_gift(viewer: User, gift_id: str) -> Gift:
    """A gift as its donor or the organization's managers see it."""
    gift = await Gift.get_or_none(id=gift_id).select_related("donor", "campaign",
                                                              "campaign__org")
    if gift is None or (gift.donor_id != viewer.id
                        and not await campaigns.can_manage(viewer, gift.campaign)):
        raise NotFound("There is no gift at this address.")
    return gift


async def my_gifts(viewer: User | None, campaign: Campaign, limit: int = 10) -> list[Gift]:
    if viewer is None:
        return []
    return await Gift.filter(campaign_id=campaign.id, donor_id=viewer.id).order_by(
        "-created_at").limit(limit)


async def book(actor: User, slug: str, status: str | None = None,
               limit: int = BOOK_PAGE) -> tuple[Campaign, list[Gift]]:
    """Every gift of a fundraiser with its donor's name (anonymous ones too): managers only."""
    campaign = await campaigns.get_campaign(slug)
    await orgs.require_manager(actor, campaign.org)
    await fundraisers.of(campaign)
    query = Gift.filter(campaign_id=campaign.id).select_related("donor")
    if status:
        query = query.filter(status=status)
    return campaign, await query.order_by("-created_at", "-id").limit(limit)


ACTIONS = ("paid", "cancel", "refund")


async def manage(deps: Deps, actor: User, gift_id: str, action: str) -> Gift:
    """A manager marks a pledge paid, cancels it, or refunds a succeeded gift."""
    gift = await Gift.get_or_none(id=gift_id).select_related("campaign", "campaign__org",
                                                              "donor")
    if gift is None:
        raise NotFound("There is no gift at this address.")
    await orgs.require_manager(actor, gift.campaign.org)
    if action not in ACTIONS:
        raise Conflict("Choose to mark the gift paid, cancel it or refund it.")
    if action in ("paid", "cancel") and gift.provider != "offline":
        raise Conflict("The payment provider settles this gift; it can only be refunded here.")
    if action == "refund" and gift.status == GiftStatus.SUCCEEDED and gift.provider != "offline":
        return await _refund_at_provider(deps, actor, gift)
    async with in_transaction():
        moved = await _move(gift.id, action)
        if moved is None:
            raise Conflict(f"This gift is {describe(gift.status)}; it can't be "
                           f"{_verb(action).lower()} now.")
        await audit.record(
            gift.campaign.org_id, actor, f"gift.{action}", "gift", gift.id,
            f"{_verb(action)} the gift of {money.format_money(gift.amount, gift.currency)} by "
            f"{gift.donor.display_name} to “{gift.campaign.title}”",
            {"amount": gift.amount, "currency": gift.currency})
    await gift_ledger.announce(deps.realtime, moved)
    return await view_gift(actor, gift.id)


async def _move(gift_id: str, action: str) -> Gift | None:
    if action == "paid":
        return await gift_ledger.succeed(gift_id)
    if action == "cancel":
        return await gift_ledger.fail(gift_id)
    if await Gift.filter(id=gift_id, status=GiftStatus.SUCCEEDED).exists():
        return await gift_ledger.refund(gift_id)
    return None


async def _refund_at_provider(deps: Deps, actor: User, gift: Gift) -> Gift:
    """Ask the provider to pay the money back; its webhook then marks the gift refunded."""
    if deps.payments.name != gift.provider:
        raise Conflict("This gift was paid through another provider; refund it there.")
    try:
        await deps.payments.refund(gift.payment_ref, gift.id)
    except PaymentError as error:
        raise Unavailable(f"The refund could not start: {error}") from error
    await audit.record(gift.campaign.org_id, actor, "gift.refund", "gift", gift.id,
                       f"Asked {gift.provider} to refund the gift of "
                       f"{money.format_money(gift.amount, gift.currency)} by "
                       f"{gift.donor.display_name}", {"amount": gift.amount})
    return await view_gift(actor, gift.id)


def _verb(action: str) -> str:
    return {"paid": "Marked paid", "cancel": "Cancelled", "refund": "Refunded"}[action]


def describe(status: str) -> str:
    """A gift's state in words people use ("pledged" for a pending offline gift)."""
    return {GiftStatus.PENDING: "pending", GiftStatus.SUCCEEDED: "paid",
            GiftStatus.FAILED: "not completed", GiftStatus.REFUNDED: "refunded"}.get(status, status)


def when(gift: Gift) -> datetime:
    return gift.paid_at or gift.created_at


async def recent_count(campaign: Campaign, since: datetime) -> int:
    """Gifts that arrived (succeeded) since `since`."""
    return await Gift.filter(campaign_id=campaign.id, status=GiftStatus.SUCCEEDED,
                             paid_at__gte=since).count()
