"""Tags on pages: the gallery's filters and each card's tags (the entry page's come from its
read model, read_models/entry.py), and the managers' curation page (create, rename, approve
or reject suggestions, merge, delete). Every form posts plainly; htmx swaps the panel it
belongs to."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import deps, require_user, wants_fragment
from cocreate.lib import urls
from cocreate.lib.errors import Invalid
from cocreate.services.campaigns import campaigns
from cocreate.services.tags import tag_curation, tags
from cocreate.web.common import after_post, form_data, page
from cocreate.web.forms import Form, form_action

if TYPE_CHECKING:
    from cocreate.models import Campaign, Entry, User

ACTIONS = {"approve": tag_curation.approve, "reject": tag_curation.reject,
           "delete": tag_curation.delete}


async def gallery_context(viewer: User | None, campaign: Campaign, shown: list[Entry],
                          tag: str | None) -> dict[str, Any]:
    """The gallery's tag filters and each card's tags."""
    manager = await campaigns.can_manage(viewer, campaign)
    return {"tag": tag, "gallery_tags": await tags.approved(campaign),
            "tags_by_entry": await tags.for_entries(viewer, shown, manager=manager)}


# The managers' curation page ---------------------------------------------------------------

async def _curation_context(user: User, slug: str, **extra: Any) -> dict[str, Any]:
    campaign, found = await tag_curation.all_tags(user, slug)
    return {"campaign": campaign, "org": campaign.org, "tags": found, "form": {},
            "max_per_entry": tags.MAX_PER_ENTRY, **extra}


async def _panel(request: Request, user: User, slug: str, anchor: str = "",
                 **extra: Any) -> Response:
    if wants_fragment(request):
        return page(request, "pages/tags/tags.html", await _curation_context(user, slug, **extra),
                    block="tags_panel")
    return after_post(request, urls.tags_path(slug) + anchor)


async def curation_page(request: Request) -> Response:
    user = require_user(request)
    context = await _curation_context(user, request.path_params["campaign"])
    return page(request, "pages/tags/tags.html", context)


async def _new_tag_form(request: Request, sent: dict[str, str]) -> Form:
    context = await _curation_context(require_user(request), request.path_params["campaign"],
                                      form=sent)
    return Form("pages/tags/tags.html", context, "tags_panel")


async def _tag_form(request: Request, sent: dict[str, str]) -> Form:
    """One tag's row, as sent."""
    context = await _curation_context(require_user(request), request.path_params["campaign"],
                                      editing=request.path_params["tag"], edit_form=sent)
    return Form("pages/tags/tags.html", context, "tags_panel")


@form_action(_new_tag_form)
async def create_tag(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    await tag_curation.create(deps(request), user, slug, submitted.get("name"),
                              submitted.get("color"))
    return await _panel(request, user, slug, saved="Tag added.")


@form_action(_tag_form)
async def tag_action(request: Request) -> Response:
    """Approve, reject, rename (and recolour), merge or delete one tag."""
    user = require_user(request)
    slug, tag_slug = request.path_params["campaign"], request.path_params["tag"]
    submitted = await form_data(request)
    action = submitted.get("action") or ""
    d = deps(request)
    if action in ACTIONS:
        await ACTIONS[action](d, user, slug, tag_slug)
    elif action == "rename":
        await tag_curation.update(d, user, slug, tag_slug, submitted.get("name"),
                                  submitted.get("color"))
    elif action == "merge":
        await tag_curation.merge(d, user, slug, tag_slug, submitted.get("into"))
    else:
        raise Invalid("Unknown action.", {"action": "Approve, reject, rename, merge or delete."})
    return await _panel(request, user, slug, saved="Saved.")


ROUTES = [
    Route("/c/{campaign:campaign_slug}/tags", curation_page, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/tags", create_tag, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/tags/{tag:tag_slug}", tag_action, methods=["POST"]),
]
