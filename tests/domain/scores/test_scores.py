"""Contributor rankings: the votes people received, per campaign and per organization, moved
with each vote; a team entry's votes count for every member, also one who joins later."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cocreate.lib.errors import NotFound
from cocreate.services.campaigns import campaigns
from cocreate.services.campaigns.campaigns import CampaignSettings
from cocreate.services.entries import entries, teams
from cocreate.services.scores import scores
from cocreate.services.voting import voting
from tests.domain.story import idea, launch, launch_kind, person


def _table(ranking: list[scores.Ranked]) -> list[tuple[int, str, int]]:
    return [(row.rank, row.user.display_name, row.votes) for row in ranking]


async def _votes(deps, entry, count: int) -> None:
    for n in range(count):
        await voting.cast(deps, await person(f"Fan {n}"), entry.id)


async def test_people_are_ranked_by_the_votes_they_received_and_equals_share_a_rank(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    made = {}
    for name, count in [("Ana", 3), ("Ben", 1), ("Cara", 1), ("Dan", 0), ("Eve", 0)]:
        made[name] = await idea(deps, await person(name), campaign, f"{name}'s idea")
        await _votes(deps, made[name], count)
    await voting.cast(deps, await person("Late fan"), made["Eve"].id)
    await voting.withdraw(deps, await person("Nobody"), made["Eve"].id)  # had not voted

    assert _table(await scores.campaign_ranking(None, campaign.slug)) == [
        (1, "Ana", 3), (2, "Ben", 1), (2, "Cara", 1), (2, "Eve", 1)]
    assert _table(await scores.campaign_ranking(None, campaign.slug, limit=1)) == [
        (1, "Ana", 3)]


async def test_a_vote_taken_back_is_taken_off_the_rankings(deps):
    manager, ana, fan = await person("Manager"), await person("Ana"), await person("Fan")
    campaign = await launch(manager)
    entry = await idea(deps, ana, campaign)
    await voting.cast(deps, fan, entry.id)

    await voting.withdraw(deps, fan, entry.id)

    assert await scores.campaign_ranking(None, campaign.slug) == []
    assert await scores.org_ranking(campaign.org.slug) == []


async def test_an_organizations_ranking_adds_up_its_campaigns(deps):
    manager, ana, ben = await person("Manager"), await person("Ana"), await person("Ben")
    first = await launch(manager, "First")
    second = await campaigns.create_campaign(manager, first.org.slug, "idea", CampaignSettings(
        title="Second", description="More."))
    await _votes(deps, await idea(deps, ana, first), 2)
    await _votes(deps, await idea(deps, ana, second), 2)
    await _votes(deps, await idea(deps, ben, second, "Ben's"), 3)
    await _votes(deps, await idea(deps, ben, await launch(await person("Other"))), 5)

    assert _table(await scores.org_ranking(first.org.slug)) == [(1, "Ana", 4), (2, "Ben", 3)]


async def test_a_team_entrys_votes_count_for_every_member_while_they_are_in_it(deps):
    manager, ana, ben, cara = (await person("Manager"), await person("Ana"),
                               await person("Ben"), await person("Cara"))
    campaign = await launch_kind(manager, "team")
    team = await teams.create_team(ana, campaign.slug, "The Mangoes")
    await teams.join_with_code(ben, team.invite_code)
    entry = await entries.submit(deps, ana, campaign.slug, "Mango float", "", accept_rules=True)
    await _votes(deps, entry, 2)

    await teams.join_with_code(cara, team.invite_code)  # joins later: the votes count for her
    await teams.remove_member(ana, team.id, ben.handle)  # leaves: they no longer do

    assert _table(await scores.campaign_ranking(None, campaign.slug)) == [
        (1, "Ana", 2), (1, "Cara", 2)]


async def test_a_drafts_ranking_is_for_its_managers_only(deps):
    manager, fan = await person("Manager"), await person("Fan")
    draft = await launch(manager, dates={"opens_at": datetime.now(UTC) + timedelta(days=1)})

    with pytest.raises(NotFound):
        await scores.campaign_ranking(fan, draft.slug)
    assert await scores.campaign_ranking(manager, draft.slug) == []
