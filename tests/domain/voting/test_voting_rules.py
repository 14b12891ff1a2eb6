"""One vote per person per entry, never for your own entry, never past your budget: the
voting rules, told on the service itself."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Forbidden
from cocreate.models import Entry, Vote
from cocreate.services.voting import voting
from tests.domain.story import idea, launch, person


async def test_a_fan_who_votes_twice_is_counted_once(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    campaign = await launch(manager)
    entry = await idea(deps, author, campaign)

    assert await voting.cast(deps, fan, entry.id) == 1
    assert await voting.cast(deps, fan, entry.id) == 1  # the second vote changes nothing

    assert await Vote.filter(entry=entry, user=fan).count() == 1
    assert (await Entry.get(id=entry.id)).vote_count == 1


async def test_nobody_votes_for_their_own_entry(deps):
    manager, author = await person("Manager"), await person("Author")
    entry = await idea(deps, author, await launch(manager))

    with pytest.raises(Forbidden, match="can't vote for your own entry"):
        await voting.cast(deps, author, entry.id)

    assert not await Vote.exists(entry=entry)
    assert (await Entry.get(id=entry.id)).vote_count == 0


async def test_a_fan_with_two_votes_takes_one_back_to_vote_for_a_third_idea(deps):
    manager, fan = await person("Manager"), await person()
    campaign = await launch(manager, voting_mode="budget", vote_budget=2)
    first, second, third = [await idea(deps, await person(f"Author {n}"), campaign, f"Idea {n}")
                            for n in range(3)]
    await voting.cast(deps, fan, first.id)
    await voting.cast(deps, fan, second.id)
    assert await voting.votes_left(fan, campaign) == 0

    with pytest.raises(Forbidden, match="used all 2 of your votes"):
        await voting.cast(deps, fan, third.id)
    assert (await Entry.get(id=third.id)).vote_count == 0

    await voting.withdraw(deps, fan, first.id)
    assert await voting.cast(deps, fan, third.id) == 1
    assert await voting.votes_left(fan, campaign) == 0
    assert [e.vote_count for e in await Entry.filter(campaign=campaign).order_by("title")] == [
        0, 1, 1]
