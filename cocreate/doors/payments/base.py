"""What every payment provider offers the gifts service: start a payment for a gift, read
the provider's notifications about it, find a payment's gift, and refund one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

Outcome = Literal["succeeded", "failed", "refunded"]
CHECKOUT_ORIGINS = {"stripe": "https://checkout.stripe.com"}  # for the pages' form-action


class PaymentError(Exception):
    """The provider could not be reached or refused the request."""


class InvalidEvent(Exception):
    """A notification that is not the provider's: bad signature, too old, or unreadable."""


@dataclass(frozen=True)
class Order:
    """What the donor pays: one gift, in minor units."""

    gift_id: str
    amount: int
    currency: str
    description: str
    donor_email: str
    success_url: str
    cancel_url: str


@dataclass(frozen=True)
class Checkout:
    """Where a started payment goes on. No redirect: a pledge, paid later."""

    reference: str | None = None  # the provider's id of the checkout
    redirect_url: str | None = None


@dataclass(frozen=True)
class PaymentEvent:
    """A provider's notification, in our terms. `outcome` None: nothing for us to do."""

    provider: str
    event_id: str
    kind: str
    outcome: Outcome | None
    gift_id: str | None = None
    reference: str | None = None  # the checkout's id
    payment_ref: str | None = None  # the payment's id (refunds name only this one)
    amount: int | None = None  # minor units: paid, or refunded
    currency: str | None = None
    complete: bool = True  # a refund of the whole amount


class PaymentProvider(Protocol):
    name: str
    refunds_at_once: bool  # a refund is done when refund() returns (else a webhook says so)

    async def start(self, order: Order) -> Checkout: ...
    async def read_event(self, payload: bytes, signature: str | None) -> PaymentEvent: ...
    async def gift_of_payment(self, payment_ref: str) -> str | None: ...
    async def refund(self, payment_ref: str | None, gift_id: str) -> None: ...
    async def close(self) -> None: ...
