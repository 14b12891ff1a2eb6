"""A local stand-in for the part of Stripe's API the app calls, answering with the documented
objects, and the webhook events Stripe would send, signed the documented way.

Stripe's own Python library talks to it (STRIPE_API_BASE points there); nothing of ours is
replaced. The stand-in records every request, so tests can check what the app asked for.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from tests.services import free_port

SECRET_KEY = "sk_test_" + uuid.uuid4().hex
WEBHOOK_SECRET = "whsec_" + uuid.uuid4().hex
PI_METADATA = "payment_intent_data[metadata]["


@dataclass
class Recorded:
    method: str
    path: str
    form: dict[str, str]
    headers: dict[str, str]


@dataclass
class StandIn:
    base_url: str
    requests: list[Recorded] = field(default_factory=list)
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    intents: dict[str, dict[str, Any]] = field(default_factory=dict)  # filled when paid
    intent_metadata: dict[str, dict[str, str]] = field(default_factory=dict)  # by session

    def pay(self, session_id: str) -> dict[str, Any]:
        """The donor pays: the session completes with a payment intent."""
        session = self.sessions[session_id]
        intent_id = "pi_" + uuid.uuid4().hex[:24]
        self.intents[intent_id] = {
            "id": intent_id, "object": "payment_intent", "amount": session["amount_total"],
            "currency": session["currency"], "status": "succeeded",
            "metadata": dict(self.intent_metadata[session_id]),
        }
        session.update(payment_intent=intent_id, payment_status="paid", status="complete")
        return session


def _session(form: dict[str, str]) -> dict[str, Any]:
    """A Checkout Session object as POST /v1/checkout/sessions returns it."""
    session_id = "cs_test_" + uuid.uuid4().hex
    amount = int(form["line_items[0][price_data][unit_amount]"])
    return {
        "id": session_id, "object": "checkout.session", "mode": form["mode"],
        "amount_total": amount, "amount_subtotal": amount,
        "currency": form["line_items[0][price_data][currency]"],
        "client_reference_id": form.get("client_reference_id"),
        "customer_email": form.get("customer_email"),
        "metadata": {key[9:-1]: value for key, value in form.items()
                     if key.startswith("metadata[")},
        "payment_intent": None, "payment_status": "unpaid", "status": "open",
        "success_url": form["success_url"], "cancel_url": form["cancel_url"],
        "url": f"https://checkout.stripe.com/c/pay/{session_id}", "livemode": False,
        "created": int(time.time()),
    }


def _handler(stand_in: StandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return None

        def _answer(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Request-Id", "req_" + uuid.uuid4().hex[:14])
            self.end_headers()
            self.wfile.write(data)

        def _record(self) -> dict[str, str]:
            length = int(self.headers.get("Content-Length") or 0)
            form = dict(parse_qsl(self.rfile.read(length).decode())) if length else {}
            stand_in.requests.append(Recorded(self.command, self.path, form,
                                              {k.lower(): v for k, v in self.headers.items()}))
            return form

        def do_POST(self) -> None:
            form = self._record()
            if self.path == "/v1/checkout/sessions":
                session = _session(form)
                stand_in.sessions[session["id"]] = session
                stand_in.intent_metadata[session["id"]] = {
                    key[len(PI_METADATA):-1]: value for key, value in form.items()
                    if key.startswith(PI_METADATA)}
                return self._answer(200, session)
            if self.path == "/v1/refunds":
                return self._answer(200, {
                    "id": "re_" + uuid.uuid4().hex[:24], "object": "refund",
                    "payment_intent": form["payment_intent"], "status": "succeeded",
                    "amount": stand_in.intents[form["payment_intent"]]["amount"]})
            return self._answer(404, {"error": {"type": "invalid_request_error",
                                                "message": "Unrecognized request URL"}})

        def do_GET(self) -> None:
            self._record()
            intent = stand_in.intents.get(self.path.removeprefix("/v1/payment_intents/"))
            if intent is None:
                return self._answer(404, {"error": {"type": "invalid_request_error",
                                                    "message": "No such payment_intent"}})
            return self._answer(200, intent)

    return Handler


@contextmanager
def stripe_stand_in() -> Iterator[StandIn]:
    port = free_port()
    stand_in = StandIn(f"http://127.0.0.1:{port}")
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(stand_in))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stand_in
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def event(kind: str, item: dict[str, Any], event_id: str | None = None) -> dict[str, Any]:
    """An Event object as Stripe posts it to a webhook endpoint."""
    return {
        "id": event_id or "evt_" + uuid.uuid4().hex[:24], "object": "event",
        "api_version": "2025-01-27.acacia", "created": int(time.time()), "livemode": False,
        "pending_webhooks": 1, "request": {"id": None, "idempotency_key": None},
        "type": kind, "data": {"object": item},
    }


def charge_refunded(intent: dict[str, Any], amount: int | None = None) -> dict[str, Any]:
    refunded = intent["amount"] if amount is None else amount
    return {
        "id": "ch_" + uuid.uuid4().hex[:24], "object": "charge", "amount": intent["amount"],
        "amount_refunded": refunded, "currency": intent["currency"],
        "payment_intent": intent["id"], "refunded": refunded == intent["amount"],
        "metadata": {}, "status": "succeeded",
    }


def sign(payload: str, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    """The Stripe-Signature header: t=<unix time>,v1=<HMAC-SHA256 of "<t>.<payload>">."""
    stamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{stamp}.{payload}".encode(), hashlib.sha256)
    return f"t={stamp},v1={digest.hexdigest()}"
