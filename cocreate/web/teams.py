"""Team pages: forming a team from the campaign page, the team's own page with the captain's
controls, and the invite link that lets friends join."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, deps, require_user
from cocreate.lib import urls
from cocreate.lib.errors import Invalid
from cocreate.services.entries import teams
from cocreate.web.campaigns import campaign_context
from cocreate.web.common import after_post, form_data, login_first, page, redirect
from cocreate.web.forms import Form, form_action

if TYPE_CHECKING:
    from cocreate.models import Team

async def team_context(request: Request, team: Team, **extra: Any) -> dict[str, Any]:
    viewer = current_user(request)
    people = await teams.members(team)
    is_member = viewer is not None and any(p.id == viewer.id for p in people)
    return {
        "team": team, "campaign": team.campaign, "org": team.campaign.org, "members": people,
        "is_member": is_member, "is_captain": viewer is not None and viewer.id == team.captain_id,
        "requests": await teams.pending_requests(team),
        "entry": await teams.team_entry(team),
        "invite_url": deps(request).settings.absolute_url(urls.team_invite_path(team.invite_code)),
        "viewer_team": await teams.team_of(viewer, team.campaign), "message": None, **extra,
    }


async def team_page(request: Request) -> Response:
    team = await teams.get_team(request.path_params["team"])
    return page(request, "pages/entries/team.html", await team_context(request, team))


async def _new_team_form(request: Request, sent: dict[str, str]) -> Form:
    context = await campaign_context(request, request.path_params["campaign"], team_form=sent)
    return Form("pages/campaigns/campaign.html", context, "team_panel")


@form_action(_new_team_form)
async def create_team(request: Request) -> Response:
    slug = request.path_params["campaign"]
    user = current_user(request)
    if user is None:
        return login_first(request, urls.campaign_path(slug))
    submitted = await form_data(request)
    team = await teams.create_team(user, slug, submitted.get("name"))
    return after_post(request, urls.team_path(team.id))


async def _team_form(request: Request, sent: dict[str, str]) -> Form:
    team = await teams.get_team(request.path_params["team"])
    return Form("pages/entries/team.html", await team_context(request, team), "team_body")


@form_action(_team_form)
async def team_action(request: Request) -> Response:
    """The buttons on a team page: ask to join, answer a request, remove, make captain,
    leave, new invite link."""
    user = require_user(request)
    team_id = request.path_params["team"]
    submitted = await form_data(request)
    action = submitted.get("action")
    if action == "request":
        await teams.request_to_join(user, team_id)
    elif action in ("accept", "decline"):
        await teams.answer_request(user, team_id, submitted.get("request_id") or "",
                                   accept=action == "accept")
    elif action == "remove":
        await teams.remove_member(user, team_id, submitted.get("handle") or "")
    elif action == "leave":
        await teams.remove_member(user, team_id, user.handle)
    elif action == "captain":
        await teams.transfer_captaincy(user, team_id, submitted.get("handle") or "")
    elif action == "invite":
        await teams.new_invite_code(user, team_id)
    else:
        raise Invalid("Unknown action.")
    return after_post(request, urls.team_path(team_id))


async def invite_page(request: Request) -> Response:
    code = request.path_params["code"]
    team = await teams.by_invite_code(code)
    return page(request, "pages/entries/team_invite.html",
                {**await team_context(request, team), "code": code})


async def _invite_form(request: Request, sent: dict[str, str]) -> Form:
    code = request.path_params["code"]
    found = await teams.by_invite_code(code)  # NotFound if the link changed meanwhile
    context = {**await team_context(request, found), "code": code}
    return Form("pages/entries/team_invite.html", context, "invite_body")


@form_action(_invite_form)
async def accept_invite(request: Request) -> Response:
    code = request.path_params["code"]
    user = current_user(request)
    if user is None:
        return login_first(request, urls.team_invite_path(code))
    team = await teams.join_with_code(user, code)
    return redirect(urls.team_path(team.id))


ROUTES = [
    Route("/c/{campaign:campaign_slug}/teams", create_team, methods=["POST"]),
    Route("/t/{team:id}", team_page, methods=["GET"]),
    Route("/t/{team:id}", team_action, methods=["POST"]),
    Route("/join/{code:invite_code}", invite_page, methods=["GET"]),
    Route("/join/{code:invite_code}", accept_invite, methods=["POST"]),
]
