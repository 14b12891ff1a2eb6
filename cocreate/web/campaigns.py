"""Campaigns: launching one, its public page (phase, rules, prizes, winners, the entry form and
the gallery), and the manager's screen (settings, phases, prizes, winners)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, deps, require_user, wants_fragment
from cocreate.lib import urls
from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.models import User
from cocreate.services.campaigns import (
    campaigns,
    eligibility,
    fundraisers,
    lifecycle,
    phases,
    story_images,
)
from cocreate.services.conversation import follows
from cocreate.services.entries import entries, remix, teams
from cocreate.services.judging import jury, jury_views, prizes
from cocreate.services.moderation import moderation
from cocreate.services.orgs import orgs
from cocreate.services.scores import scores
from cocreate.services.tags import tags
from cocreate.services.voting import vote_review, voting
from cocreate.web import tags as tags_web
from cocreate.web.campaign_forms import (
    form_from_campaign,
    form_from_fundraiser,
    settings_from_form,
)
from cocreate.web.common import after_post, form_data, form_failed, page, redirect
from cocreate.web.follows import campaign_button
from cocreate.web.fundraisers import fundraiser_page

NEW_CAMPAIGN_DEFAULTS = {
    "kind": "idea", "vote_in_open": "1", "moderation": "post", "report_threshold": "3",
    "team_min_size": "2", "team_max_size": "5", "max_video_mb": "50", "voting_mode": "upvote",
    "currency": "EUR", "suggested_amounts": "10, 25, 50, 100", "match_percent": "100",
}


async def new_campaign_page(request: Request) -> Response:
    user = require_user(request)
    org = await orgs.get_org(request.path_params["org"])
    await orgs.require_manager(user, org)
    return page(request, "pages/campaign_new.html", {"org": org, "form": NEW_CAMPAIGN_DEFAULTS})


async def create_campaign(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["org"]
    submitted = await form_data(request)
    try:
        campaign = await campaigns.create_campaign(
            user, slug, submitted.get("kind") or "idea", settings_from_form(submitted),
            start_as_draft=submitted.get("start") == "draft",
        )
    except Invalid as error:
        context = {"org": await orgs.get_org(slug), "form": submitted}
        return form_failed(request, "pages/campaign_new.html", context, error, "form")
    return redirect(urls.campaign_path(campaign.slug))


def gallery_params(request: Request) -> tuple[str, str | None, str | None]:
    sort = request.query_params.get("sort", "top")
    return ((sort if sort in entries.SORTS else "top"),
            request.query_params.get("cursor") or None, request.query_params.get("tag") or None)


async def _participation(viewer: User | None, campaign: Any) -> dict[str, Any]:
    """What the entry form must ask this fan before they can take part."""
    if viewer is None:
        return {"needs_rules": eligibility.needs_rules(campaign), "missing": {}}
    return {
        "needs_rules": not await eligibility.has_accepted(viewer, campaign),
        "missing": eligibility.missing_details(viewer, campaign),
    }


async def _remix_context(viewer: User | None, campaign: Any) -> dict[str, Any]:
    """The kit, what a remix may credit, and the family tree (remix challenges only)."""
    if campaign.kind not in remix.KIT_KINDS:
        return {"kit": [], "remixable": [], "tree": []}
    return {
        "kit": await remix.kit(campaign),
        "remixable": await entries.leaderboard(campaign.slug, limit=50, viewer=viewer),
        "tree": await remix.family_tree(campaign),
    }


async def campaign_context(request: Request, slug: str, *, gallery: bool = True,
                           form: dict[str, str] | None = None,
                           team_form: dict[str, str] | None = None) -> dict[str, Any]:
    """Everything the campaign page shows; the gallery is skipped for form-only fragments."""
    viewer = current_user(request)
    campaign = await campaigns.view_campaign(viewer, slug)
    sort, cursor, tag = gallery_params(request)
    context: dict[str, Any] = {
        "campaign": campaign, "org": campaign.org, "sort": sort, "cursor": cursor,
        "form": form or {}, "entries": [], "next_cursor": None, "voted_ids": set(),
        "winner_ids": set(), "can_manage": await campaigns.can_manage(viewer, campaign),
        "phases": phases.phases_of(campaign)[1:], "countries": eligibility.country_choices(),
        **await _participation(viewer, campaign),
        "team_form": team_form or {}, "my_team": await teams.team_of(viewer, campaign),
        "is_judge": await jury.judge_of(viewer, campaign) is not None,
        "teams": await teams.campaign_teams(campaign) if campaign.kind == "team" else [],
        **await _remix_context(viewer, campaign),
        "follow": campaign_button(campaign, await follows.campaign_state(viewer, campaign)),
        "offered_tags": await tags.offered(viewer, campaign) if viewer else [],
        "tag": tag, "story": await story_images.story(deps(request).storage, campaign),
    }
    if gallery:
        found = await entries.list_entries(slug, sort, cursor, viewer=viewer, tag=tag)
        context.update(
            **await tags_web.gallery_context(viewer, campaign, found.entries, tag),
            entries=found.entries, next_cursor=found.next_cursor,
            voted_ids=await voting.voted_entry_ids(viewer, [e.id for e in found.entries]),
            winner_ids=await prizes.winning_entry_ids(campaign),
            prizes=await prizes.list_prizes(campaign),
            winners=await prizes.winners(None, campaign),
            top_ten=await entries.leaderboard(slug, limit=10, viewer=viewer),
            contributors=await scores.campaign_ranking(viewer, slug, limit=5),
            votes_left=await voting.votes_left(viewer, campaign),
            results_board=await jury_views.results_board(campaign),
        )
    return context


async def campaign_page(request: Request) -> Response:
    found = await campaigns.view_campaign(current_user(request), request.path_params["campaign"])
    if found.kind == fundraisers.KIND:
        return await fundraiser_page(request, found)
    context = await campaign_context(request, request.path_params["campaign"])
    block = None
    if wants_fragment(request):
        # "Load more" appends the next cards; a sort tab swaps the whole gallery.
        block = "entry_items" if context["cursor"] else "gallery"
    return page(request, "pages/campaign.html", context, block=block)


# The manager's screen ----------------------------------------------------------------------

async def manage_context(request: Request, slug: str, **extra: Any) -> dict[str, Any]:
    user = require_user(request)
    campaign = await campaigns.get_campaign(slug)
    await orgs.require_manager(user, campaign.org)
    fundraiser = campaign.kind == fundraisers.KIND  # no entries, so no winners to pick
    top = [] if fundraiser else await entries.leaderboard(slug, limit=30, viewer=user)
    form = form_from_campaign(campaign)
    if fundraiser:
        form.update(form_from_fundraiser(await fundraisers.of(campaign)))
    return {
        "campaign": campaign, "org": campaign.org, "form": form,
        "phases": phases.phases_of(campaign), "prizes": await prizes.list_prizes(campaign),
        "winners": await prizes.winners(user, campaign), "candidates": top,
        "queue_size": await moderation.queue_size(campaign),
        "held_votes": await vote_review.held_count(campaign), "kit": await remix.kit(campaign),
        "kit_form": {}, "story_images": await story_images.images(campaign),
        "story_form": {}, "story_snippet": story_images.snippet, **extra,
    }


async def manage_page(request: Request) -> Response:
    return page(request, "pages/campaign_manage.html",
                await manage_context(request, request.path_params["campaign"]))


async def update_settings(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    try:
        await campaigns.update_campaign(user, slug, settings_from_form(submitted))
    except Invalid as error:
        context = await manage_context(request, slug)
        context["form"] = submitted
        return form_failed(request, "pages/campaign_manage.html", context, error, "settings")
    if wants_fragment(request):
        context = await manage_context(request, slug, saved=True)
        return page(request, "pages/campaign_manage.html", context, block="settings")
    return redirect(urls.campaign_manage_path(slug) + "?saved=1")


async def move_phase(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    campaign = await campaigns.get_campaign(slug)
    try:
        await lifecycle.move_by_hand(user, campaign, submitted.get("phase"), deps(request).realtime)
    except Invalid as error:
        context = await manage_context(request, slug)
        return form_failed(request, "pages/campaign_manage.html", context, error, "phase")
    return after_post(request, urls.campaign_manage_path(slug))


async def save_prizes(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    wanted = []
    for rank in range(1, prizes.MAX_PRIZES + 1):
        title = (submitted.get(f"prize_{rank}_title") or "").strip()
        if title:
            wanted.append(prizes.PrizeIn(rank, title,
                                         submitted.get(f"prize_{rank}_description") or ""))
    try:
        await prizes.set_prizes(user, slug, wanted)
    except (Invalid, Conflict) as error:
        context = await manage_context(request, slug)
        return form_failed(request, "pages/campaign_manage.html", context, error, "prizes")
    return after_post(request, urls.campaign_manage_path(slug) + "#prizes")


async def pick_winner(request: Request) -> Response:
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    try:
        if submitted.get("remove"):
            await prizes.remove_winner(user, slug, submitted["remove"])
        else:
            await prizes.pick_winner(user, slug, submitted.get("prize_id") or "",
                                     submitted.get("entry_id") or "")
    except (Invalid, Conflict, Forbidden, NotFound) as error:
        context = await manage_context(request, slug)
        return form_failed(request, "pages/campaign_manage.html", context, error, "winners")
    return after_post(request, urls.campaign_manage_path(slug) + "#winners")


async def kit_action(request: Request) -> Response:
    """Add an uploaded file to the remix kit, or remove one."""
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    try:
        if submitted.get("remove"):
            await remix.remove_kit_asset(user, slug, submitted["remove"])
        else:
            await remix.add_kit_asset(user, slug, submitted.get("kit_media_id"),
                                      submitted.get("title"), submitted.get("licence"))
    except (Invalid, Conflict, NotFound) as error:
        context = await manage_context(request, slug, kit_form=submitted)
        if "media_id" in error.fields:
            error.fields["kit_media_id"] = error.fields.pop("media_id")
        return form_failed(request, "pages/campaign_manage.html", context, error, "kit")
    return after_post(request, urls.campaign_manage_path(slug) + "#kit")


ROUTES = [
    Route("/o/{org}/campaigns/new", new_campaign_page, methods=["GET"]),
    Route("/o/{org}/campaigns/new", create_campaign, methods=["POST"]),
    Route("/c/{campaign}", campaign_page, methods=["GET"]),
    Route("/c/{campaign}/manage", manage_page, methods=["GET"]),
    Route("/c/{campaign}/manage", update_settings, methods=["POST"]),
    Route("/c/{campaign}/phase", move_phase, methods=["POST"]),
    Route("/c/{campaign}/prizes", save_prizes, methods=["POST"]),
    Route("/c/{campaign}/winners", pick_winner, methods=["POST"]),
    Route("/c/{campaign}/kit", kit_action, methods=["POST"]),
]
