"""API: fans' fundraising pages under a fundraiser, teams of them, and the leaderboards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from cocreate.api import fundraising_page_schemas as schemas
from cocreate.api import present
from cocreate.api.endpoint import Endpoint
from cocreate.api.fundraisers import supporter_out
from cocreate.http import current_user, deps
from cocreate.lib import money, urls
from cocreate.services.campaigns import campaigns, fundraisers
from cocreate.services.fundraising import fundraising_pages, fundraising_teams
from cocreate.services.media.media import media_urls

if TYPE_CHECKING:
    from cocreate.models import Campaign, FundraisingPage, FundraisingTeam, User


def page_out(request: Request, page: FundraisingPage, currency: str) -> schemas.PageOut:
    """`page` with its campaign, owner, photo and team loaded."""
    settings = deps(request).settings
    path = fundraising_pages.path_of(page)
    team = page.team
    return schemas.PageOut(
        id=page.id, slug=page.slug, url=settings.absolute_url(path),
        campaign=page.campaign.slug, title=page.title,
        owner=present.user(settings, page.owner), goal=page.goal, raised=page.raised,
        gift_count=page.gift_count, currency=currency,
        raised_display=money.format_money(page.raised, currency),
        goal_display=money.format_money(page.goal, currency),
        percent=page.raised * 100 // page.goal if page.goal else 0, story=page.story,
        story_html=page.story_html,
        photo_url=media_urls(deps(request).storage, page.photo)["url"],
        card_url=settings.absolute_url(f"{path}/card.png"),
        team=schemas.FundraisingTeamRef(
            slug=team.slug, name=team.name,
            url=settings.absolute_url(urls.fundraising_team_path(page.campaign.slug, team.slug)),
        ) if team else None,
        status=page.status, hidden_reason=page.hidden_reason, created_at=page.created_at,
    )


async def _detail(request: Request, page: FundraisingPage) -> schemas.PageDetailOut:
    currency = (await fundraisers.of(page.campaign)).currency
    settings = deps(request).settings
    return schemas.PageDetailOut(
        **page_out(request, page, currency).model_dump(),
        supporters=[supporter_out(settings, gift)
                    for gift in await fundraising_pages.supporters(page)])


def team_out(request: Request, team: FundraisingTeam, currency: str) -> schemas.FundraisingTeamOut:
    settings = deps(request).settings
    return schemas.FundraisingTeamOut(
        slug=team.slug, name=team.name, url=settings.absolute_url(
            urls.fundraising_team_path(team.campaign.slug, team.slug)),
        campaign=team.campaign.slug, captain=present.user(settings, team.captain),
        story_html=team.story_html, goal=team.goal, raised=team.raised,
        gift_count=team.gift_count, member_count=team.member_count, currency=currency,
        raised_display=money.format_money(team.raised, currency), created_at=team.created_at)


async def _fundraiser(request: Request, campaign: str) -> tuple[Campaign, str]:
    found = await campaigns.view_campaign(current_user(request), campaign)
    return found, (await fundraisers.of(found)).currency


def _pages(request: Request, found: Campaign, pages: list[FundraisingPage],
           currency: str) -> list[schemas.PageOut]:
    for page in pages:
        page.campaign = found
    return [page_out(request, page, currency) for page in pages]


def _teams(request: Request, found: Campaign, teams: list[FundraisingTeam],
           currency: str) -> list[schemas.FundraisingTeamOut]:
    for team in teams:
        team.campaign = found
    return [team_out(request, team, currency) for team in teams]


async def list_fundraising_pages(request: Request, campaign: str) -> schemas.PageList:
    found, currency = await _fundraiser(request, campaign)
    pages = await fundraising_pages.top_pages(found, limit=100)
    return schemas.PageList(pages=_pages(request, found, pages, currency))


async def create_fundraising_page(request: Request, user: User, campaign: str,
                      body: schemas.PageIn) -> schemas.PageDetailOut:
    page = await fundraising_pages.create_page(deps(request), user, campaign, body)
    return await _detail(request, page)


async def show_fundraising_page(request: Request, campaign: str,
                                page: str) -> schemas.PageDetailOut:
    found = await fundraising_pages.view_page(current_user(request), campaign, page)
    return await _detail(request, found)


async def edit_fundraising_page(request: Request, user: User, campaign: str, page: str,
                    body: schemas.PageEditIn) -> schemas.PageDetailOut:
    edited = await fundraising_pages.edit_page(deps(request), user, campaign, page, body)
    return await _detail(request, edited)


async def hide_fundraising_page(request: Request, user: User, campaign: str, page: str,
                    body: schemas.PageHideIn) -> schemas.PageDetailOut:
    hidden = await fundraising_pages.moderate(deps(request), user, campaign, page, True,
                                              body.reason)
    return await _detail(request, hidden)


async def show_fundraising_page_again(request: Request, user: User, campaign: str,
                          page: str) -> schemas.PageDetailOut:
    shown = await fundraising_pages.moderate(deps(request), user, campaign, page, False)
    return await _detail(request, shown)


async def list_fundraising_teams(request: Request, campaign: str) -> schemas.FundraisingTeamList:
    found, currency = await _fundraiser(request, campaign)
    teams = await fundraising_teams.open_teams(found)
    return schemas.FundraisingTeamList(teams=_teams(request, found, teams, currency))


async def _team_detail(request: Request, team: FundraisingTeam) -> schemas.FundraisingTeamDetailOut:
    currency = (await fundraisers.of(team.campaign)).currency
    members = await fundraising_teams.members(team)
    return schemas.FundraisingTeamDetailOut(
        **team_out(request, team, currency).model_dump(),
        members=_pages(request, team.campaign, members, currency))


async def create_fundraising_team(
        request: Request, user: User, campaign: str,
        body: schemas.FundraisingTeamIn) -> schemas.FundraisingTeamDetailOut:
    team = await fundraising_teams.create_team(deps(request), user, campaign, body.name,
                                               body.goal, body.story)
    return await _team_detail(request, team)


async def edit_fundraising_team(
        request: Request, user: User, campaign: str, team: str,
        body: schemas.FundraisingTeamIn) -> schemas.FundraisingTeamDetailOut:
    return await _team_detail(request, await fundraising_teams.edit_team(
        deps(request), user, campaign, team, body.name, body.goal, body.story))


async def show_fundraising_team(request: Request, campaign: str,
                                team: str) -> schemas.FundraisingTeamDetailOut:
    return await _team_detail(
        request, await fundraising_teams.view_team(current_user(request), campaign, team))


async def join_fundraising_team(request: Request, user: User, campaign: str,
                                team: str) -> schemas.FundraisingTeamDetailOut:
    return await _team_detail(
        request, await fundraising_teams.join(deps(request), user, campaign, team))


async def leave_fundraising_team(request: Request, user: User, campaign: str,
                                 team: str) -> schemas.PageDetailOut:
    left = await fundraising_teams.leave(deps(request), user, campaign, team)
    page = await fundraising_pages.page_of(user, left.campaign)
    assert page is not None
    return await show_fundraising_page(request, campaign, page.slug)


async def fundraising_leaderboard(request: Request, campaign: str) -> schemas.LeaderboardOut:
    found, currency = await _fundraiser(request, campaign)
    return schemas.LeaderboardOut(
        pages=_pages(request, found, await fundraising_pages.top_pages(found), currency),
        teams=_teams(request, found, await fundraising_teams.top_teams(found), currency))


PAGE = "/campaigns/{campaign:campaign_slug}/pages/{page:page_slug}"
TEAMS = "/campaigns/{campaign:campaign_slug}/fundraising-teams"

ENDPOINTS = [
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/pages", list_fundraising_pages,
             "Fans' fundraising pages under a fundraiser, by amount raised", schemas.PageList,
             auth=False, errors=(404,)),
    Endpoint("POST", "/campaigns/{campaign:campaign_slug}/pages", create_fundraising_page,
             "Start your own fundraising page (one per fundraiser, while it takes gifts), "
             "optionally starting or joining a team", schemas.PageDetailOut, status=201,
             body=schemas.PageIn, errors=(401, 403, 404, 409, 422, 429)),
    Endpoint("GET", PAGE, show_fundraising_page,
             "A fundraising page with its latest supporters", schemas.PageDetailOut,
             auth=False, errors=(404,)),
    Endpoint("PATCH", PAGE, edit_fundraising_page, "Edit your fundraising page",
             schemas.PageDetailOut, body=schemas.PageEditIn, errors=(401, 404, 422, 429)),
    Endpoint("POST", f"{PAGE}/hide", hide_fundraising_page,
             "Hide a fundraising page, with a reason (managers and moderators)",
             schemas.PageDetailOut, body=schemas.PageHideIn, errors=(401, 403, 404, 409, 422)),
    Endpoint("POST", f"{PAGE}/show", show_fundraising_page_again,
             "Show a hidden fundraising page again (managers and moderators)",
             schemas.PageDetailOut, errors=(401, 403, 404, 409)),
    Endpoint("GET", TEAMS, list_fundraising_teams, "A fundraiser's teams, by name",
             schemas.FundraisingTeamList, auth=False, errors=(404,)),
    Endpoint("POST", TEAMS, create_fundraising_team,
             "Start a team with your fundraising page in it; you become its captain",
             schemas.FundraisingTeamDetailOut, status=201, body=schemas.FundraisingTeamIn,
             errors=(401, 403, 404, 409, 422, 429)),
    Endpoint("GET", f"{TEAMS}/{{team:team_slug}}", show_fundraising_team,
             "A team of fundraisers with its members' totals", schemas.FundraisingTeamDetailOut,
             auth=False, errors=(404,)),
    Endpoint("PUT", f"{TEAMS}/{{team:team_slug}}", edit_fundraising_team,
             "The captain changes the team's name, goal and story (its address stays)",
             schemas.FundraisingTeamDetailOut, body=schemas.FundraisingTeamIn,
             errors=(401, 403, 404, 409, 422, 429)),
    Endpoint("POST", f"{TEAMS}/{{team:team_slug}}/join", join_fundraising_team,
             "Your fundraising page joins the team (leaving its team, its total with it)",
             schemas.FundraisingTeamDetailOut, errors=(401, 403, 404, 409, 429)),
    Endpoint("POST", f"{TEAMS}/{{team:team_slug}}/leave", leave_fundraising_team,
             "Your fundraising page leaves the team, its total with it",
             schemas.PageDetailOut, errors=(401, 403, 404, 409, 429)),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/fundraising-leaderboard",
             fundraising_leaderboard,
             "Top fundraisers and teams by amount raised", schemas.LeaderboardOut,
             auth=False, errors=(404,)),
]
