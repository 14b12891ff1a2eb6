"""Sign up, log in and log out: server-side sessions in an httponly cookie."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import (
    BROWSER_COOKIE,
    REFERRAL_COOKIE,
    SESSION_COOKIE,
    client_ip,
    current_user,
    deps,
)
from cocreate.services.accounts import accounts
from cocreate.web.common import form_data, local_path, page, redirect
from cocreate.web.forms import Form, form_action

if TYPE_CHECKING:
    from cocreate.models import User


async def _signed_in(request: Request, user: User, next_path: str) -> Response:
    """A fresh session (the old one, if any, is revoked: sessions rotate at every login)."""
    settings = deps(request).settings
    await accounts.revoke_token(request.cookies.get(SESSION_COOKIE))
    token = await accounts.issue_token(user, "session", days=settings.session_days)
    response = redirect(next_path)
    response.set_cookie(
        SESSION_COOKIE, token, max_age=settings.session_days * 24 * 3600, httponly=True,
        samesite="lax", secure=settings.secure_cookies, path="/",
    )
    return response


def _next(request: Request, submitted: dict[str, str] | None = None) -> str:
    value = (submitted or {}).get("next") or request.query_params.get("next")
    return local_path(value)


async def signup_page(request: Request) -> Response:
    if current_user(request):
        return redirect(_next(request))
    return page(request, "pages/accounts/signup.html", {"form": {}, "next": _next(request)})


async def _signup_form(request: Request, sent: dict[str, str]) -> Form:
    return Form("pages/accounts/signup.html", {"form": sent, "next": _next(request, sent)}, "form")


@form_action(_signup_form)
async def signup(request: Request) -> Response:
    submitted = await form_data(request)
    user = await accounts.signup(
        deps(request), submitted.get("email"), submitted.get("password"),
        submitted.get("display_name"), client_ip(request),
        request.cookies.get(REFERRAL_COOKIE), request.cookies.get(BROWSER_COOKIE),
    )
    return await _signed_in(request, user, _next(request, submitted))


async def login_page(request: Request) -> Response:
    if current_user(request):
        return redirect(_next(request))
    return page(request, "pages/accounts/login.html", {"form": {}, "next": _next(request)})


async def _login_form(request: Request, sent: dict[str, str]) -> Form:
    """The password is never sent back."""
    context = {"form": {"email": sent.get("email", "")}, "next": _next(request, sent)}
    return Form("pages/accounts/login.html", context, "form")


@form_action(_login_form, logs_in=True)
async def login(request: Request) -> Response:
    submitted = await form_data(request)
    user = await accounts.authenticate(
        deps(request), submitted.get("email"), submitted.get("password"), client_ip(request)
    )
    return await _signed_in(request, user, _next(request, submitted))


async def logout(request: Request) -> Response:
    await accounts.revoke_token(request.cookies.get(SESSION_COOKIE))
    response = redirect("/")
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax",
                           secure=deps(request).settings.secure_cookies)
    return response


ROUTES = [
    Route("/signup", signup_page, methods=["GET"]),
    Route("/signup", signup, methods=["POST"]),
    Route("/login", login_page, methods=["GET"]),
    Route("/login", login, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
]
