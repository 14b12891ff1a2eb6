"""Errors to responses, in one place: JSON for the API, error pages for the browser, and for an
htmx request a message among the page's flashes (a refused form answers itself: web/forms.py)."""

from __future__ import annotations

import logging
from html import escape

from asyncpg.exceptions import DataError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from tortoise.exceptions import DoesNotExist, IntegrityError
from tortoise.exceptions import ValidationError as OrmValidationError

from cocreate.doors.outages import OUTAGE_TYPES, is_outage
from cocreate.http import wants_fragment
from cocreate.lib.errors import DomainError, ServiceUnavailable, Unauthenticated
from cocreate.templating import render

log = logging.getLogger(__name__)


def api_error(status: int, code: str, message: str, fields: dict | None = None) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message, "fields": fields or {}}}, status_code=status
    )


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def htmx_error(status: int, message: str) -> Response:
    """An htmx request that failed outside a form: nothing on the page is replaced (base.html's
    htmx-config swaps 401, 403, 404, 409, 422, 429 and 503 answers, the statuses of refused
    forms), and the message joins the page's flashes, out of band."""
    body = (f'<div id="flashes" hx-swap-oob="beforeend"><div class="flash flash-error" '
            f'role="alert"><p>{escape(message)}</p></div></div>')
    return HTMLResponse(body, status_code=status, headers={"HX-Reswap": "none"})


def _page(request: Request, status: int, message: str) -> Response:
    if wants_fragment(request):
        return htmx_error(status, message)
    name = (f"errors/{status}.html" if status in {400, 403, 404, 429, 500, 503}
            else "errors/400.html")
    return render(request, name, {"message": message, "status": status}, status_code=status)


async def domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DomainError)
    if _is_api(request):
        return api_error(exc.status, exc.code, exc.message, exc.fields)
    if isinstance(exc, Unauthenticated) and request.method == "GET":
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    return _page(request, exc.status, exc.message)


def unavailable_response(request: Request, exc: ServiceUnavailable) -> Response:
    """503 with Retry-After: JSON for the API, the "back in a moment" page for the browser."""
    if _is_api(request):
        response: Response = api_error(exc.status, exc.code, exc.message)
    else:
        response = _page(request, exc.status, exc.message)
    response.headers["Retry-After"] = str(exc.retry_after)
    return response


async def service_unavailable(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ServiceUnavailable)
    log.warning("%s %s: %s", request.method, request.url.path, exc.message)
    return unavailable_response(request, exc)


OUTAGE_MESSAGE = "We can't reach part of our service right now. Nothing was changed; please " \
    "try again in a few seconds."


async def outage_error(request: Request, exc: Exception) -> Response:
    """A backend that stopped answering (PostgreSQL, Redis) is an outage, not a bug: 503."""
    if not is_outage(exc):
        return await server_error(request, exc)
    log.warning("%s %s: backend unavailable: %s: %s", request.method, request.url.path,
                type(exc).__name__, exc)
    return unavailable_response(request, ServiceUnavailable(OUTAGE_MESSAGE))


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    messages = {404: "Nothing here.", 405: "That method is not allowed here.",
                413: "The request is too large."}
    message = exc.detail if exc.detail and exc.status_code not in messages else messages.get(
        exc.status_code, str(exc.detail))
    if _is_api(request):
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(
            exc.status_code, "bad_request")
        return api_error(exc.status_code, code, message)
    return _page(request, exc.status_code, message)


async def orm_refusal(request: Request, exc: Exception) -> Response:
    """The database layer refused what a request carried (a value longer than its column, a
    number beyond it, a row that is not there, a duplicate): the request's fault, so a 4xx,
    never a 500. Input is
    checked where it enters (path convertors, body types); reaching here means a check is
    missing, hence the warning."""
    log.warning("%s %s: the ORM refused the input: %s: %s", request.method, request.url.path,
                type(exc).__name__, exc)
    if isinstance(exc, OrmValidationError):
        field = str(exc).split(":", 1)[0].strip()
        status, code, message = 422, "invalid", "Please correct the fields."
        fields = {field: "This value is too long or not in the expected form."} if field else {}
    elif isinstance(exc, DataError | OverflowError):  # a number beyond its column or its type
        status, code, message, fields = 422, "invalid", "A value is out of range.", {}
    elif isinstance(exc, DoesNotExist):
        status, code, message, fields = 404, "not_found", "Nothing here.", {}
    else:
        status, code, fields = 409, "conflict", {}
        message = "This conflicts with something that exists already."
    if _is_api(request):
        return api_error(status, code, message, fields)
    return _page(request, status, message)


async def server_error(request: Request, exc: Exception) -> Response:
    if is_outage(exc):  # raised where no finer handler sees it (middleware)
        return await outage_error(request, exc)
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    if _is_api(request):
        return api_error(500, "server_error", "Something went wrong on our side.")
    return _page(request, 500, "Something went wrong on our side. Please try again.")


EXCEPTION_HANDLERS = {
    **dict.fromkeys(OUTAGE_TYPES, outage_error),
    ServiceUnavailable: service_unavailable,
    DomainError: domain_error,
    OrmValidationError: orm_refusal,
    DoesNotExist: orm_refusal,
    IntegrityError: orm_refusal,
    DataError: orm_refusal,
    OverflowError: orm_refusal,
    HTTPException: http_error,
    Exception: server_error,
}
