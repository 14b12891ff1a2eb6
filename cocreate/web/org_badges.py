"""An organization's own badges: creating them and giving them to people by hand."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, require_user
from cocreate.services.campaigns import campaigns
from cocreate.services.orgs import orgs
from cocreate.services.recognition import org_badges
from cocreate.web.common import after_post, form_data, page
from cocreate.web.forms import Form, form_action

TEMPLATE = "pages/recognition/org_badges.html"


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


async def _badge_form(request: Request, sent: dict[str, str]) -> Form:
    return Form(TEMPLATE, await _context(request, request.path_params["org"], badge_form=sent),
                "badge_form")


@form_action(_badge_form)
async def create(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["org"]
    submitted = await form_data(request)
    await org_badges.create_badge(user, slug, submitted.get("name"),
                                  submitted.get("description"),
                                  submitted.get("artwork_media_id"))
    return after_post(request, f"/o/{slug}/badges")


async def _give_form(request: Request, sent: dict[str, str]) -> Form:
    context = await _context(request, request.path_params["org"], give_form=sent,
                             give_badge=request.path_params["badge"])
    return Form(TEMPLATE, context, "badge_list")


@form_action(_give_form)
async def give(request: Request) -> Response:
    """A handle nobody has is shown on the form (404), like a badge already given (409)."""
    user = require_user(request)
    slug = request.path_params["org"]
    submitted = await form_data(request)
    award = await org_badges.give(user, slug, request.path_params["badge"],
                                  submitted.get("handle"), submitted.get("campaign"),
                                  submitted.get("note"))
    return after_post(request, f"/o/{slug}/badges?given={award.id}")


ROUTES = [
    Route("/o/{org:org_slug}/badges", badges_page, methods=["GET"]),
    Route("/o/{org:org_slug}/badges", create, methods=["POST"]),
    Route("/o/{org:org_slug}/badges/{badge:id}/give", give, methods=["POST"]),
]
