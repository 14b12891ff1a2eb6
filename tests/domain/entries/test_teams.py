"""Team challenges: a team forms by invite link or request while the campaign takes entries,
never past the campaign's size, one team per person; it submits once, when big enough, and
every member earns what the entry earns."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.models import Award, Team, TeamMember
from cocreate.services.campaigns import lifecycle
from cocreate.services.entries import teams
from cocreate.services.operations import reconcile
from tests.domain.entries.story_entries import team_with
from tests.domain.story import idea, launch, launch_kind, person


async def test_a_team_submits_once_it_is_big_enough_and_only_once(deps):
    manager, captain, mate = await person("Manager"), await person("Captain"), await person()
    campaign = await launch_kind(manager, "team", team_min_size=2, team_max_size=3)

    with pytest.raises(Forbidden, match="create or join a team first"):
        await idea(deps, captain, campaign)
    team = await teams.create_team(captain, campaign.slug, "Night owls")
    with pytest.raises(Forbidden, match="Night owls needs 1 more member"):
        await idea(deps, captain, campaign)

    await teams.join_with_code(mate, team.invite_code)
    entry = await idea(deps, mate, campaign, "Owl lamp")
    assert entry.team_id == team.id
    with pytest.raises(Conflict, match="Night owls has already submitted its entry"):
        await idea(deps, captain, campaign, "Second try")


async def test_every_member_earns_the_team_entrys_badges_even_one_who_joins_later(deps):
    manager, captain, mate, late = [await person(n) for n in ("Manager", "Cap", "Mate", "Late")]
    campaign = await launch_kind(manager, "team", team_min_size=2, team_max_size=5)
    team = await team_with(captain, campaign, mate)
    entry = await idea(deps, captain, campaign, "Owl lamp")

    await teams.join_with_code(late, team.invite_code)

    for member in (captain, mate, late):
        badges = await Award.filter(user=member, campaign=campaign).values_list("badge",
                                                                              flat=True)
        assert sorted(badges) == ["contributor", "team-player"], member.display_name
        assert await Award.filter(user=member, entry_id=entry.id).count() == 2


async def test_a_team_never_grows_past_the_campaigns_size_and_a_person_joins_one_team(deps):
    manager, captain, mate, third = [await person(n) for n in ("Manager", "Cap", "Mate", "3")]
    campaign = await launch_kind(manager, "team", team_min_size=1, team_max_size=2)
    team = await team_with(captain, campaign, mate)
    other = await teams.create_team(third, campaign.slug, "Early birds")

    with pytest.raises(Conflict, match=r"Crew is full \(2 members\)"):
        await teams.join_with_code(third, team.invite_code)
    with pytest.raises(Conflict, match="already in a team for this campaign"):
        await teams.join_with_code(mate, other.invite_code)
    with pytest.raises(Conflict, match="Another team has that name"):
        await teams.create_team(await person(), campaign.slug, "Crew")

    assert (await Team.get(id=team.id)).member_count == 2
    assert await TeamMember.filter(campaign_id=campaign.id).count() == 3
    assert await reconcile.find_differences() == []


async def test_a_new_invite_link_replaces_the_old_one(deps):
    manager, captain, mate = await person("Manager"), await person("Captain"), await person()
    campaign = await launch_kind(manager, "team")
    team = await teams.create_team(captain, campaign.slug, "Crew")

    with pytest.raises(Forbidden, match="Only the team's captain"):
        await teams.new_invite_code(mate, team.id)
    renewed = await teams.new_invite_code(captain, team.id)

    with pytest.raises(NotFound, match="not valid"):
        await teams.join_with_code(mate, team.invite_code)
    assert (await teams.join_with_code(mate, renewed.invite_code)).member_count == 2


async def test_the_captain_answers_requests_and_a_declined_fan_cannot_ask_again(deps):
    manager, captain, keen, pushy = [await person(n) for n in ("M", "Cap", "Keen", "Pushy")]
    campaign = await launch_kind(manager, "team")
    team = await teams.create_team(captain, campaign.slug, "Crew")
    welcome = await teams.request_to_join(keen, team.id)
    unwelcome = await teams.request_to_join(pushy, team.id)

    with pytest.raises(Forbidden):
        await teams.answer_request(keen, team.id, welcome.id, accept=True)
    await teams.answer_request(captain, team.id, welcome.id, accept=True)
    await teams.answer_request(captain, team.id, unwelcome.id, accept=False)

    assert await teams.members(team) == [captain, keen]
    assert await teams.pending_requests(team) == []
    with pytest.raises(Conflict, match="The captain declined your request"):
        await teams.request_to_join(pushy, team.id)
    with pytest.raises(NotFound, match="no such request waiting"):
        await teams.answer_request(captain, team.id, unwelcome.id, accept=True)


async def test_members_leave_or_are_removed_by_the_captain_who_hands_over_before_leaving(deps):
    manager, captain, mate, third = [await person(n) for n in ("M", "Cap", "Mate", "Third")]
    campaign = await launch_kind(manager, "team")
    team = await team_with(captain, campaign, mate, third)

    with pytest.raises(Forbidden, match="Only the team's captain"):
        await teams.remove_member(mate, team.id, third.handle)
    with pytest.raises(Conflict, match="The captain can't leave"):
        await teams.remove_member(captain, team.id, captain.handle)
    await teams.remove_member(third, team.id, third.handle)  # leaves on their own
    with pytest.raises(Invalid) as outsider:
        await teams.transfer_captaincy(captain, team.id, third.handle)
    assert outsider.value.fields == {"handle": "Pick a team member."}

    await teams.transfer_captaincy(captain, team.id, mate.handle)
    after = await teams.remove_member(captain, team.id, captain.handle)
    assert (after.captain_id, after.member_count) == (mate.id, 1)
    assert await reconcile.find_differences() == []


async def test_teams_change_only_while_the_campaign_takes_entries(deps):
    manager, captain, mate = await person("Manager"), await person("Captain"), await person()
    campaign = await launch_kind(manager, "team")
    team = await teams.create_team(captain, campaign.slug, "Crew")
    await lifecycle.move_by_hand(manager, campaign, "voting")

    with pytest.raises(Forbidden, match="only form and change while the campaign takes"):
        await teams.join_with_code(mate, team.invite_code)
    with pytest.raises(Forbidden):
        await teams.create_team(mate, campaign.slug, "Latecomers")


async def test_an_idea_campaign_has_no_teams(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)

    with pytest.raises(Invalid, match="takes entries from individuals, not teams"):
        await teams.create_team(fan, campaign.slug, "Crew")
