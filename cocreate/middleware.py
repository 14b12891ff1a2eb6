"""Request middleware: who is asking, CSRF on unsafe methods, share-link visits, security
headers. Link-preview crawlers get public pages as they are: no session, no cookies."""

from __future__ import annotations

from urllib.parse import parse_qs, parse_qsl, urlsplit

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from cocreate.doors.outages import OUTAGE_TYPES
from cocreate.doors.payments import CHECKOUT_ORIGINS
from cocreate.doors.storage import LocalStorage
from cocreate.errors import htmx_error, outage_error
from cocreate.http import (
    BROWSER_COOKIE,
    REFERRAL_COOKIE,
    SESSION_COOKIE,
    is_crawler,
    wants_fragment,
)
from cocreate.lib.errors import Unauthenticated
from cocreate.lib.security import csrf_token_for, csrf_token_valid, new_token
from cocreate.lib.text import has_control_characters
from cocreate.services.accounts import accounts, api_tokens
from cocreate.services.influence import referrals
from cocreate.settings import Settings

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
UNSUBSCRIBE_PREFIX = "/unsubscribe/"  # one-click unsubscribe links in every mail
WEBHOOK_PREFIX = "/webhooks/"  # payment providers' notifications


def _origin(url: str | None) -> str:
    if not url:
        return ""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def content_security_policy(settings: Settings) -> str:
    media = " ".join(
        origin
        for origin in {_origin(settings.s3_endpoint_url), _origin(settings.media_public_base_url)}
        if origin
    )
    return "; ".join([
        "default-src 'self'",
        f"img-src 'self' data: blob: {media}".strip(),
        f"media-src 'self' blob: {media}".strip(),
        f"connect-src 'self' {media}".strip(),
        "script-src 'self'",
        "style-src 'self'",
        "font-src 'self'",
        f"form-action 'self' {media} {CHECKOUT_ORIGINS.get(settings.payment_provider, '')}"
        .strip(),
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ])


class ControlCharacterGuard:
    """An address holding a control character (`/u/%00`, `?tag=%00`) names nothing here: the
    path answers 404 and the query string 400, with a message, before any lookup could hand
    the character to the database (which refuses NUL) or a page could echo it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refusal = self._refusal(scope)
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)

    @staticmethod
    def _refusal(scope: Scope) -> Response | None:
        path = scope.get("path", "")
        query = scope.get("query_string", b"").decode("latin-1")
        if has_control_characters(path):
            status, code, message = 404, "not_found", "There is no page at this address."
        elif any(has_control_characters(key) or has_control_characters(value)
                 for key, value in parse_qsl(query, keep_blank_values=True, errors="replace")):
            status, code = 400, "bad_query"
            message = "The address holds control characters (such as NUL); remove them."
        else:
            return None
        if path.startswith("/api/"):
            return JSONResponse({"error": {"code": code, "message": message, "fields": {}}},
                                status_code=status)
        if (dict(scope.get("headers", [])).get(b"hx-request") or b"") == b"true":
            return htmx_error(status, message)
        return PlainTextResponse(message, status_code=status)


class RequestContextMiddleware(BaseHTTPMiddleware):
    """Loads the user (session cookie or bearer token), checks CSRF, sets security headers."""

    def __init__(self, app, settings: Settings) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.settings = settings
        self.csp = content_security_policy(settings)

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        try:
            return await self._dispatch(request, call_next)
        except OUTAGE_TYPES as error:  # the session lookup found the database gone: 503
            return await outage_error(request, error)

    async def _dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if is_crawler(request) and request.method in SAFE_METHODS:
            request.state.csrf_token = ""
            request.state.user = None
            request.state.auth = "none"
            response = await call_next(request)
            self._secure_headers(response)
            return response
        bearer = request.headers.get("authorization", "")
        is_api = request.url.path.startswith("/api/")
        browser_id = request.cookies.get(BROWSER_COOKIE) or ""
        new_browser_id = "" if browser_id else new_token()
        request.state.csrf_token = csrf_token_for(
            self.settings.secret_key, browser_id or new_browser_id
        )
        if is_api and bearer.lower().startswith("bearer "):
            try:
                request.state.user = await api_tokens.bearer(bearer[7:].strip())
            except Unauthenticated as refused:  # expired, revoked or unknown: say which
                request.state.user, request.state.auth_problem = None, refused.message
            request.state.auth = "token"
        else:
            request.state.user = await accounts.user_for_token(
                request.cookies.get(SESSION_COOKIE), "session"
            )
            request.state.auth = "session"
            # API calls without a session cookie carry no ambient credentials to forge.
            ambient = not is_api or SESSION_COOKIE in request.cookies
            if (
                ambient
                and request.method not in SAFE_METHODS
                and not await self._csrf_ok(request, browser_id)
            ):
                return self._csrf_failure(request, is_api)
        referred = (request.method == "GET" and not is_api
                    and await self._count_referral(request, browser_id or new_browser_id))
        response = await call_next(request)
        if new_browser_id:
            response.set_cookie(
                BROWSER_COOKIE, new_browser_id, max_age=60 * 60 * 24 * 365, httponly=True,
                samesite="lax", secure=self.settings.secure_cookies,
            )
        if referred:
            response.set_cookie(
                REFERRAL_COOKIE, request.query_params["ref"].lower(),
                max_age=int(referrals.WINDOW.total_seconds()), httponly=True, samesite="lax",
                secure=self.settings.secure_cookies,
            )
        self._secure_headers(response)
        return response

    @staticmethod
    async def _count_referral(request: Request, visitor_id: str) -> bool:
        """A visit through a share link; True when it is the visitor's first link (to keep)."""
        code = request.query_params.get("ref")
        if not code:
            return False
        sharer = await referrals.record_visit(code, visitor_id, request.url.path,
                                              request.state.user)
        return sharer is not None and REFERRAL_COOKIE not in request.cookies

    async def _csrf_ok(self, request: Request, browser_id: str) -> bool:
        if request.url.path == LocalStorage.UPLOAD_PATH:
            return True  # authorized by its signed upload policy, like a presigned S3 POST
        if request.url.path.startswith(UNSUBSCRIBE_PREFIX):
            return True  # authorized by its signed token; mail clients POST it (RFC 8058)
        if request.url.path.startswith(WEBHOOK_PREFIX):
            # authorized by the provider's signature (services/fundraising/payment_events.py)
            return True
        token = request.headers.get("x-csrf-token", "")
        content_type = request.headers.get("content-type", "")
        if not token and content_type.startswith("application/x-www-form-urlencoded"):
            body = (await request.body()).decode("utf-8", "replace")
            token = (parse_qs(body).get("csrf_token") or [""])[0]
        return csrf_token_valid(self.settings.secret_key, browser_id, token)

    @staticmethod
    def _csrf_failure(request: Request, is_api: bool) -> Response:
        message = "The form expired or came from elsewhere. Reload the page and try again."
        if is_api:
            return JSONResponse(
                {"error": {"code": "csrf_failed", "message": message, "fields": {}}},
                status_code=403,
            )
        if wants_fragment(request):
            return htmx_error(403, message)
        return PlainTextResponse(message, status_code=403)

    def _secure_headers(self, response: Response) -> None:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", self.csp)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if "frame-ancestors *" not in headers.get("Content-Security-Policy", ""):
            headers.setdefault("X-Frame-Options", "SAMEORIGIN")  # embeds opt out in their CSP
