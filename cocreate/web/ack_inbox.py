"""The managers' acknowledgement inbox: thank people in place, oldest contributions first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import require_user, wants_fragment
from cocreate.services.orgs import orgs
from cocreate.services.recognition import ack_inbox, ack_metrics, acknowledgements
from cocreate.web.common import after_post, form_data, page
from cocreate.web.forms import Form, form_action
from cocreate.web.saved_replies import inbox_picks

if TYPE_CHECKING:
    from cocreate.models import User

FILTERS = ("campaign", "kind", "power", "cursor")


def _filters(source: dict[str, str]) -> dict[str, str]:
    return {name: source[name] for name in FILTERS if source.get(name)}


async def inbox_page(request: Request) -> Response:
    user = require_user(request)
    context = await _inbox_context(user, request.path_params["org"],
                                   _filters(dict(request.query_params)),
                                   request.query_params.get("reply"),
                                   request.query_params.get("entry"))
    return page(request, "pages/recognition/ack_inbox.html", context)


async def _inbox_context(user: User, slug: str, chosen: dict[str, str], reply: str | None,
                         entry_id: str | None, **extra: Any) -> dict[str, Any]:
    """The inbox with the filters `chosen` (and a saved reply picked for one entry)."""
    found = await ack_inbox.inbox(user, slug, chosen.get("campaign"), chosen.get("kind"),
                                  chosen.get("power") == "1", chosen.get("cursor"))
    next_query = urlencode({**chosen, "cursor": found.next_cursor}) if found.next_cursor else ""
    measured = await ack_metrics.metrics(user, slug, chosen.get("campaign"))
    return {
        "metrics": measured, "chart": _chart(measured),
        "org": await orgs.get_org(slug), "inbox": found, "chosen": chosen,
        "campaign_choices": await ack_inbox.campaign_choices(slug),
        "kinds": [("idea", "Ideas"), ("remix", "Remixes"), ("team", "Team entries")],
        "next_query": next_query, "draft": acknowledgements.draft,
        "back": urlencode({k: v for k, v in chosen.items() if k != "cursor"}),
        **await inbox_picks(user, slug, reply, entry_id), **extra,
    }


def _chart(measured: ack_metrics.Metrics) -> dict[str, object]:
    """The weekly series for the chart (Chart.js reads it from the page as JSON)."""
    def share(week: ack_metrics.Week) -> float | None:
        value = week.summary.share
        return None if value is None else round(100 * value, 1)

    def hours(week: ack_metrics.Week) -> float | None:
        value = week.summary.median_hours
        return None if value is None else round(value, 1)

    return {"labels": [f"{w.starts:%b} {w.starts.day}" for w in measured.weeks],
            "datasets": [
                {"label": "% thanked", "axis": "share", "data": [share(w) for w in measured.weeks]},
                {"label": "median hours to thanks", "axis": "hours",
                 "data": [hours(w) for w in measured.weeks]}]}


async def _thank_form(request: Request, sent: dict[str, str]) -> Form:
    """htmx: the item, as sent; a plain form: the inbox with the same filters, the item as
    sent. Only for a manager of the organization and an entry of its inbox they may see:
    otherwise the check's 403 or 404 is the answer, whatever the action raised."""
    user = require_user(request)
    slug, entry_id = request.path_params["org"], request.path_params["entry"]
    entry = await ack_inbox.item(user, slug, entry_id)
    back = sent.get("back", "")
    kept = {"note": sent.get("note", ""), "failed_entry": entry_id}
    if wants_fragment(request):
        return Form("partials/_inbox_item.html", {
            "entry": entry, "org": await orgs.get_org(slug),
            "power_ids": set(), "draft": acknowledgements.draft, "back": back,
            "chosen": _filters(dict(parse_qsl(back))),
            **await inbox_picks(user, slug, None, None), **kept})
    context = await _inbox_context(user, slug, _filters(dict(parse_qsl(back))), None, None,
                                   **kept)
    return Form("pages/recognition/ack_inbox.html", context)


@form_action(_thank_form)
async def thank(request: Request) -> Response:
    """Thank from the inbox: htmx swaps the item for a confirmation, a plain form returns
    to the inbox with the same filters."""
    user = require_user(request)
    slug, entry_id = request.path_params["org"], request.path_params["entry"]
    await ack_inbox.item(user, slug, entry_id)  # before anything sent is looked at
    submitted = await form_data(request)
    thanks = await acknowledgements.acknowledge(user, entry_id, submitted.get("note"),
                                                submitted.get("handle"))
    if wants_fragment(request):
        return page(request, "partials/_inbox_done.html", {"thanks": thanks,
                                                           "entry_id": entry_id})
    back = submitted.get("back", "")
    return after_post(request, f"/o/{slug}/inbox" + (f"?{back}" if back else ""))


ROUTES = [
    Route("/o/{org:org_slug}/inbox", inbox_page, methods=["GET"]),
    Route("/o/{org:org_slug}/inbox/{entry:id}", thank, methods=["POST"]),
]
