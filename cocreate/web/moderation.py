"""Moderation pages: the queue, decisions on an entry, reporting an entry, and the audit log."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, deps, require_user, wants_fragment
from cocreate.lib import urls
from cocreate.services.moderation import moderation, moderation_queue
from cocreate.services.orgs import orgs
from cocreate.services.orgs.audit_log import org_log
from cocreate.web.common import (
    after_post,
    form_data,
    local_referer,
    login_first,
    page,
    redirect,
)
from cocreate.web.entries import entry_context
from cocreate.web.forms import Form, FormView, form_action


async def queue_context(request: Request, campaign_slug: str, **extra: Any) -> dict[str, Any]:
    """What the queue page shows: entries and reported comments, oldest first."""
    waiting = await moderation_queue.queue(require_user(request), campaign_slug)
    return {"campaign": waiting.campaign, "org": waiting.campaign.org, "queue": waiting,
            "items": waiting.oldest_first, "reasons": moderation.REASONS,
            "actions": moderation.ACTIONS, "failed": {}, **extra}


async def queue_page(request: Request) -> Response:
    return page(request, "pages/moderation/moderation.html",
                await queue_context(request, request.path_params["campaign"]))


def _entry_panel_form(block: str, key: str) -> FormView:
    """A form on the entry page as sent, kept under `key`."""
    async def view(request: Request, sent: dict[str, str]) -> Form:
        context = await entry_context(request, request.path_params["entry"], **{key: sent})
        return Form("pages/entries/entry.html", context, block)

    return view


@form_action(_entry_panel_form("moderation_panel", "moderation_form"))
async def moderate(request: Request) -> Response:
    user = require_user(request)
    entry_id = request.path_params["entry"]
    submitted = await form_data(request)
    back = local_referer(request, urls.entry_path(entry_id))
    if submitted.get("action") == "dismiss":
        await moderation.dismiss_reports(user, entry_id)
    else:
        await moderation.act(deps(request), user, entry_id, submitted.get("action"),
                             submitted.get("reason"))
    return after_post(request, back)


@form_action(_entry_panel_form("report_panel", "report_form"))
async def report(request: Request) -> Response:
    entry_id = request.path_params["entry"]
    user = current_user(request)
    if user is None:
        return login_first(request, urls.entry_path(entry_id))
    submitted = await form_data(request)
    await moderation.report(user, entry_id, submitted.get("reason"), submitted.get("note"))
    if wants_fragment(request):
        context = await entry_context(request, entry_id, reported=True)
        return page(request, "pages/entries/entry.html", context, block="report_panel")
    return redirect(urls.entry_path(entry_id) + "?reported=1")


async def audit_page(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["org"]
    events = await org_log(user, slug)
    return page(request, "pages/orgs/audit.html",
                {"org": await orgs.get_org(slug), "events": events})


ROUTES = [
    Route("/c/{campaign:campaign_slug}/moderation", queue_page, methods=["GET"]),
    Route("/e/{entry:id}/moderate", moderate, methods=["POST"]),
    Route("/e/{entry:id}/report", report, methods=["POST"]),
    Route("/o/{org:org_slug}/audit", audit_page, methods=["GET"]),
]
