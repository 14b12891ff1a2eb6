"""Payment providers behind one small interface (base.PaymentProvider), chosen from
settings at start-up: offline pledges by default, Stripe Checkout when configured."""

from __future__ import annotations

from cocreate.doors.payments.base import (
    CHECKOUT_ORIGINS,
    Checkout,
    InvalidEvent,
    Order,
    PaymentError,
    PaymentEvent,
    PaymentProvider,
)
from cocreate.doors.payments.offline import OfflineProvider
from cocreate.settings import Settings

__all__ = ["CHECKOUT_ORIGINS", "Checkout", "InvalidEvent", "OfflineProvider", "Order",
           "PaymentError", "PaymentEvent", "PaymentProvider", "create_provider"]


def create_provider(settings: Settings) -> PaymentProvider:
    if settings.payment_provider == "stripe":
        from cocreate.doors.payments.stripe_checkout import StripeCheckout

        return StripeCheckout(settings)
    return OfflineProvider()
