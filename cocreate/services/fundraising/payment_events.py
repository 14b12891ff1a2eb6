"""The payment provider's notifications (webhooks), each handled exactly once.

An event is verified by the provider (signature and age), then recorded in
provider_events in the same transaction as the gift move it causes: a second delivery
finds it recorded and changes nothing, and two deliveries at once collide on the unique
event id, so one of them rolls back. Events arriving out of order are harmless too, since
gifts only move forward (services/fundraising/gift_ledger.py): a late "expired" never undoes a
payment, a late "paid" never counts a refunded gift.
"""

from __future__ import annotations

import logging

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from cocreate.doors.payments import InvalidEvent, PaymentError, PaymentEvent
from cocreate.lib.errors import DomainError, NotFound, Unavailable
from cocreate.models import Gift, GiftStatus, ProviderEvent
from cocreate.services.core.context import Deps
from cocreate.services.fundraising import gift_ledger

log = logging.getLogger(__name__)


async def receive(deps: Deps, provider_name: str, payload: bytes,
                  signature: str | None) -> str:
    """Handle one notification; returns what became of it ("succeeded", "duplicate", ...).

    A bad signature is a 400 (the sender must not retry it); a payment we cannot place yet
    is a 503, so the provider delivers it again later.
    """
    provider = deps.payments
    if provider.name != provider_name:
        raise NotFound("This site does not take payments through that provider.")
    try:
        event = await provider.read_event(payload, signature)
    except InvalidEvent as error:
        log.warning("refused a %s notification: %s", provider_name, error)
        raise DomainError("The notification's signature is not valid.") from error
    if not event.event_id:
        raise DomainError("The notification has no event id.")
    gift = await _gift_of(deps, event)
    outcome = _outcome(event, gift)
    try:
        async with in_transaction():
            if await ProviderEvent.exists(provider=event.provider, event_id=event.event_id):
                return "duplicate"
            await ProviderEvent.create(provider=event.provider, event_id=event.event_id,
                                       kind=event.kind[:80], gift_id=gift.id if gift else None,
                                       outcome=outcome)
            moved = await _apply(event, gift, outcome)
    except IntegrityError:
        return "duplicate"  # the same event, delivered twice at once: the other one counts
    await gift_ledger.announce(deps.realtime, moved)
    return outcome


async def _gift_of(deps: Deps, event: PaymentEvent) -> Gift | None:
    """The gift an event is about: named in it, or found by its payment (refunds name only
    the payment; before its checkout's own event, the provider says whose it is)."""
    gift_id = event.gift_id
    if gift_id is None and event.payment_ref:
        known = await Gift.get_or_none(payment_ref=event.payment_ref)
        if known is not None:
            return known
        try:
            gift_id = await deps.payments.gift_of_payment(event.payment_ref)
        except PaymentError as error:
            raise Unavailable("The payment could not be looked up yet.") from error
    if gift_id is None:
        return None
    gift = await Gift.get_or_none(id=gift_id, provider=event.provider)
    if gift is None and event.outcome is not None:
        log.warning("%s event %s names no gift of ours (%s)", event.provider, event.event_id,
                    gift_id)
    return gift


def _outcome(event: PaymentEvent, gift: Gift | None) -> str:
    """What the event does to the gift, after checking it really is about this gift."""
    if event.outcome is None:
        return "ignored"
    if gift is None:
        return "unknown_gift"
    if event.reference and gift.provider_ref and event.reference != gift.provider_ref:
        log.error("%s event %s: checkout %s is not gift %s's", event.provider, event.event_id,
                  event.reference, gift.id)
        return "mismatch"
    paid_otherwise = event.amount != gift.amount or (event.currency or "") != gift.currency
    if event.outcome == GiftStatus.SUCCEEDED and paid_otherwise:
        log.error("%s event %s paid %s %s for gift %s of %s %s", event.provider,
                  event.event_id, event.amount, event.currency, gift.id, gift.amount,
                  gift.currency)
        return "mismatch"
    if event.outcome == GiftStatus.REFUNDED and not event.complete:
        return "partial_refund"  # only a whole refund takes a gift out of the totals
    return event.outcome


async def _apply(event: PaymentEvent, gift: Gift | None, outcome: str) -> Gift | None:
    if gift is None:
        return None
    if outcome == GiftStatus.SUCCEEDED:
        return await gift_ledger.succeed(gift.id, payment_ref=event.payment_ref)
    if outcome == GiftStatus.FAILED:
        return await gift_ledger.fail(gift.id)
    if outcome == GiftStatus.REFUNDED:
        return await gift_ledger.refund(gift.id, payment_ref=event.payment_ref)
    if event.payment_ref and gift.payment_ref is None:  # paid later: remember the payment
        await Gift.filter(id=gift.id, payment_ref=None).update(payment_ref=event.payment_ref)
    return None
