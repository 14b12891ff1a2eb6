"""Organizations: starting one, its page with its campaigns, and adding managers."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, require_user, wants_fragment
from cocreate.lib import urls
from cocreate.services.campaigns import campaigns
from cocreate.services.orgs import orgs
from cocreate.services.scores import scores
from cocreate.web.common import after_post, form_data, page, redirect
from cocreate.web.forms import Form, FormView, form_action

ORG_FORM_DEFAULTS = {"kind": "brand", "color": orgs.DEFAULT_COLOR}


async def my_orgs(request: Request) -> Response:
    user = require_user(request)
    return page(request, "pages/orgs/orgs.html", {"orgs": await orgs.managed_orgs(user)})


async def new_org_page(request: Request) -> Response:
    require_user(request)
    return page(request, "pages/orgs/org_new.html", {"form": ORG_FORM_DEFAULTS})


async def _new_org_form(request: Request, sent: dict[str, str]) -> Form:
    return Form("pages/orgs/org_new.html", {"form": {**ORG_FORM_DEFAULTS, **sent}}, "form")


@form_action(_new_org_form)
async def create_org(request: Request) -> Response:
    user = require_user(request)
    submitted = await form_data(request)
    org = await orgs.create_org(user, submitted.get("name"), submitted.get("kind"),
                                submitted.get("slug"), submitted.get("color"))
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
    return page(request, "pages/orgs/org.html", context)


def _org_form(block: str) -> FormView:
    """A form of the organization's page as sent (kept under the block's name)."""
    async def view(request: Request, sent: dict[str, str]) -> Form:
        context = {**await _org_context(request, request.path_params["org"]), block: sent}
        return Form("pages/orgs/org.html", context, block)

    return view


@form_action(_org_form("member_form"))
async def add_member(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["org"]
    submitted = await form_data(request)
    membership = await orgs.add_member(user, slug, submitted.get("email"),
                                       submitted.get("role") or "manager")
    if wants_fragment(request):
        context = {**await _org_context(request, slug), "added": membership.user,
                   "added_role": membership.role}
        return page(request, "pages/orgs/org.html", context, block="member_form")
    return after_post(request, urls.org_path(slug))


@form_action(_org_form("brand_form"))
async def update_brand(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["org"]
    submitted = await form_data(request)
    await orgs.update_org(user, slug, submitted.get("name"), submitted.get("color"),
                          submitted.get("logo_media_id"),
                          clear_logo=submitted.get("clear_logo") == "1")
    return after_post(request, urls.org_path(slug) + "?saved=1")


ROUTES = [
    Route("/orgs", my_orgs, methods=["GET"]),
    Route("/orgs/new", new_org_page, methods=["GET"]),
    Route("/orgs/new", create_org, methods=["POST"]),
    Route("/o/{org:org_slug}", org_page, methods=["GET"]),
    Route("/o/{org:org_slug}/members", add_member, methods=["POST"]),
    Route("/o/{org:org_slug}/settings", update_brand, methods=["POST"]),
]
