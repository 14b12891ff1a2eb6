"""What fans are asking for, on pages (managers): the period's tags and terms, rising first,
and the entries behind each one. The period picker and the links are plain GETs; htmx swaps
the tables, or opens the entries beside them."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import require_user
from cocreate.services.listening import listening
from cocreate.web.common import fragment_or_page


def _days(request: Request) -> int:
    raw = request.query_params.get("days", "")
    return int(raw) if raw.isdigit() else (0 if raw else listening.DEFAULT_DAYS)


async def listening_page(request: Request) -> Response:
    user = require_user(request)
    found = await listening.summary(user, request.path_params["campaign"], _days(request))
    return fragment_or_page(request, "pages/listening/listening.html", {
        "found": found, "campaign": found.campaign, "org": found.campaign.org,
        "periods": listening.PERIODS}, "listening")


async def behind_page(request: Request) -> Response:
    user = require_user(request)
    params = request.query_params
    found = await listening.entries_behind(
        user, request.path_params["campaign"], _days(request),
        term=params.get("term") or None, tag=params.get("tag") or None)
    return fragment_or_page(request, "pages/listening/listening_entries.html", {
        "behind": found, "campaign": found.campaign, "org": found.campaign.org}, "behind")


ROUTES = [
    Route("/c/{campaign:campaign_slug}/listening", listening_page, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/listening/entries", behind_page, methods=["GET"]),
]
