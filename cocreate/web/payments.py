"""The payment provider's webhook: POST /webhooks/<provider>, authorized by the provider's
signature instead of a session and a CSRF token (see middleware.py)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from cocreate.http import deps
from cocreate.lib.errors import DomainError
from cocreate.services.fundraising import payment_events

SIGNATURE_HEADERS = {"stripe": "stripe-signature"}
MAX_BODY = 512 * 1024


async def webhook(request: Request) -> Response:
    provider = request.path_params["provider"]
    header = SIGNATURE_HEADERS.get(provider, "")
    body = await request.body()
    if len(body) > MAX_BODY:
        return JSONResponse({"error": "too large"}, status_code=413)
    try:
        outcome = await payment_events.receive(deps(request), provider, body,
                                               request.headers.get(header))
    except DomainError as error:
        return JSONResponse({"error": {"code": error.code, "message": error.message}},
                            status_code=error.status)
    return JSONResponse({"received": True, "outcome": outcome})


ROUTES = [Route("/webhooks/{provider}", webhook, methods=["POST"])]
