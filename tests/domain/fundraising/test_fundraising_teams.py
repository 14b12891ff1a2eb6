"""Fans raise money together: a team starts with its captain's page, others join with their
page, and a page's total follows it from team to team; a captain stays while others are in
the team and closes it by leaving last."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.models import FundraisingPage, FundraisingTeam
from cocreate.services.fundraising import fundraising_pages, fundraising_teams
from cocreate.services.fundraising.fundraising_pages import PageInput
from cocreate.services.operations import reconcile
from tests.domain.fundraising.story_fundraising import fundraiser, paid
from tests.domain.story import person


async def _team_totals(team: FundraisingTeam) -> tuple[int, int, int]:
    found = await FundraisingTeam.get(id=team.id)
    return found.raised, found.gift_count, found.member_count


async def test_a_pages_total_follows_it_from_team_to_team(deps):
    manager, captain, swimmer, donor = [await person(n) for n in ("M", "Cap", "Swim", "Donor")]
    campaign = await fundraiser(manager)
    await fundraising_pages.create_page(deps, captain, campaign.slug,
                                        PageInput(goal=10_000, new_team="River rats"))
    rats = await FundraisingTeam.get(campaign_id=campaign.id)
    page = await fundraising_pages.create_page(deps, swimmer, campaign.slug, PageInput(
        goal=5_000, team=rats.slug))
    await paid(deps, manager, donor, campaign, 3_000, page_id=page.id)
    assert await _team_totals(rats) == (3_000, 1, 2)

    otters = await fundraising_teams.create_team(deps, swimmer, campaign.slug, "Otters")

    assert await _team_totals(rats) == (0, 0, 1)
    assert await _team_totals(otters) == (3_000, 1, 1)
    assert otters.captain_id == swimmer.id
    await fundraising_teams.join(deps, swimmer, campaign.slug, rats.slug)
    assert not await FundraisingTeam.exists(id=otters.id)  # its captain left it empty
    assert await _team_totals(rats) == (3_000, 1, 2)
    assert await reconcile.find_differences() == []


async def test_a_captain_stays_while_others_are_in_the_team(deps):
    manager, captain, mate = await person("Manager"), await person("Cap"), await person("Mate")
    campaign = await fundraiser(manager)
    await fundraising_pages.create_page(deps, captain, campaign.slug,
                                        PageInput(goal=10_000, new_team="River rats"))
    team = await FundraisingTeam.get(campaign_id=campaign.id)
    await fundraising_pages.create_page(deps, mate, campaign.slug, PageInput(goal=1_000))
    await fundraising_teams.join(deps, mate, campaign.slug, team.slug)

    with pytest.raises(Conflict, match="your team keeps you while others are in it"):
        await fundraising_teams.leave(deps, captain, campaign.slug, team.slug)
    await fundraising_teams.leave(deps, mate, campaign.slug, team.slug)
    with pytest.raises(Conflict, match="Your page is not in this team"):
        await fundraising_teams.leave(deps, mate, campaign.slug, team.slug)
    await fundraising_teams.leave(deps, captain, campaign.slug, team.slug)

    assert not await FundraisingTeam.exists(id=team.id)
    assert await FundraisingPage.filter(team_id__isnull=False).count() == 0


async def test_a_team_needs_its_founders_page_and_a_name_of_its_own(deps):
    manager, fan, other = await person("Manager"), await person("Fan"), await person("Other")
    campaign = await fundraiser(manager)

    with pytest.raises(Conflict, match="Start your own fundraising page first"):
        await fundraising_teams.create_team(deps, fan, campaign.slug, "Otters")
    await fundraising_pages.create_page(deps, fan, campaign.slug, PageInput(goal=1_000))
    await fundraising_teams.create_team(deps, fan, campaign.slug, "Otters")
    await fundraising_pages.create_page(deps, other, campaign.slug, PageInput(goal=1_000))
    with pytest.raises(Invalid) as taken:
        await fundraising_teams.create_team(deps, other, campaign.slug, "Otters")
    assert taken.value.fields == {"name": "Another team has that name; choose another."}
    with pytest.raises(Invalid) as unknown:
        await fundraising_pages.create_page(deps, await person(), campaign.slug,
                                            PageInput(goal=1_000, team="beavers"))
    assert unknown.value.fields == {"team": "Choose one of this fundraiser's teams."}


async def test_only_the_captain_edits_the_team_and_its_address_stays(deps):
    manager, captain, mate = await person("Manager"), await person("Cap"), await person("Mate")
    campaign = await fundraiser(manager)
    await fundraising_pages.create_page(deps, captain, campaign.slug, PageInput(goal=1_000))
    team = await fundraising_teams.create_team(deps, captain, campaign.slug, "Otters")

    with pytest.raises(Forbidden, match="Only the team's captain"):
        await fundraising_teams.edit_team(deps, mate, campaign.slug, team.slug, "Beavers", 0, "")
    edited = await fundraising_teams.edit_team(deps, captain, campaign.slug, team.slug,
                                               "Sea otters", 20_000, "We **swim**.")

    assert (edited.name, edited.slug, edited.goal) == ("Sea otters", team.slug, 20_000)
    with pytest.raises(NotFound):
        await fundraising_teams.view_team(mate, campaign.slug, "sea-otters")
