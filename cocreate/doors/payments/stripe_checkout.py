"""Stripe Checkout through Stripe's own library: a Checkout Session per gift, and its signed
webhooks read into PaymentEvents.

The session carries the gift's id (client_reference_id and metadata, on the session and on
its payment), so every later event leads back to the gift. Creating a session is keyed by
the gift (Idempotency-Key), so a retried request never opens a second one.

Calls go through the library's synchronous client (requests) in a worker thread: its async
client sends bodies in a way httpx has deprecated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import anyio
import stripe

from cocreate.doors.payments.base import (
    Checkout,
    InvalidEvent,
    Order,
    Outcome,
    PaymentError,
    PaymentEvent,
)
from cocreate.settings import Settings

TOLERANCE_SECONDS = 300  # signed more than five minutes ago: refused (replays)
OUTCOMES: dict[str, Outcome] = {
    "checkout.session.completed": "succeeded",  # when paid (cards); else async_payment_*
    "checkout.session.async_payment_succeeded": "succeeded",
    "checkout.session.async_payment_failed": "failed",
    "checkout.session.expired": "failed",
    "charge.refunded": "refunded",
}


class StripeCheckout:
    name = "stripe"
    refunds_at_once = False  # charge.refunded confirms it

    def __init__(self, settings: Settings) -> None:
        secret = settings.stripe_secret_key
        signing = settings.stripe_webhook_secret
        if secret is None or signing is None:
            raise ValueError("Stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET")
        self._signing_secret = signing.get_secret_value()
        self._http = stripe.RequestsClient(timeout=20)
        self.client = stripe.StripeClient(
            secret.get_secret_value(),
            base_addresses={"api": settings.stripe_api_base} if settings.stripe_api_base else None,
            http_client=self._http,
            max_network_retries=2,
        )

    async def start(self, order: Order) -> Checkout:
        params: Any = {
            "mode": "payment",
            "submit_type": "donate",
            "line_items": [{"quantity": 1, "price_data": {
                "currency": order.currency.lower(), "unit_amount": order.amount,
                "product_data": {"name": order.description[:250]},
            }}],
            "success_url": order.success_url,
            "cancel_url": order.cancel_url,
            "client_reference_id": order.gift_id,
            "customer_email": order.donor_email,
            "metadata": {"gift_id": order.gift_id},
            "payment_intent_data": {"metadata": {"gift_id": order.gift_id}},
        }
        try:
            session = await _in_thread(lambda: self.client.v1.checkout.sessions.create(
                params, {"idempotency_key": f"gift-{order.gift_id}"}))
        except stripe.StripeError as error:
            raise PaymentError(error.user_message or "Stripe did not open a checkout.") from error
        return Checkout(reference=session.id, redirect_url=session.url)

    async def read_event(self, payload: bytes, signature: str | None) -> PaymentEvent:
        try:
            event = self.client.construct_event(payload, signature, self._signing_secret,
                                                TOLERANCE_SECONDS)
        except (stripe.SignatureVerificationError, ValueError) as error:
            raise InvalidEvent(str(error)) from error
        return payment_event(event.to_dict())

    async def gift_of_payment(self, payment_ref: str) -> str | None:
        """The gift a payment was for, from the metadata the checkout gave the payment."""
        try:
            intent = await _in_thread(
                lambda: self.client.v1.payment_intents.retrieve(payment_ref))
        except stripe.StripeError as error:
            raise PaymentError(error.user_message or "Stripe did not answer.") from error
        return (intent.to_dict().get("metadata") or {}).get("gift_id")

    async def refund(self, payment_ref: str | None, gift_id: str) -> None:
        if not payment_ref:
            raise PaymentError("This gift has no payment at Stripe to refund yet.")
        try:
            await _in_thread(lambda: self.client.v1.refunds.create(
                {"payment_intent": payment_ref, "metadata": {"gift_id": gift_id}},
                {"idempotency_key": f"refund-{gift_id}"}))
        except stripe.StripeError as error:
            raise PaymentError(error.user_message or "Stripe did not refund.") from error

    async def close(self) -> None:
        self._http.close()


T = TypeVar("T")


async def _in_thread(call: Callable[[], T]) -> T:
    return await anyio.to_thread.run_sync(call)


def payment_event(event: dict[str, Any]) -> PaymentEvent:
    """A verified event in our terms; events we do not act on get no outcome."""
    kind = str(event.get("type", ""))
    item = (event.get("data") or {}).get("object") or {}
    outcome = OUTCOMES.get(kind)
    metadata = item.get("metadata") or {}
    currency = str(item.get("currency") or "").upper() or None
    common = {"provider": "stripe", "event_id": str(event.get("id", "")), "kind": kind,
              "gift_id": metadata.get("gift_id") or item.get("client_reference_id")}
    if kind == "charge.refunded":
        return PaymentEvent(**common, outcome=outcome, payment_ref=item.get("payment_intent"),
                            amount=item.get("amount_refunded"), currency=currency,
                            complete=bool(item.get("refunded")))
    if outcome is None or item.get("object") != "checkout.session":
        return PaymentEvent(**common, outcome=None)
    if kind == "checkout.session.completed" and item.get("payment_status") != "paid":
        outcome = None  # a delayed payment method: async_payment_succeeded or _failed follows
    return PaymentEvent(**common, outcome=outcome, reference=item.get("id"),
                        payment_ref=item.get("payment_intent"), amount=item.get("amount_total"),
                        currency=currency)
