"""An author changes their entry's title and description: /e/<entry>/edit."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import deps, require_user
from cocreate.lib import urls
from cocreate.lib.errors import Forbidden
from cocreate.services.entries import entries, entry_edits
from cocreate.web.common import after_post, form_data, page
from cocreate.web.forms import Form, form_action

TEMPLATE = "pages/entries/entry_edit.html"


async def edit_page(request: Request) -> Response:
    """The form, filled in; someone who may not change the entry gets the reason (403/409)."""
    entry = await entry_edits.for_editing(require_user(request), request.path_params["entry"])
    return page(request, TEMPLATE, {"entry": entry, "campaign": entry.campaign,
                                    "form": {"title": entry.title, "body": entry.body}})


async def _edit_form(request: Request, sent: dict[str, str]) -> Form:
    """The form as sent. A refusal for good (not theirs, taken down) is the error page the
    form's own page gives; one of the moment (a vote came in first) keeps what they typed."""
    user = require_user(request)
    entry = await entries.view_entry(user, request.path_params["entry"])
    problem = await entry_edits.refusal(user, entry)
    if isinstance(problem, Forbidden):
        raise problem
    return Form(TEMPLATE, {"entry": entry, "campaign": entry.campaign, "form": sent}, "form")


@form_action(_edit_form)
async def save(request: Request) -> Response:
    """Refused with 409 once a vote came in first, or 403 when it is not theirs to change."""
    user = require_user(request)
    entry_id = request.path_params["entry"]
    submitted = await form_data(request)
    await entry_edits.edit(deps(request), user, entry_id, submitted.get("title", ""),
                           submitted.get("body", ""))
    return after_post(request, urls.entry_path(entry_id))


ROUTES = [
    Route("/e/{entry:id}/edit", edit_page, methods=["GET"]),
    Route("/e/{entry:id}/edit", save, methods=["POST"]),
]
