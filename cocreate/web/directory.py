"""The campaign directory page: search and filter the public campaigns with a GET form;
htmx swaps only the results and pushes the address, so every search can be linked."""

from __future__ import annotations

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.read_models import directory as directory_rm
from cocreate.services.campaigns.directory import DirectoryQuery
from cocreate.services.core.validation import field_messages
from cocreate.web.common import fragment_or_page

TEMPLATE = "pages/campaigns/directory.html"
SHOWN_MAX = 200


async def campaign_directory(request: Request) -> Response:
    """A refused search (a 10 KB query, an unknown kind) comes back as the form with what
    to change, under 422, and lists nothing."""
    context = {"sorts": directory_rm.SORTS, "phases": directory_rm.PHASES,
               "kinds": directory_rm.KINDS, "errors": {}}
    try:
        query = DirectoryQuery.model_validate(dict(request.query_params))
    except ValidationError as error:
        empty = directory_rm.Directory(DirectoryQuery(), [], False,
                                       await directory_rm.offered_organizations())
        return fragment_or_page(request, TEMPLATE, {
            **context, "found": empty, "errors": field_messages(error),
            "shown": _as_sent(request)}, "results", status_code=422)
    found = await directory_rm.directory_page(query)
    return fragment_or_page(request, TEMPLATE, {**context, "found": found,
                                                "shown": found.shown()}, "results")


def _as_sent(request: Request) -> dict[str, str]:
    """A refused search's fields as they were sent, cut to what a form field shows."""
    return {key: value[:SHOWN_MAX] for key, value in request.query_params.items()}


ROUTES = [Route("/campaigns", campaign_directory, methods=["GET"])]
