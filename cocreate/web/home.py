"""The home page: what cocreate is, and the campaigns open right now."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.services.campaigns import campaigns
from cocreate.web.common import page


async def home(request: Request) -> Response:
    found = await campaigns.open_now()
    return page(request, "pages/campaigns/home.html",
                {"campaigns": found.campaigns, "open_now": found})


ROUTES = [Route("/", home, methods=["GET"])]
