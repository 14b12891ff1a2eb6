"""Moving campaigns through their phases: on schedule or by a manager's hand, exactly once,
with what follows a move (the audit log, the live page, the feed, followers, badges)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cocreate.lib.errors import Forbidden, Invalid
from cocreate.models import Activity, AuditEvent, Award, CampaignPhase, Notification
from cocreate.services.badges import badges
from cocreate.services.campaigns import campaigns, lifecycle
from cocreate.services.campaigns.campaigns import CampaignSettings
from cocreate.services.conversation import follows
from cocreate.services.core import events
from cocreate.services.voting import voting
from tests.domain.core.story_core import recorded
from tests.domain.sharing.story_sharing import fundraiser
from tests.domain.story import idea, launch, person, run_jobs_named

HOUR = timedelta(hours=1)


async def test_only_managers_move_a_campaign_and_only_to_a_phase_of_its_kind(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    gifts = await fundraiser(manager)

    with pytest.raises(Forbidden):
        await lifecycle.move_by_hand(fan, campaign, CampaignPhase.VOTING)
    for kind_of, phase, message in [
            (campaign, CampaignPhase.CLOSED, "Use one of: draft, open, voting, judging, results, "
                                             "archived."),
            (gifts, CampaignPhase.VOTING, "Use one of: draft, open, closed, archived."),
            (campaign, CampaignPhase.OPEN, "Choose another phase.")]:
        with pytest.raises(Invalid) as refused:
            await lifecycle.move_by_hand(manager, kind_of, phase)
        assert refused.value.fields == {"phase": message}

    moved = await lifecycle.move_by_hand(manager, gifts, CampaignPhase.CLOSED)
    assert (moved.before, moved.after) == (CampaignPhase.OPEN, CampaignPhase.CLOSED)


async def test_a_move_to_voting_is_logged_shown_live_and_told_to_followers(deps):
    manager, follower = await person("Manager"), await person("Follower")
    campaign = await launch(manager, "Next big flavour")
    await follows.follow_campaign(follower, campaign.slug)

    async with deps.realtime.subscribe(f"campaign:{campaign.slug}") as page:
        await lifecycle.move_by_hand(manager, campaign, CampaignPhase.VOTING, deps.realtime)
        assert page.queue.get_nowait() == {"event": "phase", "phase": "voting"}

    assert await AuditEvent.filter(action="campaign.phase").values_list("summary", flat=True) \
        == ["“Next big flavour” moved from open for entries to voting by hand"]
    assert await Activity.filter(kind="phase").values_list("text", flat=True) == [
        "“Next big flavour” moved to voting"]
    assert await recorded(events.BADGES_JOB) == []  # voting has not closed
    await run_jobs_named(deps, events.PHASE_FOLLOWERS_JOB)
    assert await Notification.filter(user=follower, kind="phase").values_list(
        "text", flat=True) == ["“Next big flavour” moved to voting."]


async def test_closing_the_vote_makes_finalists_of_the_entries_people_voted_for(deps):
    manager = await person("Manager")
    campaign = await launch(manager, vote_in_open=True)
    voted = await idea(deps, await person("Ana"), campaign, "Voted")
    await idea(deps, await person("Ben"), campaign, "Unvoted")
    await voting.cast(deps, await person("Fan"), voted.id)

    await lifecycle.move_by_hand(manager, campaign, CampaignPhase.JUDGING)
    await run_jobs_named(deps, events.BADGES_JOB)

    assert await Award.filter(badge=badges.FINALIST).values_list("entry_id", flat=True) == [
        voted.id]
    assert not await Activity.exists(kind="phase")  # judging is not news for the feeds


async def test_the_schedule_moves_a_campaign_once_to_the_furthest_phase_due(deps):
    manager = await person("Manager")
    now = datetime.now(UTC)
    campaign = await launch(manager, dates={"closes_at": now + HOUR,
                                            "voting_ends_at": now + 2 * HOUR,
                                            "results_at": now + 5 * HOUR})

    assert await lifecycle.advance_due(now + HOUR / 2) == []
    [change] = await lifecycle.advance_due(now + 3 * HOUR)
    assert await lifecycle.advance_due(now + 3 * HOUR) == []

    assert (change.before, change.after) == (CampaignPhase.OPEN, CampaignPhase.JUDGING)
    moved = await campaigns.get_campaign(campaign.slug)
    assert (moved.phase, moved.next_phase_at) == (CampaignPhase.JUDGING, now + 5 * HOUR)
    [event] = await AuditEvent.filter(action="campaign.phase")
    assert event.actor_id is None and event.summary.endswith("to judging on schedule")


async def test_a_draft_opens_on_its_date(deps):
    manager, fan = await person("Manager"), await person("Fan")
    opens = datetime.now(UTC) + HOUR
    draft = await launch(manager, dates={"opens_at": opens})
    assert draft.phase == CampaignPhase.DRAFT

    await lifecycle.advance_due(opens)

    assert (await campaigns.view_campaign(fan, draft.slug)).phase == CampaignPhase.OPEN


async def test_a_phase_moved_back_by_hand_is_not_undone_by_a_date_that_had_passed(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    await lifecycle.move_by_hand(manager, campaign, CampaignPhase.VOTING)
    voting_now = await campaigns.update_campaign(manager, campaign.slug, CampaignSettings(
        dates={"closes_at": datetime.now(UTC) - HOUR}))  # voting started an hour ago

    reopened = await lifecycle.move_by_hand(manager, voting_now, CampaignPhase.OPEN)
    assert await lifecycle.advance_due(datetime.now(UTC) + HOUR) == []

    assert reopened.after == CampaignPhase.OPEN
    assert (await campaigns.get_campaign(campaign.slug)).phase == CampaignPhase.OPEN


async def test_a_date_not_yet_reached_must_lie_ahead_and_dates_follow_the_phases(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    now = datetime.now(UTC)

    for dates, problem in [
            ({"closes_at": now - HOUR},
             {"closes_at": "Choose a time in the future (or move the phase by hand)."}),
            ({"closes_at": now + 2 * HOUR, "voting_ends_at": now + HOUR},
             {"voting_ends_at": "Judging can't start before voting."})]:
        with pytest.raises(Invalid) as refused:
            await campaigns.update_campaign(manager, campaign.slug,
                                            CampaignSettings(dates=dates))
        assert refused.value.fields == problem

    opened_later = await campaigns.update_campaign(manager, campaign.slug, CampaignSettings(
        dates={"opens_at": now - HOUR}))  # open already: its own date may lie behind
    assert opened_later.opens_at == now - HOUR and opened_later.phase == CampaignPhase.OPEN
