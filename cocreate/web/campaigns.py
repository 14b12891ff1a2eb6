"""Campaigns: launching one, and its page with the idea form and the gallery."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate import urls
from cocreate.http import current_user, require_user, wants_fragment
from cocreate.services import campaigns, entries, orgs, voting
from cocreate.services.errors import Invalid
from cocreate.web.common import form_data, form_failed, page, redirect


def _closes_at(value: str | None) -> datetime | None:
    """A `datetime-local` value, read as UTC (the form says so)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError as error:
        raise Invalid("Please correct the highlighted fields.",
                      {"closes_at": "Use a date and time like 2026-12-31 18:00."}) from error


async def new_campaign_page(request: Request) -> Response:
    user = require_user(request)
    org = await orgs.get_org(request.path_params["org"])
    await orgs.require_manager(user, org)
    return page(request, "pages/campaign_new.html", {"org": org, "form": {}})


async def create_campaign(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["org"]
    submitted = await form_data(request)
    try:
        campaign = await campaigns.create_campaign(
            user, slug, submitted.get("title"), submitted.get("kind") or "idea",
            submitted.get("description"), _closes_at(submitted.get("closes_at")),
            submitted.get("cover_media_id") or None,
        )
    except Invalid as error:
        context = {"org": await orgs.get_org(slug), "form": submitted}
        return form_failed(request, "pages/campaign_new.html", context, error, "form")
    return redirect(urls.campaign_path(campaign.slug))


def gallery_params(request: Request) -> tuple[str, str | None]:
    sort = request.query_params.get("sort", "top")
    return (sort if sort in entries.SORTS else "top"), request.query_params.get("cursor") or None


async def campaign_context(request: Request, slug: str, *, gallery: bool = True,
                           form: dict[str, str] | None = None) -> dict[str, Any]:
    """Everything the campaign page shows; the gallery is skipped for form-only fragments."""
    campaign = await campaigns.get_campaign(slug)
    sort, cursor = gallery_params(request)
    context: dict[str, Any] = {
        "campaign": campaign, "org": campaign.org, "sort": sort, "cursor": cursor,
        "form": form or {}, "entries": [], "next_cursor": None, "voted_ids": set(),
    }
    if gallery:
        found = await entries.list_entries(slug, sort, cursor)
        context.update(
            entries=found.entries, next_cursor=found.next_cursor,
            voted_ids=await voting.voted_entry_ids(
                current_user(request), [entry.id for entry in found.entries]
            ),
        )
    return context


async def campaign_page(request: Request) -> Response:
    context = await campaign_context(request, request.path_params["campaign"])
    block = None
    if wants_fragment(request):
        # "Load more" appends the next cards; a sort tab swaps the whole gallery.
        block = "entry_items" if context["cursor"] else "gallery"
    return page(request, "pages/campaign.html", context, block=block)


ROUTES = [
    Route("/o/{org}/campaigns/new", new_campaign_page, methods=["GET"]),
    Route("/o/{org}/campaigns/new", create_campaign, methods=["POST"]),
    Route("/c/{campaign}", campaign_page, methods=["GET"]),
]
