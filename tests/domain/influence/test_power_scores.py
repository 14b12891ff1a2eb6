"""Power users: the counters of what each fan brought an organization move with their
ledger rows, and each score moves with them by its weight."""

from __future__ import annotations

from cocreate.models import PowerScore
from cocreate.services.conversation import comments, reactions
from cocreate.services.influence import power_scores
from tests.domain.influence.story_influence import counters, only
from tests.domain.story import idea, launch, person


async def test_replies_threads_and_helpful_reactions_from_others_count_for_conversation(deps):
    manager, ana, ben, cara = (await person("Manager"), await person("Ana"),
                               await person("Ben"), await person("Cara"))
    campaign = await launch(manager)
    entry = await idea(deps, ben, campaign)
    org = campaign.org_id

    question = await comments.post(deps, ana, entry.id, "Is it very hot?")  # a thread of Ana's,
    # and a comment Ben's entry received
    await comments.post(deps, ben, entry.id, "Just warm.", parent_id=question.id)
    await comments.post(deps, ana, entry.id, "Thanks!", parent_id=question.id)  # her own thread
    await reactions.react(deps, cara, question.id, "helpful", on=True)
    await reactions.react(deps, ana, question.id, "helpful", on=True)  # her own: not counted
    await reactions.react(deps, cara, question.id, "like", on=True)  # not a helpful

    assert await counters(org, ana) == only(replies=1, threads=1, helpfuls=1,
                                            conversation=2 + 1 + 3)
    assert await counters(org, ben) == only(replies=1, conversation=2)


async def test_a_removed_comment_takes_back_all_it_counted(deps):
    manager, ana, ben, cara = (await person("Manager"), await person("Ana"),
                               await person("Ben"), await person("Cara"))
    campaign = await launch(manager)
    entry = await idea(deps, ben, campaign)
    question = await comments.post(deps, ana, entry.id, "Is it very hot?")
    await reactions.react(deps, cara, question.id, "helpful", on=True)

    await comments.remove(ana, question.id)

    assert await counters(campaign.org_id, ana) == only()
    assert await counters(campaign.org_id, ben) == only()


async def test_a_helpful_taken_back_is_taken_off_the_score(deps):
    manager, ana, ben = await person("Manager"), await person("Ana"), await person("Ben")
    campaign = await launch(manager)
    question = await comments.post(deps, ana, (await idea(deps, ana, campaign)).id, "Hot?")

    await reactions.react(deps, ben, question.id, "helpful", on=True)
    await reactions.react(deps, ben, question.id, "helpful", on=True)  # twice: once
    assert (await counters(campaign.org_id, ana))["helpfuls"] == 1
    await reactions.react(deps, ben, question.id, "helpful", on=False)

    assert await counters(campaign.org_id, ana) == only(threads=1, conversation=1)


async def test_money_raised_adds_one_influence_point_per_ten_units_rounded_down(deps):
    manager, sharer = await person("Manager"), await person("Sharer")
    org = (await launch(manager)).org_id

    await power_scores.move(org, sharer.id, raised=999)
    assert await counters(org, sharer) == only(raised=999)
    await power_scores.move(org, sharer.id, raised=1, visits=1)
    assert await counters(org, sharer) == only(raised=1000, visits=1, influence=2)
    await power_scores.move(org, sharer.id, raised=2500)
    assert await counters(org, sharer) == only(raised=3500, visits=1, influence=4)
    await power_scores.move(org, sharer.id, raised=-1600)  # a refund
    assert await counters(org, sharer) == only(raised=1900, visits=1, influence=2)


def test_the_scores_in_words():
    score = PowerScore(visits=12, signups=3, votes=1, replies=1, threads=2, helpfuls=0)

    assert power_scores.reasons(score, "influence", raised="€340.00") == (
        "brought 12 visitors, 3 signed up, 1 vote, raised €340.00")
    assert power_scores.reasons(score, "conversation") == (
        "received 1 reply, started 2 threads, 0 helpful reactions")
