"""Final results: the public vote alone, or weighed with the jury's scores by the jury's
share; fixed on every public entry when the results come out, previewed for managers before."""

from __future__ import annotations

import pytest

from cocreate.models import CampaignPhase, Entry
from cocreate.services.campaigns import campaigns, lifecycle, results
from cocreate.services.entries import entries
from cocreate.services.judging import jury
from cocreate.services.judging.jury import CriterionIn
from cocreate.services.moderation import moderation
from cocreate.services.voting import voting
from tests.domain.story import idea, launch, person


async def _ideas_with_votes(deps, campaign, votes: dict[str, int]) -> dict[str, Entry]:
    made = {title: await idea(deps, await person(f"Author of {title}"), campaign, title)
            for title in votes}
    fans = [await person(f"Fan {n}") for n in range(max(votes.values()))]
    for title, count in votes.items():
        for fan in fans[:count]:
            await voting.cast(deps, fan, made[title].id)
    return made


async def test_without_a_jury_the_most_voted_come_first_and_ties_go_to_the_earlier(deps):
    manager = await person("Manager")
    campaign = await launch(manager, vote_in_open=True)
    await _ideas_with_votes(deps, campaign, {"Early": 2, "Top": 4, "Late": 2, "None": 0})

    ranking = await results.vote_ranking(campaign)

    assert [(row.rank, row.entry.title, row.votes, row.final_score) for row in ranking] == [
        (1, "Top", 4, 100.0), (2, "Early", 2, 50.0), (3, "Late", 2, 50.0), (4, "None", 0, 0.0)]


async def test_the_jury_and_the_public_weigh_by_the_jurys_share_when_results_come_out(deps):
    manager, judge = await person("Manager"), await person("Judge")
    campaign = await launch(manager, vote_in_open=True, jury_weight=40)
    made = await _ideas_with_votes(deps, campaign, {"Alpha": 4, "Bravo": 2, "Charlie": 0})
    [taste] = await jury.set_criteria(manager, campaign.slug, [CriterionIn("Taste", 1)])
    await jury.add_judge(manager, campaign.slug, judge.handle)
    await lifecycle.move_by_hand(manager, campaign, CampaignPhase.VOTING)
    await jury.score_entry(judge, made["Alpha"].id, {taste.id: 5})
    await jury.score_entry(judge, made["Bravo"].id, {taste.id: 10})  # Charlie: not judged

    voting_now = await campaigns.get_campaign(campaign.slug)
    preview = await results.preview_ranking(voting_now)
    # 40 % of the jury's score × 10, and 60 % of the votes over the most votes (4) × 100
    assert [(row.entry.title, row.final_score) for row in preview] == [
        ("Alpha", 80.0), ("Bravo", 70.0), ("Charlie", 0.0)]
    assert await results.stored_ranking(voting_now) == []  # nothing fixed before the results

    await lifecycle.move_by_hand(manager, voting_now, CampaignPhase.RESULTS)

    out = await campaigns.get_campaign(campaign.slug)
    stored = await results.stored_ranking(out)
    assert [(row.rank, row.entry.title, row.final_score, row.jury_score, row.votes)
            for row in stored] == [(1, "Alpha", 80.0, 5.0, 4), (2, "Bravo", 70.0, 10.0, 2),
                                   (3, "Charlie", 0.0, None, 0)]
    gallery = await entries.list_entries(campaign.slug, "top")
    assert [entry.title for entry in gallery.entries] == ["Alpha", "Bravo", "Charlie"]


async def test_an_entry_hidden_after_the_results_leaves_them_and_the_rest_are_recounted(deps):
    manager = await person("Manager")
    campaign = await launch(manager, vote_in_open=True, jury_weight=50)
    made = await _ideas_with_votes(deps, campaign, {"Alpha": 4, "Bravo": 2})
    await lifecycle.move_by_hand(manager, campaign, CampaignPhase.RESULTS)

    await moderation.act(deps, manager, made["Alpha"].id, "hide", "Broke the rules.")

    out = await campaigns.get_campaign(campaign.slug)
    assert [(row.entry.title, row.final_score) for row in await results.stored_ranking(out)] \
        == [("Bravo", 50.0)]  # now the most voted: the public half in full
    assert (await Entry.get(id=made["Alpha"].id)).final_score is None


def test_the_final_score_formula():
    assert results.final_score(100, 7.5, 3, 10) == pytest.approx(75.0)
    assert results.final_score(0, 9.0, 3, 12) == pytest.approx(25.0)
    assert results.final_score(30, None, 0, 0) == 0.0
