"""Similar ideas while a fan types a new one: "Already suggested?" under the entry form."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import client_ip, current_user, deps, wants_fragment
from cocreate.lib.errors import RateLimited
from cocreate.services.listening import similar as similar_service
from cocreate.web.campaigns import campaign_context
from cocreate.web.common import form_data, form_list, page

PARTIAL = "partials/_similar_ideas.html"


async def _found(request: Request, slug: str, title: str, body: str) -> dict[str, object]:
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
    return context


async def similar(request: Request) -> Response:
    """htmx asks as the fan types, with only the title and body: the panel alone (a plain GET
    gets the page with those two kept)."""
    slug = request.path_params["campaign"]
    title = request.query_params.get("title", "")
    body = request.query_params.get("body", "")
    context = await _found(request, slug, title, body)
    if wants_fragment(request):
        return page(request, PARTIAL, context)
    full = await campaign_context(request, slug, form={"title": title, "body": body})
    return page(request, "pages/campaigns/campaign.html", {**full, **context})


async def check_draft(request: Request) -> Response:
    """Without JavaScript, "Check for similar ideas" posts the whole draft (a POST, so the
    form's CSRF token never lands in a URL) and gets the campaign page back, draft kept."""
    slug = request.path_params["campaign"]
    draft = await form_data(request)
    draft.pop("csrf_token", None)
    context = await _found(request, slug, draft.get("title", ""), draft.get("body", ""))
    if wants_fragment(request):
        return page(request, PARTIAL, context)
    full = await campaign_context(request, slug, form=draft)
    full["chosen_tags"] = await form_list(request, "tags")
    return page(request, "pages/campaigns/campaign.html", {**full, **context})


ROUTES = [
    Route("/c/{campaign:campaign_slug}/similar", similar, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/similar", check_draft, methods=["POST"]),
]
