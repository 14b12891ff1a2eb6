"""The managers' people page: fans ranked by influence or conversation, and ambassadors."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import deps, require_user, wants_fragment
from cocreate.lib.errors import Invalid
from cocreate.services.orgs import orgs
from cocreate.services.reach import power_users
from cocreate.services.recognition import ambassadors
from cocreate.web.common import after_post, form_data, fragment_or_page, page
from cocreate.web.forms import Form, form_action

TEMPLATE = "pages/reach/power_users.html"


def _page_number(value: str | None) -> int:
    try:
        return int(value or 1)
    except ValueError as error:
        raise Invalid("There is no such page.", {"page": "Use a page number."}) from error


def _back(by: str, number: int) -> str:
    return urlencode({"by": by, **({"page": number} if number > 1 else {})})


async def _context(request: Request, slug: str, by: str | None, number: int,
                   **extra: object) -> dict[str, object]:
    found = await power_users.ranking(require_user(request), slug, by, number)
    return {"org": await orgs.get_org(slug), "ranking": found,
            "rankings": power_users.RANKINGS, "back": _back(found.by, found.page),
            "message": None, "errors": {}, **extra}


async def people_page(request: Request) -> Response:
    slug = request.path_params["org"]
    context = await _context(request, slug, request.query_params.get("by"),
                             _page_number(request.query_params.get("page")))
    return fragment_or_page(request, TEMPLATE, context, "ranking")


async def _ranking_form(request: Request, sent: dict[str, str]) -> Form:
    """The ranking page as it was (its tab and page), at the person's row."""
    context = await _context(request, request.path_params["org"], sent.get("by"),
                             _page_number(sent.get("page")),
                             failed=request.path_params["handle"])
    return Form(TEMPLATE, context, "ranking")


@form_action(_ranking_form)
async def ambassador(request: Request) -> Response:
    """Mark or unmark one person: htmx swaps the ranking, a plain form comes back to it."""
    user = require_user(request)
    slug, handle = request.path_params["org"], request.path_params["handle"]
    submitted = await form_data(request)
    marking = submitted.get("action") != "unmark"
    if marking:
        await ambassadors.mark(deps(request), user, slug, handle, submitted.get("note"))
    else:
        await ambassadors.unmark(deps(request), user, slug, handle)
    by, number = submitted.get("by") or "influence", _page_number(submitted.get("page"))
    if wants_fragment(request):
        context = await _context(request, slug, by, number, done=handle, marked=marking)
        return page(request, TEMPLATE, context, block="ranking")
    return after_post(request, f"/o/{slug}/people?{_back(by, number)}")


ROUTES = [
    Route("/o/{org:org_slug}/people", people_page, methods=["GET"]),
    Route("/o/{org:org_slug}/people/{handle:handle}/ambassador", ambassador, methods=["POST"]),
]
