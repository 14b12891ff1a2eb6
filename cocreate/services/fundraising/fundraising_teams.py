"""Teams of fundraisers: a fan starts one with their page (and is its captain), others join with
their page from the team's page or its shared link, and anyone may leave. A page is in at
most one team; its total follows it (services/fundraising/team_membership.py). Teams form and
change while the fundraiser takes gifts.
"""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from cocreate.lib import urls
from cocreate.lib.errors import Conflict, Forbidden, NotFound
from cocreate.lib.markdown import render_markdown
from cocreate.models import Campaign, FundraisingPage, FundraisingTeam, User
from cocreate.services.campaigns import campaigns, fundraisers, phases
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import FieldErrors
from cocreate.services.fundraising import fundraising_pages, team_membership


async def view_team(viewer: User | None, campaign_slug: str, slug: str) -> FundraisingTeam:
    """A team of a fundraiser `viewer` may see (campaign, its org and the captain loaded)."""
    campaign = await campaigns.view_campaign(viewer, campaign_slug)
    await fundraisers.of(campaign)
    team = await FundraisingTeam.get_or_none(campaign_id=campaign.id, slug=slug).select_related(
        "captain")
    if team is None:
        raise NotFound("There is no team at this address.")
    team.campaign = campaign
    return team


async def _own_page(actor: User, campaign: Campaign) -> FundraisingPage:
    page = await fundraising_pages.page_of(actor, campaign)
    if page is None:
        raise Conflict("Start your own fundraising page first; then your page joins the team.")
    return page


async def create_team(deps: Deps, actor: User, campaign_slug: str, name: str | None,
                      goal: int | None = None, story: str | None = None) -> FundraisingTeam:
    """The fan starts a team with their page in it (leaving the team it was in)."""
    campaign = await campaigns.view_campaign(actor, campaign_slug)
    await fundraisers.of(campaign)
    phases.require_gifts_open(campaign)
    page = await _own_page(actor, campaign)
    await deps.limiter.hit("submissions", actor.id)
    try:
        async with in_transaction():
            team = await team_membership.new_team(campaign, actor, name, goal, story,
                                                  FieldErrors())
            await _move_own(actor, page, team.id)
    except IntegrityError as error:
        raise Conflict("Another team just took that name.",
                       {"name": "Choose another name."}) from error
    return await view_team(actor, campaign_slug, team.slug)


async def edit_team(deps: Deps, actor: User, campaign_slug: str, slug: str,
                    name: str | None, goal: int | None, story: str | None) -> FundraisingTeam:
    """The captain changes the team's name, goal and story; its address stays the same, so
    links already shared keep working."""
    team = await view_team(actor, campaign_slug, slug)
    if team.captain_id != actor.id:
        raise Forbidden("Only the team's captain can change it.")
    phases.require_gifts_open(team.campaign)
    name, goal, story = await team_membership.checked(team.campaign, name, goal, story,
                                                      FieldErrors(), team_id=team.id)
    await deps.limiter.hit("submissions", actor.id)
    try:
        await FundraisingTeam.filter(id=team.id).update(
            name=name, goal=goal, story=story,
            story_html=render_markdown(story) if story else "")
    except IntegrityError as error:
        raise Conflict("Another team just took that name.",
                       {"name": "Choose another name."}) from error
    return await view_team(actor, campaign_slug, slug)


async def join(deps: Deps, actor: User, campaign_slug: str, slug: str) -> FundraisingTeam:
    """The fan's page joins the team (leaving the one it was in, its total with it)."""
    team = await view_team(actor, campaign_slug, slug)
    phases.require_gifts_open(team.campaign)
    page = await _own_page(actor, team.campaign)
    if page.team_id == team.id:
        return team
    await deps.limiter.hit("submissions", actor.id)
    try:
        async with in_transaction():
            await _move_own(actor, page, team.id)
    except IntegrityError as error:  # its captain closed it at this very moment
        raise NotFound("This team has just closed.") from error
    return await view_team(actor, campaign_slug, slug)


async def leave(deps: Deps, actor: User, campaign_slug: str, slug: str) -> FundraisingTeam:
    """The fan's page leaves the team, its total with it. A captain leaving last closes
    the team."""
    team = await view_team(actor, campaign_slug, slug)
    phases.require_gifts_open(team.campaign)
    page = await _own_page(actor, team.campaign)
    if page.team_id != team.id:
        raise Conflict("Your page is not in this team.")
    await deps.limiter.hit("submissions", actor.id)
    async with in_transaction():
        await _move_own(actor, page, None)
    return team


async def _move_own(actor: User, page: FundraisingPage, to_team_id: str | None) -> None:
    """Inside a transaction: the fan's page changes team. A captain stays while others
    are in their team; a captain leaving it empty closes it."""
    old_team_id = page.team_id
    if old_team_id is not None:
        captain = await FundraisingTeam.exists(id=old_team_id, captain_id=actor.id)
        if captain and await FundraisingPage.filter(team_id=old_team_id).exclude(
                id=page.id).exists():
            raise Conflict("You are the captain: your team keeps you while others are in it.")
    await team_membership.move(page, to_team_id)
    if old_team_id is not None:
        await FundraisingTeam.filter(id=old_team_id, captain_id=actor.id,
                                     member_count=0).delete()


async def members(team: FundraisingTeam) -> list[FundraisingPage]:
    """The team's visible pages by amount raised (the denormalized totals, indexed)."""
    return await fundraising_pages.top_pages(team.campaign, limit=200, team=team)


async def top_teams(campaign: Campaign, limit: int = 10) -> list[FundraisingTeam]:
    """Teams with members by amount raised, ties to the earlier team."""
    return (await FundraisingTeam.filter(campaign_id=campaign.id, member_count__gt=0)
            .select_related("captain").order_by("-raised", "created_at", "id").limit(limit))


async def open_teams(campaign: Campaign, limit: int = 100) -> list[FundraisingTeam]:
    """The teams a new page may join, by name."""
    return await FundraisingTeam.filter(campaign_id=campaign.id).select_related(
        "captain").order_by("name").limit(limit)


def path_of(team: FundraisingTeam) -> str:
    return urls.fundraising_team_path(team.campaign.slug, team.slug)
