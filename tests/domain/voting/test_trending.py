"""Trending: each vote adds e^(hours since the campaign started / 24) to its entry, so a vote
counts e times more than one a day older, and equal votes rank the fresher entry first."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from cocreate.models import Entry
from cocreate.services.entries import entries
from cocreate.services.operations import reconcile
from cocreate.services.voting import trending, voting
from tests.domain.story import idea, launch, person


def test_a_vote_counts_e_times_more_than_one_cast_a_day_earlier():
    start = datetime(2027, 1, 1, tzinfo=UTC)

    assert trending.weight(start, start) == 1.0
    assert math.isclose(trending.weight(start + timedelta(days=3), start)
                        / trending.weight(start + timedelta(days=2), start), math.e)
    assert trending.weight(start - timedelta(hours=1), start) == 1.0  # never below the start


async def test_equal_votes_rank_the_entry_voted_for_later_first_and_the_sum_follows_votes(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    early, late = [await idea(deps, await person(), campaign, t) for t in ("Early", "Late")]
    voters = [await person(f"Voter {n}") for n in range(2)]
    for entry in (early, late):
        for voter in voters:
            await voting.cast(deps, voter, entry.id)

    ranked = await entries.list_entries(campaign.slug, "trending")
    assert [e.title for e in ranked.entries] == ["Late", "Early"]
    top = await entries.list_entries(campaign.slug, "top")
    assert [e.title for e in top.entries] == ["Early", "Late"]  # a tie: the earlier first

    await voting.withdraw(deps, voters[0], late.id)
    ranked = await entries.list_entries(campaign.slug, "trending")
    assert [e.title for e in ranked.entries] == ["Early", "Late"]
    assert (await Entry.get(id=early.id)).trend > 2.0
    assert await reconcile.find_differences() == []
