"""Badge rules, evaluated by the worker after the events that earn them: Crowd favourite at
10 votes, Remixed when others remix an entry, Finalist, Winner and Jury pick when voting
closes and results come out, Conversation starter at five replies, Recognized when thanked.
Each is awarded once, however often the event is replayed."""

from __future__ import annotations

from cocreate.models import Award, Job
from cocreate.services.campaigns import lifecycle
from cocreate.services.conversation import comments
from cocreate.services.core import events
from cocreate.services.judging import jury, prizes
from cocreate.services.judging.prizes import PrizeIn
from cocreate.services.recognition import acknowledgements, badge_rules
from cocreate.services.voting import voting
from tests.domain.entries.story_entries import remix_challenge, remix_of
from tests.domain.judging.story_judging import judge, judged_campaign, scores
from tests.domain.recognition.story_recognition import earned, run_badge_rules
from tests.domain.story import idea, launch, person


async def test_ten_votes_make_an_entry_a_crowd_favourite_once(deps):
    manager, author = await person("Manager"), await person("Author")
    campaign = await launch(manager)
    entry = await idea(deps, author, campaign)
    for n in range(9):
        await voting.cast(deps, await person(f"Voter {n}"), entry.id)
    assert not await Job.exists(name=events.BADGES_JOB)

    await voting.cast(deps, await person("Tenth"), entry.id)
    await run_badge_rules(deps)
    [job] = await Job.filter(name=events.BADGES_JOB)
    await badge_rules.evaluate(job.payload)  # replayed: nothing more

    assert await earned(author, campaign) == ["contributor", "crowd-favourite-10"]
    assert await Award.filter(badge="crowd-favourite-10").count() == 1


async def test_an_entry_remixed_by_another_earns_its_author_remixed(deps):
    manager, original, remixer = await person("M"), await person("Orig"), await person("Re")
    campaign, asset = await remix_challenge(deps, manager)
    first = await remix_of(deps, original, campaign, "Sunset cut", kit=[asset])
    assert not await Job.exists(name=events.BADGES_JOB)  # crediting only the kit earns nothing

    await remix_of(deps, remixer, campaign, "Sunset, slowed", sources=[first])
    await run_badge_rules(deps)

    assert await earned(original, campaign) == ["contributor", "remixed-1"]
    assert await earned(remixer, campaign) == ["contributor"]


async def test_closing_votes_names_finalists_and_the_results_winners_and_jury_picks(deps):
    manager = await person("Manager")
    campaign, [table, kite, mug], criteria = await judged_campaign(
        deps, manager, "Table", "Kite", "Mug")
    await voting.cast(deps, await person("Fan"), table.id)
    await voting.cast(deps, await person("Fan 2"), kite.id)
    await jury.score_entry(await judge(manager, campaign), mug.id, scores(criteria, 9, 9))
    [prize] = await prizes.set_prizes(manager, campaign.slug, [PrizeIn(1, "A picnic basket")])

    await lifecycle.move_by_hand(manager, campaign, "judging")
    await prizes.pick_winner(manager, campaign.slug, prize.id, kite.id)
    await run_badge_rules(deps)
    assert [await earned(e.author, campaign) for e in (table, kite, mug)] == [
        ["contributor", "finalist"], ["contributor", "finalist"], ["contributor"]]

    await lifecycle.move_by_hand(manager, campaign, "results")
    await run_badge_rules(deps)
    assert [await earned(e.author, campaign) for e in (table, kite, mug)] == [
        ["contributor", "finalist"], ["contributor", "finalist", "winner"],
        ["contributor", "jury-pick"]]


async def test_five_replies_from_others_make_a_conversation_starter(deps):
    manager, author, talker = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager))
    opening = await comments.post(deps, talker, entry.id, "What about lime?")
    await comments.post(deps, talker, entry.id, "Or lemon", parent_id=opening.id)  # own: no
    for n in range(4):
        await comments.post(deps, await person(f"Replier {n}"), entry.id, "Yes!",
                            parent_id=opening.id)
    await run_badge_rules(deps)
    assert "conversation-starter" not in await earned(talker)

    await comments.post(deps, author, entry.id, "Lime it is", parent_id=opening.id)
    await run_badge_rules(deps)
    assert await earned(talker) == ["conversation-starter"]


async def test_a_personal_thank_you_earns_the_recognized_badge(deps):
    manager, author = await person("Manager"), await person("Ana Lima")
    campaign = await launch(manager)
    entry = await idea(deps, author, campaign)
    thanks = await acknowledgements.acknowledge(manager, entry.id, "Thanks, Ana: a great idea!")

    await run_badge_rules(deps)

    [recognized] = await Award.filter(user_id=author.id, badge="recognized")
    assert (recognized.awarded_by_id, recognized.note) == (manager.id, thanks.note)
