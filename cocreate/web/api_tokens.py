"""The API tokens page (/me/tokens): make a named token and see its secret once, list them with
their last use and expiry, revoke one or all."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import deps, require_user, wants_fragment
from cocreate.services.accounts import api_tokens
from cocreate.web.common import after_post, form_data, fragment_or_page, page
from cocreate.web.forms import Form, form_action

if TYPE_CHECKING:
    from cocreate.models import User

TEMPLATE = "pages/accounts/api_tokens.html"
PATH = "/me/tokens"
DONE = {"revoked": "Token revoked: it no longer works.",
        "all": "Every token revoked: none of them works any more."}
# The page showing a new secret must not be kept by the browser or a proxy.
NO_STORE = {"Cache-Control": "no-store"}


async def _context(user: User, **extra: Any) -> dict[str, Any]:
    return {"tokens": await api_tokens.of_user(user), "is_expired": api_tokens.is_expired,
            "days": None, "form": {}, "created": None, "done": None,
            "default_name": api_tokens.DEFAULT_NAME, "max_name": api_tokens.MAX_NAME, **extra}


async def tokens_page(request: Request) -> Response:
    user = require_user(request)
    done = DONE.get(request.query_params.get("done", ""))
    context = await _context(user, done=done, days=deps(request).settings.api_token_days)
    return fragment_or_page(request, TEMPLATE, context, "tokens")


async def _tokens_form(request: Request, sent: dict[str, str]) -> Form:
    context = await _context(require_user(request), form=sent,
                             days=deps(request).settings.api_token_days)
    return Form(TEMPLATE, context, "tokens")


@form_action(_tokens_form)
async def create(request: Request) -> Response:
    """The new secret is in this answer only (no redirect could carry it without keeping it)."""
    user = require_user(request)
    submitted = await form_data(request)
    made = await api_tokens.create(deps(request), user, submitted.get("name"),
                                   limit_key=user.id)
    context = await _context(user, created=made, days=deps(request).settings.api_token_days)
    return page(request, TEMPLATE, context, status_code=201, headers=NO_STORE,
                block="tokens" if wants_fragment(request) else None)


@form_action(_tokens_form)
async def revoke(request: Request) -> Response:
    user = require_user(request)
    await api_tokens.revoke(deps(request), user, request.path_params["token"], limit_key=user.id)
    return after_post(request, f"{PATH}?done=revoked")


@form_action(_tokens_form)
async def revoke_all(request: Request) -> Response:
    user = require_user(request)
    await api_tokens.revoke_all(deps(request), user, limit_key=user.id)
    return after_post(request, f"{PATH}?done=all")


ROUTES = [
    Route(PATH, tokens_page, methods=["GET"]),
    Route(PATH, create, methods=["POST"]),
    Route(f"{PATH}/revoke-all", revoke_all, methods=["POST"]),
    Route(f"{PATH}/{{token:id}}/revoke", revoke, methods=["POST"]),
]
