"""Campaigns: launching one, its public page (phase, rules, prizes, winners, the entry form and
the gallery), and the manager's screen (settings, phases, prizes, winners)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, deps, require_user, wants_fragment
from cocreate.lib import urls
from cocreate.read_models import campaign as campaign_rm
from cocreate.read_models import manage as manage_rm
from cocreate.services.campaigns import campaigns, fundraisers, lifecycle, story_images
from cocreate.services.entries import remix
from cocreate.services.judging import prizes
from cocreate.services.orgs import orgs
from cocreate.web.campaign_forms import (
    form_from_campaign,
    form_from_fundraiser,
    settings_from_form,
)
from cocreate.web.common import after_post, form_data, page, redirect
from cocreate.web.follows import campaign_button
from cocreate.web.forms import Form, FormView, form_action, renamed
from cocreate.web.fundraisers import fundraiser_context

if TYPE_CHECKING:
    from cocreate.models import Campaign, User

NEW_CAMPAIGN_DEFAULTS = {
    "kind": "idea", "vote_in_open": "1", "moderation": "post", "report_threshold": "3",
    "team_min_size": "2", "team_max_size": "5", "max_video_mb": "50", "voting_mode": "upvote",
    "currency": "EUR", "suggested_amounts": "10, 25, 50, 100", "match_percent": "100",
}


async def new_campaign_page(request: Request) -> Response:
    user = require_user(request)
    org = await orgs.get_org(request.path_params["org"])
    await orgs.require_manager(user, org)
    return page(request, "pages/campaigns/campaign_new.html",
                {"org": org, "form": NEW_CAMPAIGN_DEFAULTS})


async def _launch_form(request: Request, sent: dict[str, str]) -> Form:
    org = await orgs.get_org(request.path_params["org"])
    return Form("pages/campaigns/campaign_new.html", {"org": org, "form": sent}, "form")


@form_action(_launch_form)
async def create_campaign(request: Request) -> Response:
    user = require_user(request)
    submitted = await form_data(request)
    campaign = await campaigns.create_campaign(
        user, request.path_params["org"], submitted.get("kind") or "idea",
        settings_from_form(submitted), start_as_draft=submitted.get("start") == "draft",
    )
    if campaign.kind == remix.REMIX_KIND:  # what fans remix comes next: the kit
        return redirect(urls.campaign_manage_path(campaign.slug) + "#kit")
    return redirect(urls.campaign_path(campaign.slug))


# The campaign page ---------------------------------------------------------------------------

def gallery_query(request: Request) -> campaign_rm.GalleryQuery:
    params = request.query_params
    return campaign_rm.GalleryQuery.read(params.get("sort"), params.get("cursor"),
                                         params.get("tag"))


def _cards_context(cards: campaign_rm.EntryCards) -> dict[str, Any]:
    query = cards.query
    return {"sort": query.sort, "cursor": query.cursor, "tag": query.tag,
            "entries": cards.entries, "next_cursor": cards.next_cursor,
            "voted_ids": cards.voted_ids, "own_ids": cards.own_ids, "winner_ids": cards.winner_ids,
            "tags_by_entry": cards.tags_by_entry}


def _gallery_context(gallery: campaign_rm.Gallery) -> dict[str, Any]:
    return {**_cards_context(gallery.cards), "gallery_tags": gallery.tags,
            "top_ten": gallery.top_ten, "votes_left": gallery.votes_left}


def _take_part_context(take_part: campaign_rm.TakePart,
                       remix: campaign_rm.Remix) -> dict[str, Any]:
    """The entry form and the team panel (and the kit, the teams and the family tree)."""
    return {"needs_rules": take_part.needs_rules, "missing": take_part.missing,
            "countries": take_part.countries, "offered_tags": take_part.offered_tags,
            "my_team": take_part.my_team, "is_judge": take_part.is_judge,
            "teams": take_part.teams, "kit": remix.kit, "remixable": remix.remixable,
            "tree": remix.tree}


def page_context(found: campaign_rm.CampaignPage) -> dict[str, Any]:
    """The page of a campaign of entries as its template reads it."""
    board = found.board
    return {
        "campaign": found.campaign, "org": found.campaign.org, "can_manage": found.can_manage,
        "phases": found.phases, "story": found.story,
        "follow": campaign_button(found.campaign, found.follow),
        **_take_part_context(found.take_part, found.remix), **_gallery_context(found.gallery),
        "prizes": board.prizes, "winners": board.winners, "contributors": board.contributors,
        "results_board": board.results,
    }


async def campaign_context(request: Request, slug: str, *, gallery: bool = True,
                           form: dict[str, str] | None = None,
                           team_form: dict[str, str] | None = None) -> dict[str, Any]:
    """The page of an entry campaign, with what a form sent kept. Without the gallery, only
    the entry form and the team panel: what their htmx answers swap."""
    viewer = current_user(request)
    kept = {"form": form or {}, "team_form": team_form or {}}
    if not gallery:
        campaign = await campaign_rm.visible(viewer, slug)
        return {"campaign": campaign, "org": campaign.org, **kept, **_take_part_context(
            await campaign_rm.take_part(viewer, campaign),
            await campaign_rm.remix_part(viewer, campaign))}
    campaign = await campaign_rm.entry_campaign(viewer, slug)
    found = await campaign_rm.page_of(viewer, deps(request).storage, campaign,
                                      gallery_query(request))
    assert isinstance(found, campaign_rm.CampaignPage)  # entry_campaign refuses fundraisers
    return {**page_context(found), **kept}


async def _gallery_fragment(request: Request, campaign: Campaign) -> Response:
    """The gallery's htmx answers: "load more" appends the next cards, a sort tab or a tag
    swaps the whole gallery."""
    viewer = current_user(request)
    query = gallery_query(request)
    basics = {"campaign": campaign, "org": campaign.org}
    if query.cursor:
        cards = await campaign_rm.entry_cards(viewer, campaign, query)
        return page(request, "pages/campaigns/campaign.html", {**basics, **_cards_context(cards)},
                    block="entry_items")
    gallery = await campaign_rm.gallery(viewer, campaign, query)
    return page(request, "pages/campaigns/campaign.html", {**basics, **_gallery_context(gallery)},
                block="gallery")


async def campaign_page(request: Request) -> Response:
    viewer = current_user(request)
    campaign = await campaign_rm.visible(viewer, request.path_params["campaign"])
    if campaign.kind != fundraisers.KIND and wants_fragment(request):
        return await _gallery_fragment(request, campaign)
    found = await campaign_rm.page_of(viewer, deps(request).storage, campaign,
                                      gallery_query(request))
    if isinstance(found, campaign_rm.FundraiserPage):
        return page(request, "pages/fundraising/fundraiser.html",
                    fundraiser_context(request, found))
    context = {**page_context(found), "form": {}, "team_form": {}}
    return page(request, "pages/campaigns/campaign.html", context)


# The manager's screen ----------------------------------------------------------------------

def _settings_context(part: manage_rm.SettingsPart) -> dict[str, Any]:
    form = form_from_campaign(part.campaign)
    if part.fundraiser is not None:
        form.update(form_from_fundraiser(part.fundraiser))
    return {"form": form}


def _winners_context(part: manage_rm.WinnersPart) -> dict[str, Any]:
    return {"prizes": part.prizes, "winners": part.winners, "candidates": part.candidates}


async def manage_context(request: Request, slug: str, **extra: Any) -> dict[str, Any]:
    """The whole manage page; `extra` adds to it or replaces a part (a form as sent)."""
    found = await manage_rm.manage_page(require_user(request), slug)
    return {
        "campaign": found.campaign, "org": found.campaign.org,
        **_settings_context(found.settings), "phases": found.phases,
        **_winners_context(found.winners), "queue_size": found.queue_size,
        "held_votes": found.held_votes, "numbers": found.numbers, "kit": found.kit,
        "kit_form": {},
        "story_images": found.story_images, "story_form": {},
        "story_snippet": story_images.snippet, **extra,
    }


async def _part_context(user: User, campaign: Campaign, block: str) -> dict[str, Any]:
    if block == "settings":
        return _settings_context(await manage_rm.settings_part(campaign))
    if block == "phase":
        return {"phases": manage_rm.phase_part(campaign)}
    if block == "prizes":
        return {"prizes": await manage_rm.prizes_part(campaign)}
    if block == "winners":
        return _winners_context(await manage_rm.winners_part(user, campaign))
    return {"kit": await manage_rm.kit_part(campaign), "kit_form": {}}


async def _answer_context(request: Request, slug: str, block: str,
                          **extra: Any) -> dict[str, Any]:
    """What answers a form of the manage page: htmx swaps only its block, so only that part
    is computed; a plain form gets the whole page back."""
    if not wants_fragment(request):
        return await manage_context(request, slug, **extra)
    user = require_user(request)
    campaign = await manage_rm.managed(user, slug)
    return {"campaign": campaign, "org": campaign.org,
            **await _part_context(user, campaign, block), **extra}


async def manage_page(request: Request) -> Response:
    return page(request, "pages/campaigns/campaign_manage.html",
                await manage_context(request, request.path_params["campaign"]))


def _manage_form(block: str, kept: Callable[[dict[str, str]], dict[str, Any]] | None = None
                 ) -> FormView:
    """A form of the manage page as sent (`kept`: the context keys that keep what was typed)."""
    async def view(request: Request, sent: dict[str, str]) -> Form:
        context = await _answer_context(request, request.path_params["campaign"], block,
                                        **(kept(sent) if kept else {}))
        return Form("pages/campaigns/campaign_manage.html", context, block)

    return view


@form_action(_manage_form("settings", lambda sent: {"form": sent}))
async def update_settings(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    await campaigns.update_campaign(user, slug, settings_from_form(submitted))
    if wants_fragment(request):
        context = await _answer_context(request, slug, "settings", saved=True)
        return page(request, "pages/campaigns/campaign_manage.html", context, block="settings")
    return redirect(urls.campaign_manage_path(slug) + "?saved=1")


@form_action(_manage_form("phase"))
async def move_phase(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    campaign = await campaigns.get_campaign(slug)
    await lifecycle.move_by_hand(user, campaign, submitted.get("phase"), deps(request).realtime,
                                 confirmed=submitted.get("confirmed") == "yes")
    return after_post(request, urls.campaign_manage_path(slug))


def _prizes_from_form(submitted: dict[str, str]) -> list[prizes.PrizeIn]:
    """The rows with a title, by rank."""
    wanted = []
    for rank in range(1, prizes.MAX_PRIZES + 1):
        title = (submitted.get(f"prize_{rank}_title") or "").strip()
        if title:
            wanted.append(prizes.PrizeIn(rank, title,
                                         submitted.get(f"prize_{rank}_description") or ""))
    return wanted


def _prize_fields(messages: dict[str, str], sent: dict[str, str]) -> dict[str, str]:
    """prizes.<n>.title (the n-th prize sent) → prize_<rank>_title (the form's row)."""
    ranks = [prize.rank for prize in _prizes_from_form(sent)]
    named = {}
    for key, text in messages.items():
        if key.startswith("prizes."):
            _, index, part = key.split(".")
            key = f"prize_{ranks[int(index)]}_{part}"
        named[key] = text
    return named


@form_action(_manage_form("prizes", lambda sent: {"prizes_form": sent}), fields=_prize_fields)
async def save_prizes(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["campaign"]
    await prizes.set_prizes(user, slug, _prizes_from_form(await form_data(request)))
    return after_post(request, urls.campaign_manage_path(slug) + "#prizes")


@form_action(_manage_form("winners"))
async def pick_winner(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    if submitted.get("remove"):
        await prizes.remove_winner(user, slug, submitted["remove"])
    else:
        await prizes.pick_winner(user, slug, submitted.get("prize_id") or "",
                                 submitted.get("entry_id") or "")
    return after_post(request, urls.campaign_manage_path(slug) + "#winners")


@form_action(_manage_form("kit", lambda sent: {"kit_form": sent}),
             fields=renamed(media_id="kit_media_id"))
async def kit_action(request: Request) -> Response:
    """Add an uploaded file to the remix kit, or remove one."""
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    if submitted.get("remove"):
        await remix.remove_kit_asset(user, slug, submitted["remove"])
    else:
        await remix.add_kit_asset(user, slug, submitted.get("kit_media_id"),
                                  submitted.get("title"), submitted.get("licence"))
    return after_post(request, urls.campaign_manage_path(slug) + "#kit")


ROUTES = [
    Route("/o/{org:org_slug}/campaigns/new", new_campaign_page, methods=["GET"]),
    Route("/o/{org:org_slug}/campaigns/new", create_campaign, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}", campaign_page, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/manage", manage_page, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/manage", update_settings, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/phase", move_phase, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/prizes", save_prizes, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/winners", pick_winner, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/kit", kit_action, methods=["POST"]),
]
