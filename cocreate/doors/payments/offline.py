"""The embedded default: a gift is a pledge the organization collects itself (cash at an
event, a bank transfer) and a manager marks paid. Nothing leaves the site."""

from __future__ import annotations

from cocreate.doors.payments.base import Checkout, InvalidEvent, Order, PaymentEvent


class OfflineProvider:
    name = "offline"
    refunds_at_once = True

    async def start(self, order: Order) -> Checkout:
        return Checkout()

    async def read_event(self, payload: bytes, signature: str | None) -> PaymentEvent:
        raise InvalidEvent("Offline pledges have no provider notifications.")

    async def gift_of_payment(self, payment_ref: str) -> str | None:
        return None

    async def refund(self, payment_ref: str | None, gift_id: str) -> None:
        return None  # the organization pays the money back itself

    async def close(self) -> None:
        return None
