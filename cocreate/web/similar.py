"""Similar ideas while a fan types a new one: "Already suggested?" under the entry form."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import client_ip, current_user, deps, wants_fragment
from cocreate.services import similar as similar_service
from cocreate.services.errors import RateLimited
from cocreate.web.campaigns import campaign_context
from cocreate.web.common import page

PARTIAL = "partials/_similar_ideas.html"


async def similar(request: Request) -> Response:
    """htmx asks as the fan types (the panel alone); without JavaScript the "Check for
    similar ideas" button gets the campaign page again, the draft kept in the form."""
    slug = request.path_params["campaign"]
    title = request.query_params.get("title", "")
    body = request.query_params.get("body", "")
    context: dict[str, object] = {"similar": [], "similar_voted": set(),
                                  "similar_checked": bool(title.strip() or body.strip())}
    try:
        found = await similar_service.search(deps(request), current_user(request), slug,
                                             f"{title}\n{body}", client_ip(request),
                                             title=title or None)
        context.update(similar=found.ideas, similar_voted=found.voted_ids,
                       campaign=found.campaign)
    except RateLimited as error:
        context["similar_message"] = error.message
    if wants_fragment(request):
        return page(request, PARTIAL, context)
    draft = {k: v for k, v in request.query_params.items() if k != "csrf_token"}
    full = await campaign_context(request, slug, form=draft)
    return page(request, "pages/campaign.html", {**full, **context})


ROUTES = [Route("/c/{campaign}/similar", similar, methods=["GET"])]
