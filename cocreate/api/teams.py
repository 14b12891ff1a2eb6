"""API: teams for team challenges."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from cocreate.api import present, schemas, team_schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import current_user, deps
from cocreate.lib import urls
from cocreate.services.campaigns import campaigns
from cocreate.services.entries import teams

if TYPE_CHECKING:
    from cocreate.models import Team, User


async def team_out(request: Request, team: Team) -> team_schemas.TeamOut:
    settings = deps(request).settings
    viewer = current_user(request)
    people = await teams.members(team)
    member = viewer is not None and any(person.id == viewer.id for person in people)
    captain = viewer is not None and viewer.id == team.captain_id
    entry = await teams.team_entry(team)
    return team_schemas.TeamOut(
        id=team.id, name=team.name, campaign=team.campaign.slug,
        captain=present.user(settings, team.captain),
        members=[present.user(settings, person) for person in people],
        member_count=team.member_count, min_size=team.campaign.team_min_size,
        max_size=team.campaign.team_max_size,
        can_submit=entry is None and team.member_count >= team.campaign.team_min_size,
        entry_id=entry.id if entry else None,
        invite_url=settings.absolute_url(urls.team_invite_path(team.invite_code))
        if member else None,
        requests=[
            team_schemas.JoinRequestOut(id=r.id, user=present.user(settings, r.user),
                                   status=r.status, created_at=r.created_at)
            for r in await teams.pending_requests(team)
        ] if captain else [],
        url=settings.absolute_url(urls.team_path(team.id)),
    )


async def create_team(request: Request, user: User, campaign: str,
                      body: team_schemas.TeamIn) -> team_schemas.TeamOut:
    return await team_out(request, await teams.create_team(user, campaign, body.name))


async def list_teams(request: Request, campaign: str) -> team_schemas.TeamList:
    found = await campaigns.view_campaign(current_user(request), campaign)
    listed = [await teams.get_team(t.id) for t in await teams.campaign_teams(found)]
    return team_schemas.TeamList(teams=[await team_out(request, t) for t in listed])


async def show_team(request: Request, team: str) -> team_schemas.TeamOut:
    return await team_out(request, await teams.get_team(team))


async def join_team(request: Request, user: User, body: team_schemas.JoinIn
                    ) -> team_schemas.TeamOut:
    return await team_out(request, await teams.join_with_code(user, body.code))


async def request_to_join(request: Request, user: User, team: str) -> team_schemas.JoinRequestOut:
    found = await teams.request_to_join(user, team)
    return team_schemas.JoinRequestOut(id=found.id, user=present.user(deps(request).settings, user),
                                  status=found.status, created_at=found.created_at)


async def answer_request(request: Request, user: User, team: str, join_request: str,
                         body: team_schemas.AnswerIn) -> team_schemas.TeamOut:
    return await team_out(request,
                          await teams.answer_request(user, team, join_request, body.accept))


async def remove_member(request: Request, user: User, team: str,
                        handle: str) -> team_schemas.TeamOut:
    return await team_out(request, await teams.remove_member(user, team, handle))


async def make_captain(request: Request, user: User, team: str,
                       body: schemas.HandleIn) -> team_schemas.TeamOut:
    return await team_out(request, await teams.transfer_captaincy(user, team, body.handle))


async def new_invite(request: Request, user: User, team: str) -> team_schemas.TeamOut:
    return await team_out(request, await teams.new_invite_code(user, team))


ENDPOINTS = [
    Endpoint("POST", "/campaigns/{campaign:campaign_slug}/teams", create_team,
             "Create a team for a team challenge; you become its captain", team_schemas.TeamOut,
             status=201, body=team_schemas.TeamIn, errors=(401, 403, 404, 409, 422)),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/teams", list_teams, "A campaign's teams",
             team_schemas.TeamList, auth=False, errors=(404,)),
    Endpoint("GET", "/teams/{team:id}", show_team, "One team", team_schemas.TeamOut, auth=False,
             errors=(404,)),
    Endpoint("POST", "/teams/join", join_team, "Join a team with its invite code",
             team_schemas.TeamOut, body=team_schemas.JoinIn, errors=(401, 403, 404, 409)),
    Endpoint("POST", "/teams/{team:id}/requests", request_to_join,
             "Ask to join a team; its captain answers", team_schemas.JoinRequestOut, status=201,
             errors=(401, 403, 404, 409)),
    Endpoint("POST", "/teams/{team:id}/requests/{join_request:id}", answer_request,
             "Accept or decline a request to join (captain only)", team_schemas.TeamOut,
             body=team_schemas.AnswerIn, errors=(401, 403, 404, 409)),
    Endpoint("DELETE", "/teams/{team:id}/members/{handle:handle}", remove_member,
             "Remove a member (captain), or leave the team (yourself)", team_schemas.TeamOut,
             errors=(401, 403, 404, 409)),
    Endpoint("POST", "/teams/{team:id}/captain", make_captain,
             "Hand the captaincy to another member (captain only)", team_schemas.TeamOut,
             body=schemas.HandleIn, errors=(401, 403, 404, 422)),
    Endpoint("POST", "/teams/{team:id}/invite", new_invite,
             "Make a new invite link; the old one stops working (captain only)",
             team_schemas.TeamOut, errors=(401, 403, 404)),
]
