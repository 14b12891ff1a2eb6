"""An author changes their entry's title and description: /e/<entry>/edit."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import deps, require_user
from cocreate.lib import urls
from cocreate.lib.errors import Conflict, Invalid, RateLimited
from cocreate.services.entries import entries, entry_edits
from cocreate.web.common import after_post, form_data, form_failed, page

TEMPLATE = "pages/entry_edit.html"


async def edit_page(request: Request) -> Response:
    """The form, filled in; someone who may not change the entry gets the reason (403/409)."""
    entry = await entry_edits.for_editing(require_user(request), request.path_params["entry"])
    return page(request, TEMPLATE, {"entry": entry, "campaign": entry.campaign,
                                    "form": {"title": entry.title, "body": entry.body}})


async def save(request: Request) -> Response:
    user = require_user(request)
    entry_id = request.path_params["entry"]
    submitted = await form_data(request)
    try:
        await entry_edits.edit(deps(request), user, entry_id, submitted.get("title", ""),
                               submitted.get("body", ""))
    except (Invalid, RateLimited, Conflict) as error:  # Conflict: a vote came in first
        entry = await entries.view_entry(user, entry_id)
        context = {"entry": entry, "campaign": entry.campaign, "form": submitted}
        return form_failed(request, TEMPLATE, context, error, "form")
    return after_post(request, urls.entry_path(entry_id))


ROUTES = [
    Route("/e/{entry}/edit", edit_page, methods=["GET"]),
    Route("/e/{entry}/edit", save, methods=["POST"]),
]
