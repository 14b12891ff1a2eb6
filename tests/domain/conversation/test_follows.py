"""Following people, campaigns and ideas: once each, never oneself, drafts only for those who
may see them; a campaign's followers hear when it moves to voting and to results."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Invalid, NotFound
from cocreate.models import Follow, Job
from cocreate.services.campaigns import lifecycle
from cocreate.services.conversation import follows
from cocreate.services.core import events
from tests.domain.conversation.story_conversation import told
from tests.domain.story import idea, launch, person, run_jobs_named


async def test_following_twice_is_following_once_and_nobody_follows_themselves(deps):
    fan, maker = await person("Fan"), await person("Maker")

    await follows.follow_user(fan, maker.handle)
    state = await follows.follow_user(fan, maker.handle)
    assert (state.following, state.followers) == (True, 1)
    with pytest.raises(Invalid) as refused:
        await follows.follow_user(maker, maker.handle)
    assert refused.value.fields == {"handle": "You can't follow yourself."}

    state = await follows.unfollow_user(fan, maker.handle)
    assert (state.following, state.followers) == (False, 0)
    assert await follows.followed_people(fan) == []


async def test_a_draft_is_followed_only_by_those_who_may_see_it(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    await follows.follow_campaign(fan, campaign.slug)
    await lifecycle.move_by_hand(manager, campaign, "draft")

    assert await follows.followed_campaigns(fan) == []  # back in draft: out of sight
    with pytest.raises(NotFound):
        await follows.follow_campaign(await person("Newcomer"), campaign.slug)
    assert (await follows.follow_campaign(manager, campaign.slug)).following
    state = await follows.unfollow_campaign(fan, campaign.slug)  # leaving is always possible
    assert (state.following, state.followers) == (False, 1)


async def test_an_idea_waiting_for_a_moderator_cannot_be_followed_by_others(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager, moderation="pre"))

    with pytest.raises(NotFound):
        await follows.follow_entry(fan, entry.id)
    assert (await follows.follow_entry(author, entry.id)).followers == 1


async def test_a_campaigns_followers_hear_once_when_voting_starts_and_when_results_are_out(
        deps):
    manager, fan, other = await person("Manager"), await person("Fan"), await person("Other")
    campaign = await launch(manager)
    await follows.follow_campaign(fan, campaign.slug)

    await lifecycle.move_by_hand(manager, campaign, "voting")
    assert await told(fan) == []  # the worker tells them
    await run_jobs_named(deps, events.PHASE_FOLLOWERS_JOB)
    assert await told(fan) == ["phase"]
    [job] = await Job.filter(name=events.PHASE_FOLLOWERS_JOB)
    await follows.tell_followers(**job.payload)  # run again: nobody hears twice
    assert await told(fan) == ["phase"]

    await lifecycle.move_by_hand(manager, campaign, "judging")  # not announced
    await lifecycle.move_by_hand(manager, campaign, "results")
    await run_jobs_named(deps, events.PHASE_FOLLOWERS_JOB)
    assert await told(fan) == ["phase", "phase"]
    assert await told(other) == []


async def test_a_merged_ideas_followers_follow_the_idea_it_went_into(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    kept, twin = [await idea(deps, await person(), campaign, t) for t in ("Kept", "Twin")]
    both, only_twin = await person("Both"), await person("Only twin")
    for fan in (both, only_twin):
        await follows.follow_entry(fan, twin.id)
    await follows.follow_entry(both, kept.id)

    await follows.entry_merged(twin.id, kept.id)

    assert sorted(await follows.entry_followers(kept.id)) == sorted([both.id, only_twin.id])
    assert not await Follow.exists(entry_id=twin.id)
