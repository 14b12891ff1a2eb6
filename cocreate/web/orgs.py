"""Organizations: starting one, its page with its campaigns, and adding managers."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, require_user, wants_fragment
from cocreate.lib import urls
from cocreate.lib.errors import Conflict, Invalid
from cocreate.services.campaigns import campaigns
from cocreate.services.orgs import orgs
from cocreate.services.scores import scores
from cocreate.web.common import after_post, form_data, form_failed, page, redirect

ORG_FORM_DEFAULTS = {"kind": "brand", "color": orgs.DEFAULT_COLOR}


async def my_orgs(request: Request) -> Response:
    user = require_user(request)
    return page(request, "pages/orgs.html", {"orgs": await orgs.managed_orgs(user)})


async def new_org_page(request: Request) -> Response:
    require_user(request)
    return page(request, "pages/org_new.html", {"form": ORG_FORM_DEFAULTS})


async def create_org(request: Request) -> Response:
    user = require_user(request)
    submitted = await form_data(request)
    try:
        org = await orgs.create_org(user, submitted.get("name"), submitted.get("kind"),
                                    submitted.get("slug"), submitted.get("color"))
    except (Invalid, Conflict) as error:
        context = {"form": {**ORG_FORM_DEFAULTS, **submitted}}
        return form_failed(request, "pages/org_new.html", context, error, "form")
    return redirect(urls.org_path(org.slug))


async def _org_context(request: Request, slug: str) -> dict:
    org = await orgs.get_org(slug)
    return {
        "org": org,
        "role": await orgs.role_of(current_user(request), org),
        "campaigns": await campaigns.org_campaigns(current_user(request), slug),
        "member_form": {}, "power_users": await scores.org_ranking(slug, limit=10),
        "brand_saved": request.query_params.get("saved") == "1",
    }


async def org_page(request: Request) -> Response:
    context = await _org_context(request, request.path_params["org"])
    return page(request, "pages/org.html", context)


async def add_member(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["org"]
    submitted = await form_data(request)
    try:
        membership = await orgs.add_member(user, slug, submitted.get("email"),
                                           submitted.get("role") or "manager")
    except Invalid as error:
        context = {**await _org_context(request, slug), "member_form": submitted}
        return form_failed(request, "pages/org.html", context, error, "member_form")
    if wants_fragment(request):
        context = {**await _org_context(request, slug), "added": membership.user,
                   "added_role": membership.role}
        return page(request, "pages/org.html", context, block="member_form")
    return after_post(request, urls.org_path(slug))


async def update_brand(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["org"]
    submitted = await form_data(request)
    try:
        await orgs.update_org(user, slug, submitted.get("name"), submitted.get("color"),
                              submitted.get("logo_media_id"),
                              clear_logo=submitted.get("clear_logo") == "1")
    except Invalid as error:
        context = {**await _org_context(request, slug), "brand_form": submitted}
        return form_failed(request, "pages/org.html", context, error, "brand_form")
    return after_post(request, urls.org_path(slug) + "?saved=1")


ROUTES = [
    Route("/orgs", my_orgs, methods=["GET"]),
    Route("/orgs/new", new_org_page, methods=["GET"]),
    Route("/orgs/new", create_org, methods=["POST"]),
    Route("/o/{org}", org_page, methods=["GET"]),
    Route("/o/{org}/members", add_member, methods=["POST"]),
    Route("/o/{org}/settings", update_brand, methods=["POST"]),
]
