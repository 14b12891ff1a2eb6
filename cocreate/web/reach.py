"""A fan's reach: what their share links brought, in all and per campaign (/me/reach)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import require_user
from cocreate.services.reach import reach
from cocreate.web.common import fragment_or_page


async def reach_page(request: Request) -> Response:
    user = require_user(request)
    return fragment_or_page(request, "pages/reach/reach.html",
                            {"person": user, "reach": await reach.reach_of(user)}, "reach")


ROUTES = [Route("/me/reach", reach_page, methods=["GET"])]
