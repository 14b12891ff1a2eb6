"""The jury: managers set the criteria (fixed from the first score) and name the judges; a
judge scores every criterion of an entry from 1 to 10, never their own entry; an entry's jury
score is the mean over its judges of their weighted means, kept equal to the score rows."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid
from cocreate.models import Entry, Judge, JuryScore
from cocreate.services.campaigns import lifecycle
from cocreate.services.judging import jury
from cocreate.services.judging.jury import CriterionIn
from cocreate.services.operations import reconcile
from tests.domain.judging.story_judging import judge, judged_campaign, scores
from tests.domain.story import idea, launch, person


async def test_criteria_are_checked_each_with_its_own_name_and_a_weight_from_1_to_10(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager, jury_weight=50)

    with pytest.raises(Forbidden):
        await jury.set_criteria(fan, campaign.slug, [CriterionIn("Taste", 1)])
    with pytest.raises(Invalid) as refused:
        await jury.set_criteria(manager, campaign.slug, [
            CriterionIn("Taste", 1), CriterionIn("taste", 11), CriterionIn("", 1)])
    assert refused.value.fields == {
        "criteria.1.name": "Each criterion needs its own name.",
        "criteria.1.weight": "Use a whole number from 1 to 10.",
        "criteria.2.name": "Name is required."}
    with pytest.raises(Invalid) as none:
        await jury.set_criteria(manager, campaign.slug, [])
    assert none.value.fields == {"criteria": "Give the jury from 1 to 10 criteria."}
    assert await jury.list_criteria(campaign) == []


async def test_a_judges_score_is_the_weighted_mean_and_the_entrys_the_mean_of_its_judges(deps):
    manager = await person("Manager")
    campaign, [entry], criteria = await judged_campaign(deps, manager, "Floating table")
    first, second = await judge(manager, campaign, "First"), await judge(manager, campaign, "2")

    scored = await jury.score_entry(first, entry.id, scores(criteria, 10, 4))  # (20 + 4) / 3
    assert scored.judge_score == 8.0
    await jury.score_entry(second, entry.id, scores(criteria, 5, 8))  # (10 + 8) / 3 = 6
    counted = await Entry.get(id=entry.id)
    assert (counted.jury_score, counted.jury_judges) == (7.0, 2)

    await jury.score_entry(second, entry.id, scores(criteria, 8, 8))  # scores again: 8
    counted = await Entry.get(id=entry.id)
    assert (counted.jury_score, counted.jury_judges) == (8.0, 2)
    assert await JuryScore.filter(entry_id=entry.id).count() == 4
    assert await reconcile.find_differences() == []


async def test_a_judge_scores_every_criterion_from_1_to_10(deps):
    manager = await person("Manager")
    campaign, [entry], criteria = await judged_campaign(deps, manager, "Floating table")
    judge_ = await judge(manager, campaign)
    originality, feasibility = criteria

    with pytest.raises(Invalid) as refused:
        await jury.score_entry(judge_, entry.id, {originality.id: 11})
    assert refused.value.fields == {
        f"scores.{originality.id}": "Use a whole number from 1 to 10.",
        f"scores.{feasibility.id}": "Score Feasibility from 1 to 10."}
    assert not await JuryScore.exists()


async def test_the_criteria_are_fixed_once_a_judge_has_scored(deps):
    manager = await person("Manager")
    campaign, [entry], criteria = await judged_campaign(deps, manager, "Floating table")
    await jury.score_entry(await judge(manager, campaign), entry.id, scores(criteria, 7, 7))

    with pytest.raises(Conflict) as refused:
        await jury.set_criteria(manager, campaign.slug, [CriterionIn("Taste", 1)])
    assert refused.value.fields == {"criteria": "Fixed since the first score."}
    assert [c.name for c in await jury.list_criteria(campaign)] == ["Originality", "Feasibility"]


async def test_only_judges_score_others_entries_while_voting_or_judging(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager, jury_weight=50)
    judge_ = await judge(manager, campaign)
    own = await idea(deps, judge_, campaign, "The judge's own idea")
    other = await idea(deps, await person("Author"), campaign, "Floating table")
    criteria = await jury.set_criteria(manager, campaign.slug, [CriterionIn("Taste", 1)])

    with pytest.raises(Forbidden, match="score entries while the campaign is in voting or "
                                        "judging; it is in open for entries"):
        await jury.score_entry(judge_, other.id, scores(criteria, 7))
    await lifecycle.move_by_hand(manager, campaign, "voting")
    with pytest.raises(Forbidden, match="Only the judges of"):
        await jury.score_entry(fan, other.id, scores(criteria, 7))
    with pytest.raises(Forbidden, match="can't score your own entry"):
        await jury.score_entry(judge_, own.id, scores(criteria, 10))
    await lifecycle.move_by_hand(manager, campaign, "results")
    with pytest.raises(Forbidden):
        await jury.score_entry(judge_, other.id, scores(criteria, 7))
    assert not await JuryScore.exists()


async def test_a_campaign_without_a_jury_scores_nothing(deps):
    manager = await person("Manager")
    campaign, [entry], criteria = await judged_campaign(deps, manager, "Table", jury_weight=0)
    judge_ = await judge(manager, campaign)

    with pytest.raises(Forbidden, match="has no jury"):
        await jury.score_entry(judge_, entry.id, scores(criteria, 7, 7))


async def test_judges_are_named_by_handle_once_and_their_scores_leave_with_them(deps):
    manager = await person("Manager")
    campaign, [entry], criteria = await judged_campaign(deps, manager, "Floating table")
    kind, harsh = await judge(manager, campaign, "Kind"), await judge(manager, campaign, "Harsh")
    await jury.score_entry(kind, entry.id, scores(criteria, 9, 9))
    await jury.score_entry(harsh, entry.id, scores(criteria, 3, 3))

    with pytest.raises(Conflict, match="Harsh is already a judge"):
        await jury.add_judge(manager, campaign.slug, harsh.handle.upper())
    with pytest.raises(Invalid) as unknown:
        await jury.add_judge(manager, campaign.slug, "@nobody-at-all")
    assert set(unknown.value.fields) == {"handle"}

    harsh_seat = await Judge.get(user_id=harsh.id)
    await jury.remove_judge(manager, campaign.slug, harsh_seat.id)
    counted = await Entry.get(id=entry.id)
    assert (counted.jury_score, counted.jury_judges) == (9.0, 1)
    assert await reconcile.find_differences() == []
