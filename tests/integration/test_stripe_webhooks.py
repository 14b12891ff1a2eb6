"""Gifts paid through Stripe Checkout: the app opens a Checkout Session through Stripe's own
library (pointed at a local stand-in speaking Stripe's API), and Stripe's signed webhooks
settle the gift: each event once, whatever the order or the number of deliveries."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from cocreate.doors.payments.stripe_checkout import StripeCheckout
from cocreate.models import Fundraiser, Gift
from tests.browser import Browser, new_client
from tests.integration.test_fundraisers import (
    assert_totals_equal_the_ledger,
    launch_fundraiser,
    progress,
    receipts_to,
    wait_for_receipts,
)
from tests.people import Person, sign_up
from tests.stripe_stand_in import (
    SECRET_KEY,
    WEBHOOK_SECRET,
    StandIn,
    charge_refunded,
    event,
    sign,
    stripe_stand_in,
)


@pytest.fixture
async def stripe(app) -> AsyncIterator[StandIn]:  # type: ignore[no-untyped-def]
    """The site takes gifts through Stripe (the stand-in) while the test runs."""
    with stripe_stand_in() as stand_in:
        live = app.state.deps
        settings = live.settings.model_copy(update={
            "payment_provider": "stripe", "stripe_secret_key": SecretStr(SECRET_KEY),
            "stripe_webhook_secret": SecretStr(WEBHOOK_SECRET),
            "stripe_api_base": stand_in.base_url,
        })
        provider = StripeCheckout(settings)
        app.state.deps = dataclasses.replace(live, settings=settings, payments=provider)
        try:
            yield stand_in
        finally:
            app.state.deps = live
            await provider.close()


async def deliver(client: httpx.AsyncClient, body: dict[str, Any] | str,
                  signature: str | None = None) -> httpx.Response:
    """Stripe posting an event to the webhook endpoint."""
    payload = body if isinstance(body, str) else json.dumps(body)
    headers = {"Content-Type": "application/json; charset=utf-8"}
    headers["Stripe-Signature"] = sign(payload) if signature is None else signature
    return await client.post("/webhooks/stripe", content=payload, headers=headers)


async def checkout(fan: Person, slug: str, amount: int) -> tuple[dict[str, Any], str]:
    """A fan gives; returns the gift and its Checkout Session's id."""
    started = await fan.post(f"/campaigns/{slug}/gifts", {"amount": amount})
    assert started.status_code == 201, started.text
    body = started.json()
    assert body["gift"]["status"] == "pending" and body["checkout_url"]
    return body["gift"], body["checkout_url"].rsplit("/", 1)[1]


async def status_of(gift: dict[str, Any]) -> str:
    return (await Gift.get(id=gift["id"])).status


async def test_a_gift_opens_a_checkout_session_for_its_amount(app, client, make_client,
                                                              stripe):
    manager = await sign_up(client, "Stripe manager")
    slug = (await launch_fundraiser(manager))["slug"]
    fan = await sign_up(make_client(), "Card giver")
    gift, session_id = await checkout(fan, slug, 2550)
    [call] = [r for r in stripe.requests if r.path == "/v1/checkout/sessions"]
    assert call.headers["authorization"] == f"Bearer {SECRET_KEY}"
    assert call.headers["idempotency-key"] == f"gift-{gift['id']}"
    assert call.form["line_items[0][price_data][unit_amount]"] == "2550"
    assert call.form["line_items[0][price_data][currency]"] == "eur"
    assert call.form["client_reference_id"] == gift["id"]
    assert call.form["metadata[gift_id]"] == gift["id"]
    assert call.form["payment_intent_data[metadata][gift_id]"] == gift["id"]
    assert call.form["success_url"] == f"http://testserver/c/{slug}/thanks?gift={gift['id']}"
    assert call.form["customer_email"] == fan.email
    assert (await Gift.get(id=gift["id"])).provider_ref == session_id

    async with new_client(app) as http:
        browser = Browser(http)
        await browser.sign_up("Browser card giver")
        await browser.get(f"/c/{slug}")
        sent = await browser.post(f"/c/{slug}/give", {"amount": "", "custom_amount": "12.50"})
        assert sent.status_code == 303
        assert sent.headers["location"].startswith("https://checkout.stripe.com/c/pay/cs_test_")
        htmx = await browser.post(f"/c/{slug}/give", {"custom_amount": "5"}, htmx=True)
        assert htmx.headers["HX-Redirect"].startswith("https://checkout.stripe.com/")
        mine = next(c.form["client_reference_id"] for c in stripe.requests
                    if c.form.get("line_items[0][price_data][unit_amount]") == "1250")
        back = await browser.get(f"/c/{slug}/thanks?gift={mine}")  # the success URL
        assert "Thank you, we are confirming your gift of €12.50." in back.text
        thanks = await browser.get(f"/c/{slug}/thanks?gift={gift['id']}")  # not theirs
        assert "We are confirming your gift." in thanks.text and "€25.50" not in thanks.text


async def test_only_validly_signed_recent_events_count_and_a_replay_counts_once(
        client, make_client, stripe, smtp_server):
    manager = await sign_up(client, "Signature manager")
    slug = (await launch_fundraiser(manager))["slug"]
    fan = await sign_up(make_client(), "Signed giver")
    gift, session_id = await checkout(fan, slug, 4000)
    completed = event("checkout.session.completed", stripe.pay(session_id))
    payload = json.dumps(completed)

    tampered = payload.replace('"amount_total": 4000', '"amount_total": 400000')
    assert tampered != payload
    refused = [
        await deliver(client, tampered, sign(payload)),  # signed, then changed
        await deliver(client, payload, sign(payload, timestamp=int(
            completed["created"]) - 600)),  # an old delivery, replayed outside the tolerance
        await deliver(client, payload, sign(payload, secret="whsec_someone_else")),
        await deliver(client, payload, ""),
        await deliver(client, "{not json", sign("{not json")),
    ]
    assert [r.status_code for r in refused] == [400, 400, 400, 400, 400]
    assert await status_of(gift) == "pending"
    assert (await progress(fan, slug))["raised"] == 0

    accepted = await deliver(client, payload)
    assert accepted.status_code == 200 and accepted.json()["outcome"] == "succeeded"
    replayed = await deliver(client, payload)  # the same event again, freshly signed
    assert replayed.status_code == 200 and replayed.json()["outcome"] == "duplicate"
    now = await progress(fan, slug)
    assert (now["raised"], now["gift_count"]) == (4000, 1)
    stored = await Gift.get(id=gift["id"])
    assert stored.status == "succeeded" and stored.payment_ref.startswith("pi_")
    await wait_for_receipts(smtp_server, fan.email, 1)
    await asyncio.sleep(0.5)
    assert len(receipts_to(smtp_server, fan.email)) == 1


async def test_duplicate_and_out_of_order_events_move_a_gift_once(client, make_client,
                                                                  stripe):
    manager = await sign_up(client, "Order manager")
    slug = (await launch_fundraiser(manager))["slug"]
    fan = await sign_up(make_client(), "Patient giver")
    gift, session_id = await checkout(fan, slug, 1500)
    paid = stripe.pay(session_id)
    completed = event("checkout.session.completed", paid)
    answers = await asyncio.gather(*(deliver(client, completed) for _ in range(4)))
    assert sorted(a.json()["outcome"] for a in answers) == ["duplicate"] * 3 + ["succeeded"]
    late = [event("checkout.session.expired", {**paid, "status": "expired"}),
            event("checkout.session.async_payment_failed", paid),
            event("checkout.session.async_payment_succeeded", paid)]
    for item in late:
        assert (await deliver(client, item)).status_code == 200
    assert await status_of(gift) == "succeeded"
    now = await progress(fan, slug)
    assert (now["raised"], now["gift_count"]) == (1500, 1)

    unknown = await deliver(client, event("customer.created", {"id": "cus_1",
                                                               "object": "customer"}))
    assert unknown.status_code == 200 and unknown.json()["outcome"] == "ignored"
    stranger = await deliver(client, event("checkout.session.completed", {
        **paid, "id": "cs_test_elsewhere", "client_reference_id": "notagift", "metadata": {}}))
    assert stranger.status_code == 200 and stranger.json()["outcome"] == "unknown_gift"

    cheap, cheap_session = await checkout(fan, slug, 9000)
    underpaid = {**stripe.pay(cheap_session), "amount_total": 900}
    answer = await deliver(client, event("checkout.session.completed", underpaid))
    assert answer.json()["outcome"] == "mismatch" and await status_of(cheap) == "pending"

    expired, expired_session = await checkout(fan, slug, 700)
    session = stripe.sessions[expired_session]
    await deliver(client, event("checkout.session.expired", {**session, "status": "expired"}))
    assert await status_of(expired) == "failed"
    await deliver(client, event("checkout.session.completed", stripe.pay(expired_session)))
    assert await status_of(expired) == "failed"  # never moves back
    assert (await progress(fan, slug))["raised"] == 1500
    await assert_totals_equal_the_ledger()


async def test_refunds_after_and_before_the_payment_event(client, make_client, stripe):
    manager = await sign_up(client, "Refund manager")
    slug = (await launch_fundraiser(manager, sponsor_name="Fizzwell", match_cap=10_000))["slug"]
    fan = await sign_up(make_client(), "Refunded giver")

    gift, session_id = await checkout(fan, slug, 3000)
    paid = stripe.pay(session_id)
    await deliver(client, event("checkout.session.completed", paid))
    assert (await progress(fan, slug))["total"] == 6000  # with the sponsor's match
    intent = stripe.intents[paid["payment_intent"]]
    partial = await deliver(client, event("charge.refunded", charge_refunded(intent, 1000)))
    assert partial.json()["outcome"] == "partial_refund" and await status_of(gift) == "succeeded"
    for _ in range(2):  # delivered twice, as two events: money goes back once
        whole = await deliver(client, event("charge.refunded", charge_refunded(intent)))
        assert whole.status_code == 200
    assert await status_of(gift) == "refunded"
    after = await progress(fan, slug)
    assert (after["raised"], after["matched"], after["gift_count"]) == (0, 0, 0)

    early, early_session = await checkout(fan, slug, 2000)
    paid = stripe.pay(early_session)
    refund_first = await deliver(client, event("charge.refunded",
                                               charge_refunded(stripe.intents[
                                                   paid["payment_intent"]])))
    assert refund_first.json()["outcome"] == "refunded"
    assert any(r.path == f"/v1/payment_intents/{paid['payment_intent']}"
               for r in stripe.requests)  # the refund named only the payment: Stripe said whose
    await deliver(client, event("checkout.session.completed", paid))
    assert await status_of(early) == "refunded"
    assert (await progress(fan, slug))["raised"] == 0
    await assert_totals_equal_the_ledger()


async def test_a_manager_refund_asks_stripe_and_its_webhook_confirms(client, make_client,
                                                                     stripe):
    manager = await sign_up(client, "Refunding manager")
    slug = (await launch_fundraiser(manager))["slug"]
    fan = await sign_up(make_client(), "Giver who changed their mind")
    gift, session_id = await checkout(fan, slug, 5000)
    paid = stripe.pay(session_id)
    await deliver(client, event("checkout.session.completed", paid))
    assert (await manager.post(f"/gifts/{gift['id']}/paid")).status_code == 409
    asked = await manager.post(f"/gifts/{gift['id']}/refund")
    assert asked.status_code == 200 and asked.json()["status"] == "succeeded"
    [call] = [r for r in stripe.requests if r.path == "/v1/refunds"]
    assert call.form["payment_intent"] == paid["payment_intent"]
    assert call.headers["idempotency-key"] == f"refund-{gift['id']}"
    intent = stripe.intents[paid["payment_intent"]]
    await deliver(client, event("charge.refunded", charge_refunded(intent)))
    assert await status_of(gift) == "refunded"
    assert (await progress(fan, slug))["raised"] == 0


async def test_many_gifts_paid_at_once_keep_the_totals_equal_to_the_ledger(
        client, make_client, stripe):
    manager = await sign_up(client, "Rush manager")
    slug = (await launch_fundraiser(manager, sponsor_name="Fizzwell", match_cap=5000))["slug"]
    fans = await asyncio.gather(*(sign_up(make_client(), f"Rush {n}") for n in range(5)))
    started = [await checkout(fan, slug, 1000 + 250 * n) for n, fan in enumerate(fans * 2)]
    events = [event("checkout.session.completed", stripe.pay(s)) for _, s in started]
    answers = await asyncio.gather(*(deliver(client, e) for e in events + events))
    assert all(a.status_code == 200 for a in answers)
    stored = await Fundraiser.get(campaign__slug=slug)
    assert stored.raised == sum(g["amount"] for g, _ in started)
    assert stored.gift_count == len(started) and stored.matched == 5000
    await assert_totals_equal_the_ledger()


async def test_without_stripe_the_webhook_is_not_there(client):
    payload = json.dumps(event("checkout.session.completed", {"object": "checkout.session"}))
    assert (await deliver(client, payload)).status_code == 404
