"""Moving a gift through its states, and the fundraiser's totals with it.

A gift only moves forward: pending → succeeded or failed, succeeded → refunded (and pending →
refunded when a refund is heard of before the payment itself, which then never counts). Each
move is a conditional UPDATE from the state it leaves, so a move attempted twice, or two at
once, happens once. The totals move in the same transaction as the gift and only on the moves
into and out of succeeded, with F() expressions, so raised, gift_count and matched always equal
the sums over the succeeded gifts. So does what a gift counts for the sharer whose link brought
its donor (services/influence/referrals.py), and a gift made on a fan's fundraising page moves
that page's and its team's totals too (services/fundraising/page_ledger.py).

Call the moves inside a transaction (with the audit row or provider event that goes with
them), and `announce` after it commits.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.expressions import F

from cocreate.doors import jobs
from cocreate.doors.realtime import Broker
from cocreate.lib.errors import Conflict
from cocreate.models import Campaign, Fundraiser, Gift, GiftStatus
from cocreate.services.core import events
from cocreate.services.fundraising import page_ledger
from cocreate.services.influence import referrals
from cocreate.services.sharing import fundraiser_cards

RECEIPT_JOB = "fundraising.receipt"
MATCH_TRIES = 20  # optimistic retries when other gifts take the match at the same moment


async def succeed(gift_id: str, payment_ref: str | None = None,
                  now: datetime | None = None) -> Gift | None:
    """pending → succeeded, with the totals, the sponsor's match, the receipt and the card.
    Returns the gift when this call moved it, else None."""
    now = now or datetime.now(UTC)
    extra = {"payment_ref": payment_ref} if payment_ref else {}
    if not await Gift.filter(id=gift_id, status=GiftStatus.PENDING).update(
            status=GiftStatus.SUCCEEDED, paid_at=now, **extra):
        return None
    gift = await Gift.get(id=gift_id)
    matched = await _add(gift)
    if matched:
        await Gift.filter(id=gift_id).update(matched_amount=matched)
        gift.matched_amount = matched
    await jobs.enqueue(RECEIPT_JOB, {"gift_id": gift_id}, key=f"receipt:{gift_id}")
    await fundraiser_cards.refresh(gift.campaign_id)
    await referrals.record_gift(gift)
    await events.gift_succeeded(gift)
    await page_ledger.add(gift)  # a gift made on a fan's fundraising page
    return gift


async def _add(gift: Gift) -> int:
    """Count a gift in its fundraiser's totals; returns the match it earned.

    The match is min(amount × ratio, cap − matched so far). It is decided against the
    `matched` just read and written only if that is still the value, else read again, so
    gifts succeeding at once never take the sponsor past the cap.
    """
    for _ in range(MATCH_TRIES):
        fundraiser = await Fundraiser.get(campaign_id=gift.campaign_id).only(
            "id", "matched", "match_cap", "match_percent")
        match = 0
        if fundraiser.match_cap > 0:
            match = max(0, min(gift.amount * fundraiser.match_percent // 100,
                               fundraiser.match_cap - fundraiser.matched))
        current = Fundraiser.filter(id=fundraiser.id)
        if match:
            current = current.filter(matched=fundraiser.matched)
        if await current.update(raised=F("raised") + gift.amount,
                                gift_count=F("gift_count") + 1, matched=F("matched") + match):
            return match
    raise Conflict("Many gifts arrived at once; please try again.")


async def fail(gift_id: str, now: datetime | None = None) -> Gift | None:
    """pending → failed (cancelled, expired or declined); never counted, nothing to undo."""
    if not await Gift.filter(id=gift_id, status=GiftStatus.PENDING).update(
            status=GiftStatus.FAILED, failed_at=now or datetime.now(UTC)):
        return None
    return await Gift.get(id=gift_id)


async def refund(gift_id: str, payment_ref: str | None = None,
                 now: datetime | None = None) -> Gift | None:
    """succeeded → refunded, taking the gift and its match back out of the totals; or
    pending → refunded (the refund was heard of first: the payment then never counts)."""
    now = now or datetime.now(UTC)
    extra = {"payment_ref": payment_ref} if payment_ref else {}
    for _ in range(3):  # a payment may succeed between the two tries: then try again
        if await Gift.filter(id=gift_id, status=GiftStatus.SUCCEEDED).update(
                status=GiftStatus.REFUNDED, refunded_at=now):
            gift = await Gift.get(id=gift_id)
            await Fundraiser.filter(campaign_id=gift.campaign_id).update(
                raised=F("raised") - gift.amount, gift_count=F("gift_count") - 1,
                matched=F("matched") - gift.matched_amount)
            await fundraiser_cards.refresh(gift.campaign_id)
            await referrals.forget_gift(gift.id)
            await page_ledger.remove(gift)
            return gift
        if await Gift.filter(id=gift_id, status=GiftStatus.PENDING).update(
                status=GiftStatus.REFUNDED, refunded_at=now, **extra):
            return await Gift.get(id=gift_id)
        if not await Gift.filter(id=gift_id,
                                 status__in=(GiftStatus.PENDING, GiftStatus.SUCCEEDED)).exists():
            return None
    return None


async def announce(realtime: Broker | None, gift: Gift | None) -> None:
    """Tell the fundraiser's viewers its totals moved (after the move has committed)."""
    if realtime is None or gift is None:
        return
    slug = await Campaign.filter(id=gift.campaign_id).values_list("slug", flat=True)
    if slug:
        await realtime.publish(f"campaign:{slug[0]}", {"event": "gift", "status": gift.status})
