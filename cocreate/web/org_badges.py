"""An organization's own badges: creating them and giving them to people by hand."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, require_user
from cocreate.lib.errors import Conflict, Invalid, NotFound
from cocreate.services.campaigns import campaigns
from cocreate.services.orgs import orgs
from cocreate.services.recognition import org_badges
from cocreate.web.common import after_post, form_data, form_failed, page

TEMPLATE = "pages/org_badges.html"


async def _context(request: Request, slug: str, **extra: object) -> dict[str, object]:
    org = await orgs.get_org(slug)
    user = require_user(request)
    await orgs.require_manager(user, org)
    own = await campaigns.org_campaigns(current_user(request), slug)
    return {"org": org, "badges": await org_badges.list_badges(slug),
            "campaign_options": [(c.slug, c.title) for c in own],
            "badge_form": {}, "give_form": {}, "errors": {}, **extra}


async def badges_page(request: Request) -> Response:
    slug = request.path_params["org"]
    given = request.query_params.get("given")
    return page(request, TEMPLATE, await _context(request, slug, given=given))


async def create(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["org"]
    submitted = await form_data(request)
    try:
        await org_badges.create_badge(user, slug, submitted.get("name"),
                                      submitted.get("description"),
                                      submitted.get("artwork_media_id"))
    except (Invalid, Conflict) as error:
        context = await _context(request, slug, badge_form=submitted)
        return form_failed(request, TEMPLATE, context, error, "badge_form")
    return after_post(request, f"/o/{slug}/badges")


async def give(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["org"]
    submitted = await form_data(request)
    try:
        award = await org_badges.give(user, slug, request.path_params["badge"],
                                      submitted.get("handle"), submitted.get("campaign"),
                                      submitted.get("note"))
    except (Invalid, Conflict, NotFound) as error:
        context = await _context(request, slug, give_form=submitted,
                                 give_badge=request.path_params["badge"])
        return form_failed(request, TEMPLATE, context, error, "badge_list")
    return after_post(request, f"/o/{slug}/badges?given={award.id}")


ROUTES = [
    Route("/o/{org}/badges", badges_page, methods=["GET"]),
    Route("/o/{org}/badges", create, methods=["POST"]),
    Route("/o/{org}/badges/{badge}/give", give, methods=["POST"]),
]
