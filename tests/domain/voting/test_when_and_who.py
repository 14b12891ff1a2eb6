"""Who votes when: the public votes while a campaign is in voting (or already while it is open,
when the managers say so), never in jury mode, never for their team's entry nor for an entry
that is not public, and only with a confirmed email where the campaign asks for it. Taking a
vote back takes it out of every total. (One vote per person, own entries and budgets:
tests/domain/voting/test_voting_rules.py.)"""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Forbidden, NotFound
from cocreate.models import Entry, Vote
from cocreate.services.accounts import verification
from cocreate.services.campaigns import lifecycle
from cocreate.services.entries import teams
from cocreate.services.moderation import moderation
from cocreate.services.operations import reconcile
from cocreate.services.voting import voting
from tests.domain.story import idea, launch, launch_kind, person


async def test_votes_are_taken_in_voting_or_while_open_when_the_managers_say_so(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    campaign = await launch(manager, vote_in_open=False)
    entry = await idea(deps, author, campaign)

    with pytest.raises(Forbidden, match="Voting has not started yet"):
        await voting.cast(deps, fan, entry.id)
    await lifecycle.move_by_hand(manager, campaign, "voting")
    assert await voting.cast(deps, fan, entry.id) == 1
    await lifecycle.move_by_hand(manager, campaign, "results")
    with pytest.raises(Forbidden, match="Voting has closed"):
        await voting.withdraw(deps, fan, entry.id)

    early = await launch(manager, vote_in_open=True)
    assert await voting.cast(deps, fan, (await idea(deps, author, early)).id) == 1


async def test_a_jury_campaign_takes_no_public_votes(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager, voting_mode="jury"))

    with pytest.raises(Forbidden, match="judged by a jury, so it takes no public votes"):
        await voting.cast(deps, fan, entry.id)


async def test_team_members_do_not_vote_for_their_teams_entry(deps):
    manager, captain, mate = await person("Manager"), await person("Captain"), await person()
    campaign = await launch_kind(manager, "team", team_min_size=2, vote_in_open=True)
    team = await teams.create_team(captain, campaign.slug, "Crew")
    await teams.join_with_code(mate, team.invite_code)
    entry = await idea(deps, captain, campaign)

    with pytest.raises(Forbidden, match="can't vote for your own entry"):
        await voting.cast(deps, mate, entry.id)
    assert not await Vote.exists()

    # So the gallery shows them "Your entry" where others see a vote button.
    rival, rival_mate = await person("Rival"), await person("Rival mate")
    await teams.join_with_code(rival_mate, (await teams.create_team(rival, campaign.slug,
                                                                    "Owls")).invite_code)
    other = await idea(deps, rival, campaign, "Night market")
    shown = list(await Entry.filter(campaign=campaign))
    assert await voting.own_entry_ids(mate, shown) == {entry.id}
    assert await voting.own_entry_ids(captain, shown) == {entry.id}
    assert await voting.own_entry_ids(manager, shown) == set()
    assert await voting.own_entry_ids(None, shown) == set()
    assert await voting.is_own_entry(mate, entry) and not await voting.is_own_entry(mate, other)


async def test_an_entry_that_is_not_public_takes_no_votes(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    campaign = await launch(manager, moderation="pre")
    entry = await idea(deps, author, campaign)

    with pytest.raises(NotFound):
        await voting.cast(deps, fan, entry.id)
    with pytest.raises(Forbidden, match="not public, so it can't take votes"):
        await voting.cast(deps, manager, entry.id)  # the moderator sees it, but can't vote
    await moderation.act(deps, manager, entry.id, "approve")
    assert await voting.cast(deps, fan, entry.id) == 1


async def test_a_campaign_for_verified_voters_counts_confirmed_emails_only(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager, verified_voters=True))

    with pytest.raises(Forbidden, match="counts votes from verified accounts only"):
        await voting.cast(deps, fan, entry.id)
    link = verification.link_for(deps.settings, fan)  # the link mailed to them
    confirmed = await verification.verify(deps.settings, link.rsplit("/", 1)[1])
    assert await voting.cast(deps, confirmed, entry.id) == 1


async def test_a_vote_taken_back_leaves_every_total(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager))
    await voting.cast(deps, fan, entry.id)
    assert await voting.has_voted(fan, entry.id)

    assert await voting.withdraw(deps, fan, entry.id) == 0
    assert await voting.withdraw(deps, fan, entry.id) == 0  # twice changes nothing

    counted = await Entry.get(id=entry.id)
    assert (counted.vote_count, counted.trend) == (0, 0.0)
    assert not await voting.has_voted(fan, entry.id)
    assert await reconcile.find_differences() == []
