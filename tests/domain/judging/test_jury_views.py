"""Who sees the jury's work: each judge their own queue and scores, the managers everyone's
progress and a preview of the ranking, and everyone the results once they are out."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Forbidden
from cocreate.services.campaigns import lifecycle
from cocreate.services.entries import entries
from cocreate.services.judging import jury, jury_views
from cocreate.services.voting import voting
from tests.domain.judging.story_judging import judge, judged_campaign, scores
from tests.domain.story import idea, person


async def test_a_judge_sees_their_own_queue_without_their_own_entry(deps):
    manager = await person("Manager")
    campaign, ideas, criteria = await judged_campaign(deps, manager, "Table", "Kite")
    judge_ = await judge(manager, campaign)
    await lifecycle.move_by_hand(manager, campaign, "open")
    own = await idea(deps, judge_, campaign, "Judge's own")
    await lifecycle.move_by_hand(manager, campaign, "judging")
    await jury.score_entry(judge_, ideas[1].id, scores(criteria, 6, 9))

    queue = await jury_views.judge_queue(judge_, campaign.slug)

    assert own.id not in [item.entry.id for item in queue.items]
    assert [(item.entry.title, item.judge_score) for item in queue.items] == [
        ("Table", None), ("Kite", 7.0)]
    assert (queue.scored, queue.total, queue.open) == (1, 2, True)
    with pytest.raises(Forbidden, match="Only the judges of"):
        await jury_views.judge_queue(manager, campaign.slug)


async def test_the_managers_follow_every_judge_and_a_preview_of_the_ranking(deps):
    manager = await person("Manager")
    campaign, [table, kite], criteria = await judged_campaign(deps, manager, "Table", "Kite")
    busy, idle = await judge(manager, campaign, "Busy"), await judge(manager, campaign, "Idle")
    await jury.score_entry(busy, table.id, scores(criteria, 4, 4))
    await jury.score_entry(busy, kite.id, scores(criteria, 9, 9))

    overview = await jury_views.overview(manager, campaign.slug)

    assert [(p.judge.user_id, p.scored, p.total) for p in overview.judges] == [
        (busy.id, 2, 2), (idle.id, 0, 2)]
    assert [row.entry.title for row in overview.ranking] == ["Kite", "Table"]
    assert (overview.locked, overview.final) == (True, False)
    with pytest.raises(Forbidden, match="Only the campaign's judges and managers"):
        await jury_views.jury_view(await person("Fan"), campaign.slug)


async def test_scores_and_results_are_the_managers_until_the_results_are_out(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign, [table, kite], criteria = await judged_campaign(deps, manager, "Table", "Kite")
    await jury.score_entry(await judge(manager, campaign), table.id, scores(criteria, 10, 10))
    for voter in (fan, await person("Another fan")):  # the crowd prefers the kite
        await voting.cast(deps, voter, kite.id)
    await voting.cast(deps, fan, table.id)

    with pytest.raises(Forbidden, match="The results are not out yet"):
        await jury_views.campaign_results(fan, campaign.slug)
    assert await jury_views.entry_jury(fan, await entries.get_entry(table.id)) is None
    assert (await jury_views.entry_jury(manager, await entries.get_entry(table.id))).jury_score \
        == 10.0

    await lifecycle.move_by_hand(manager, campaign, "results")

    shown = await jury_views.campaign_results(fan, campaign.slug)
    assert shown.final
    # half is the jury's (10 points: 50), half the votes' (the most votes, 2: 50)
    assert [(row.entry.title, row.final_score) for row in shown.rows] == [
        ("Table", 75.0), ("Kite", 50.0)]
    assert [row.entry.title for row in await jury_views.results_board(campaign)] == [
        "Table", "Kite"]
