"""Merging a duplicate idea from its page: pick the idea to keep, then merge."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, deps, require_user
from cocreate.lib import urls
from cocreate.services.entries import entries
from cocreate.services.moderation import merging
from cocreate.web.common import after_post, form_data, page
from cocreate.web.entries import entry_context
from cocreate.web.forms import Form, form_action


async def candidates(request: Request) -> Response:
    """Ideas to keep, as the manager searches (htmx swaps the list of choices)."""
    query = request.query_params.get("merge_q", "")
    entry = await entries.view_entry(current_user(request), request.path_params["entry"])
    found = await merging.candidates(current_user(request), entry, query)
    return page(request, "pages/entries/entry.html", {
        "entry": entry, "merge_candidates": found or [], "merge_q": query,
    }, block="merge_candidates")


async def _merge_form(request: Request, sent: dict[str, str]) -> Form:
    context = await entry_context(request, request.path_params["entry"], merge_form=sent)
    return Form("pages/entries/entry.html", context, "merge_panel")


@form_action(_merge_form)
async def merge(request: Request) -> Response:
    user = require_user(request)
    entry_id = request.path_params["entry"]
    submitted = await form_data(request)
    merged = await merging.merge(deps(request), user, entry_id, submitted.get("into"))
    return after_post(request, urls.kept_entry_path(merged.into.id, merged.entry.id))


ROUTES = [
    Route("/e/{entry:id}/merge", merge, methods=["POST"]),
    Route("/e/{entry:id}/merge/candidates", candidates, methods=["GET"]),
]
