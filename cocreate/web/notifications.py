"""Notifications: the bell in the header, the list, and marking them read."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, require_user, wants_fragment
from cocreate.services.notifications import notifications
from cocreate.web.common import after_post, page


async def bell(request: Request) -> Response:
    """The header's unread count, loaded by htmx so pages stay cacheable for crawlers."""
    unread = await notifications.unread_count(current_user(request))
    return page(request, "partials/_bell.html", {"unread": unread},
                headers={"Cache-Control": "private, no-store"})


async def notifications_page(request: Request) -> Response:
    user = require_user(request)
    items = await notifications.recent(user)
    return page(request, "pages/notifications/notifications.html", {
        "items": items, "unread": sum(1 for item in items if item.read_at is None)})


async def mark_read(request: Request) -> Response:
    user = require_user(request)
    await notifications.mark_read(user)
    if wants_fragment(request):
        return await notifications_page(request)
    return after_post(request, "/notifications")


ROUTES = [
    Route("/notifications", notifications_page, methods=["GET"]),
    Route("/notifications/bell", bell, methods=["GET"]),
    Route("/notifications/read", mark_read, methods=["POST"]),
]
