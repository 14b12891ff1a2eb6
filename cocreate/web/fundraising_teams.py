"""Teams of fundraisers in the browser: the team page (members and their totals, join and
leave, the captain's changes), starting or joining a team from your fundraising page, and
the leaderboard."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, deps, require_user
from cocreate.lib import money, urls
from cocreate.lib.errors import Conflict, Invalid
from cocreate.services.campaigns import campaigns, fundraisers
from cocreate.services.fundraising import fundraising_pages, fundraising_teams
from cocreate.web.common import after_post, form_data, page
from cocreate.web.forms import Form, form_action
from cocreate.web.fundraising_pages import page_context, share

if TYPE_CHECKING:
    from cocreate.models import Campaign, FundraisingTeam, User

LEADERBOARD_SIZE = 5  # on the fundraiser's own page
FULL_LEADERBOARD = 50


async def leaderboard_context(campaign: Campaign, limit: int = LEADERBOARD_SIZE
                              ) -> dict[str, Any]:
    """Top pages and teams, read off their denormalized totals."""
    return {"top_pages": await fundraising_pages.top_pages(campaign, limit=limit),
            "top_teams": await fundraising_teams.top_teams(campaign, limit=limit)}


async def peer_context(viewer: User | None, campaign: Campaign) -> dict[str, Any]:
    """What the fundraiser's own page shows of fans' pages: the viewer's, and the leaders."""
    return {"my_page": await fundraising_pages.page_of(viewer, campaign),
            **await leaderboard_context(campaign)}


async def _team_context(request: Request, team: FundraisingTeam,
                        **extra: Any) -> dict[str, Any]:
    viewer = current_user(request)
    campaign = team.campaign
    path = fundraising_teams.path_of(team)
    text = f"Join {team.name} and raise money for {campaign.org.name} with us"
    return {
        "campaign": campaign, "org": campaign.org, "team": team,
        "progress": await fundraisers.current_progress(campaign),
        "members": await fundraising_teams.members(team),
        "my_page": await fundraising_pages.page_of(viewer, campaign),
        "share": await share(request, viewer, path, text), **extra,
    }


async def show(request: Request) -> Response:
    team = await fundraising_teams.view_team(current_user(request),
                                             request.path_params["campaign"],
                                             request.path_params["team"])
    return page(request, "pages/fundraising/fundraising_team.html",
                await _team_context(request, team))


def _goal(typed: str | None, currency: str) -> int | None:
    """A team's goal, typed in major units of the fundraiser's currency."""
    goal = (typed or "").strip()
    try:
        return money.parse_major(goal, currency) if goal else None
    except ValueError as error:
        raise Invalid("Please correct the goal.", {"goal": str(error)}) from error


async def _start_form(request: Request, sent: dict[str, str]) -> Form:
    """The team panel of your fundraising page, where the form is."""
    user = require_user(request)
    slug = request.path_params["campaign"]
    mine = await fundraising_pages.page_of(user, await campaigns.view_campaign(user, slug))
    if mine is None:  # no page, no team form: what the service says, as an error page
        raise Conflict("Start your own fundraising page first; then your page joins the team.")
    found = await fundraising_pages.view_page(user, slug, mine.slug)
    context = {**await page_context(request, found), "team_form": sent}
    return Form("pages/fundraising/fundraising_page.html", context, "team_panel")


@form_action(_start_form)
async def start_or_join(request: Request) -> Response:
    """From your fundraising page: start a team (a name) or join one (picked from a list)."""
    user = require_user(request)
    slug = request.path_params["campaign"]
    submitted = await form_data(request)
    if submitted.get("team"):
        team = await fundraising_teams.join(deps(request), user, slug, submitted["team"])
    else:
        progress = await fundraisers.current_progress(await campaigns.view_campaign(user, slug))
        team = await fundraising_teams.create_team(
            deps(request), user, slug, submitted.get("name"),
            _goal(submitted.get("goal"), progress.currency), submitted.get("story"))
    return after_post(request, fundraising_teams.path_of(team))


async def _team_form(request: Request, block: str, **kept: Any) -> Form:
    team = await fundraising_teams.view_team(current_user(request),
                                             request.path_params["campaign"],
                                             request.path_params["team"])
    return Form("pages/fundraising/fundraising_team.html",
                await _team_context(request, team, **kept),
                block)


async def _membership_form(request: Request, sent: dict[str, str]) -> Form:
    return await _team_form(request, "membership")


async def _team_edit_form(request: Request, sent: dict[str, str]) -> Form:
    return await _team_form(request, "team_edit", team_form=sent)


@form_action(_membership_form)
async def join_or_leave(request: Request) -> Response:
    user = require_user(request)
    slug, team_slug = request.path_params["campaign"], request.path_params["team"]
    if request.url.path.endswith("/leave"):
        await fundraising_teams.leave(deps(request), user, slug, team_slug)
    else:
        await fundraising_teams.join(deps(request), user, slug, team_slug)
    return after_post(request, urls.fundraising_team_path(slug, team_slug))


@form_action(_team_edit_form)
async def edit(request: Request) -> Response:
    """The captain changes the team's name, goal and story."""
    user = require_user(request)
    slug, team_slug = request.path_params["campaign"], request.path_params["team"]
    submitted = await form_data(request)
    team = await fundraising_teams.view_team(user, slug, team_slug)
    currency = (await fundraisers.current_progress(team.campaign)).currency
    await fundraising_teams.edit_team(deps(request), user, slug, team_slug,
                                      submitted.get("name"), _goal(submitted.get("goal"), currency),
                                      submitted.get("story"))
    return after_post(request, urls.fundraising_team_path(slug, team_slug))


async def leaderboard(request: Request) -> Response:
    campaign = await campaigns.view_campaign(current_user(request),
                                             request.path_params["campaign"])
    await fundraisers.of(campaign)
    return page(request, "pages/fundraising/fundraising_leaderboard.html", {
        "campaign": campaign, "org": campaign.org,
        "progress": await fundraisers.current_progress(campaign),
        **await leaderboard_context(campaign, FULL_LEADERBOARD)})


ROUTES = [
    Route("/c/{campaign:campaign_slug}/leaderboard", leaderboard, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/fundraising-teams", start_or_join, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/t/{team:team_slug}", show, methods=["GET"]),
    Route("/c/{campaign:campaign_slug}/t/{team:team_slug}/join", join_or_leave, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/t/{team:team_slug}/leave", join_or_leave, methods=["POST"]),
    Route("/c/{campaign:campaign_slug}/t/{team:team_slug}/edit", edit, methods=["POST"]),
]
