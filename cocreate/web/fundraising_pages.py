"""Fans' own fundraising pages in the browser: the page (owner, photo, story, progress,
supporters, the give form and share links), starting and editing one, hiding one
(managers), and its share card image."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from cocreate.http import current_user, deps, require_user
from cocreate.lib import money, urls
from cocreate.lib.errors import Invalid, NotFound
from cocreate.services.campaigns import campaigns, fundraisers
from cocreate.services.core.validation import read
from cocreate.services.fundraising import fundraising_pages, fundraising_teams, gifts
from cocreate.services.fundraising.fundraising_pages import PageChanges, PageInput
from cocreate.services.influence import referrals
from cocreate.services.orgs import orgs
from cocreate.services.sharing import fundraiser_cards, page_cards
from cocreate.web.common import after_post, form_data, page, share_links
from cocreate.web.forms import Form, form_action
from cocreate.web.share_cards import to_card

if TYPE_CHECKING:
    from cocreate.models import Campaign, FundraisingPage, User


async def share(request: Request, viewer: User | None, path: str, text: str) -> dict[str, Any]:
    """A page's share links, carrying the sharer's referral code."""
    url = referrals.with_code(deps(request).settings.absolute_url(path),
                              await referrals.code_for(viewer) if viewer else None)
    return {"url": url, "links": share_links(url, text)}


async def page_context(request: Request, found: FundraisingPage,
                       form: dict[str, str] | None = None) -> dict[str, Any]:
    """Everything a fundraising page shows (`found` as view_page gives it)."""
    viewer = current_user(request)
    campaign = found.campaign
    progress = await fundraisers.current_progress(campaign)
    path = fundraising_pages.path_of(found)
    is_owner = viewer is not None and viewer.id == found.owner_id
    owner = found.owner.display_name
    text = (f"I'm raising money for {campaign.org.name}: help me reach my goal!" if is_owner
            else f"Help {owner} raise money for {campaign.org.name}")
    return {
        "campaign": campaign, "org": campaign.org, "fundraising_page": found, "form": form or {},
        "progress": progress, "give_page": found, "page_url": path,
        "supporters": await fundraising_pages.supporters(found),
        "public_name": gifts.public_name, "is_owner": is_owner,
        "my_gifts": [g for g in await gifts.my_gifts(viewer, campaign) if g.page_id == found.id],
        "can_moderate": await orgs.can_moderate(viewer, campaign.org),
        "cancelled": request.query_params.get("gift") == "cancelled",
        "share": await share(request, viewer, path, text) if found.status == "active" else None,
        "card_ready": bool(found.card_key),
        "share_image": deps(request).settings.absolute_url(f"{path}/card.png"),
        "team_choices": await team_choices(campaign) if is_owner else [],
    }


async def show(request: Request) -> Response:
    found = await fundraising_pages.view_page(current_user(request),
                                              request.path_params["campaign"],
                                              request.path_params["page"])
    return page(request, "pages/fundraising/fundraising_page.html",
                await page_context(request, found))


async def page_give_form(request: Request, campaign: Campaign, page_id: str,
                         sent: dict[str, str]) -> Form:
    """The give form of a fundraising page as sent (web/fundraisers.py takes the gift)."""
    found = await fundraising_pages.givable(campaign, page_id)
    found = await fundraising_pages.view_page(current_user(request), campaign.slug, found.slug)
    return Form("pages/fundraising/fundraising_page.html",
                await page_context(request, found, form=sent),
                "give_form")


async def team_choices(campaign: Campaign) -> list[tuple[str, str]]:
    return [(team.slug, team.name) for team in await fundraising_teams.open_teams(campaign)]


def _page_fields(submitted: dict[str, str], currency: str) -> dict[str, Any]:
    """What the form says, the goal read in the fundraiser's currency ("" removes the photo;
    no goal typed: none)."""
    typed = (submitted.get("goal") or "").strip()
    try:
        goal = money.parse_major(typed, currency) if typed else None
    except ValueError as error:
        raise Invalid("Please correct the goal.", {"goal": str(error)}) from error
    photo = ("" if submitted.get("clear_photo") == "1"
             else submitted.get("photo_media_id") or None)
    return {"title": submitted.get("title"), "goal": goal, "story": submitted.get("story", ""),
            "photo_media_id": photo}


def new_page_input(submitted: dict[str, str], currency: str) -> PageInput:
    """The form that starts a page: the page, and the team it starts or joins."""
    return read(PageInput, {**_page_fields(submitted, currency),
                            "team": submitted.get("team") or None,
                            "new_team": (submitted.get("new_team") or "").strip() or None})


async def _form_context(request: Request, campaign: Campaign, form: dict[str, str],
                        editing: FundraisingPage | None = None) -> dict[str, Any]:
    return {"campaign": campaign, "org": campaign.org, "form": form, "editing": editing,
            "progress": await fundraisers.current_progress(campaign),
            "team_choices": await team_choices(campaign)}


async def new_page(request: Request) -> Response:
    user = require_user(request)
    campaign = await campaigns.view_campaign(user, request.path_params["campaign"])
    mine = await fundraising_pages.page_of(user, campaign)
    if mine is not None:
        return RedirectResponse(urls.fundraising_page_path(campaign.slug, mine.slug), 303)
    form = {"title": fundraising_pages.default_title(user, campaign),
            "team": request.query_params.get("team", "")}
    return page(request, "pages/fundraising/fundraising_page_form.html",
                await _form_context(request, campaign, form))


async def _new_page_form(request: Request, sent: dict[str, str]) -> Form:
    campaign = await campaigns.view_campaign(require_user(request),
                                             request.path_params["campaign"])
    return Form("pages/fundraising/fundraising_page_form.html",
                await _form_context(request, campaign, sent), "form")


@form_action(_new_page_form)
async def create(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    campaign = await campaigns.view_campaign(user, slug)
    progress = await fundraisers.current_progress(campaign)
    made = await fundraising_pages.create_page(deps(request), user, slug,
                                               new_page_input(submitted, progress.currency))
    return after_post(request, fundraising_pages.path_of(made))


async def edit_form(request: Request) -> Response:
    user = require_user(request)
    found = await fundraising_pages.view_page(user, request.path_params["campaign"],
                                              request.path_params["page"])
    if found.owner_id != user.id:
        raise NotFound("There is no fundraising page of yours at this address.")
    progress = await fundraisers.current_progress(found.campaign)
    form = {"title": found.title, "goal": money.to_major(found.goal, progress.currency),
            "story": found.story}
    return page(request, "pages/fundraising/fundraising_page_form.html",
                await _form_context(request, found.campaign, form, found))


async def _edit_form(request: Request, sent: dict[str, str]) -> Form:
    found = await fundraising_pages.view_page(require_user(request),
                                              request.path_params["campaign"],
                                              request.path_params["page"])
    return Form("pages/fundraising/fundraising_page_form.html",
                await _form_context(request, found.campaign, sent, found), "form")


@form_action(_edit_form)
async def edit(request: Request) -> Response:
    user = require_user(request)
    slug, page_slug = request.path_params["campaign"], request.path_params["page"]
    submitted = await form_data(request)
    found = await fundraising_pages.view_page(user, slug, page_slug)
    progress = await fundraisers.current_progress(found.campaign)
    wanted = read(PageChanges, _page_fields(submitted, progress.currency))
    edited = await fundraising_pages.edit_page(deps(request), user, slug, page_slug, wanted)
    return after_post(request, fundraising_pages.path_of(edited))


async def _hide_form(request: Request, sent: dict[str, str]) -> Form:
    found = await fundraising_pages.view_page(require_user(request),
                                              request.path_params["campaign"],
                                              request.path_params["page"])
    context = {**await page_context(request, found), "hide_form": sent}
    return Form("pages/fundraising/fundraising_page.html", context, "moderation")


@form_action(_hide_form)
async def moderate(request: Request) -> Response:
    """A manager hides the page with a reason, or shows it again."""
    user = require_user(request)
    slug, page_slug = request.path_params["campaign"], request.path_params["page"]
    submitted = await form_data(request)
    hide = submitted.get("action", "hide") == "hide"
    done = await fundraising_pages.moderate(deps(request), user, slug, page_slug, hide,
                                            submitted.get("reason"))
    return after_post(request, fundraising_pages.path_of(done))


async def card(request: Request) -> Response:
    """The page's share card (its photo, else the fundraiser's card, until it is drawn)."""
    found = await fundraising_pages.view_page(None, request.path_params["campaign"],
                                              request.path_params["page"])
    return to_card(request, await page_cards.image_key(found) or await fundraiser_cards.image_key(
        await fundraisers.of(found.campaign), found.campaign.cover_id))


ROUTES = [
    Route("/c/{campaign:campaign_slug}/p/new", new_page, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/pages", create, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/p/{page:page_slug}", show, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/p/{page:page_slug}/edit", edit_form, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/p/{page:page_slug}/edit", edit, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/p/{page:page_slug}/hide", moderate, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/p/{page:page_slug}/card.png", card, methods=["GET"]),
]
