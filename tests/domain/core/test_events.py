"""Events: an area records what happened as a job in its own transaction, once per event
(a replay records nothing new), and the reacting area does its part in the worker."""

from __future__ import annotations

from cocreate.models import Award, Job
from cocreate.services.conversation import comments
from cocreate.services.core import events
from cocreate.services.entries import entries
from cocreate.services.voting import voting
from tests.domain.core.story_core import recorded
from tests.domain.story import idea, launch, person, run_jobs_named
from workers.tasks import HANDLERS


def test_every_event_names_a_job_the_worker_handles():
    for name in (events.BADGES_JOB, events.PHASE_FOLLOWERS_JOB, events.TERMS_JOB):
        assert name in HANDLERS, name


async def test_a_remix_of_a_fans_idea_is_evaluated_once_and_earns_its_author_remixed(deps):
    manager, ana, ben = await person("Manager"), await person("Ana"), await person("Ben")
    campaign = await launch(manager)
    original = await idea(deps, ana, campaign, "Mango chili")
    assert await recorded(events.BADGES_JOB) == []  # an idea crediting nothing is no event

    remix = await entries.submit(deps, ben, campaign.slug, "Mango chili, frozen", "Colder.",
                                 accept_rules=True, remix_of=[original.id])
    await events.entry_published(remix)  # the same event again

    assert [job.payload for job in await recorded(events.BADGES_JOB)] == [
        {"event": "remix", "entry_id": remix.id}]
    await run_jobs_named(deps, events.BADGES_JOB)
    assert await Award.filter(badge="remixed-1").values_list("user_id", "entry_id") == [
        (ana.id, original.id)]


async def test_the_tenth_vote_records_one_crowd_favourite_evaluation(deps):
    manager, author = await person("Manager"), await person("Author")
    entry = await idea(deps, author, await launch(manager))

    for n in range(11):
        await voting.cast(deps, await person(f"Fan {n}"), entry.id)
    await events.votes_reached(entry.id, 10)  # replayed: the milestone's key is taken

    assert [job.key for job in await recorded(events.BADGES_JOB, event="votes")] == [
        f"badges:votes:{entry.id}:10"]
    await run_jobs_named(deps, events.BADGES_JOB)
    assert await Award.filter(user=author, badge="crowd-favourite-10").count() == 1


async def test_a_reply_is_an_event_and_every_written_text_is_read_for_its_terms(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person("Fan")
    entry = await idea(deps, author, await launch(manager))

    question = await comments.post(deps, fan, entry.id, "Is it very hot?")
    answer = await comments.post(deps, author, entry.id, "Just warm.", parent_id=question.id)

    assert [job.payload for job in await recorded(events.BADGES_JOB)] == [
        {"event": "reply", "comment_id": answer.id}]
    assert [job.payload for job in await recorded(events.TERMS_JOB)] == [
        {"entry_id": entry.id}, {"comment_id": question.id}, {"comment_id": answer.id}]


async def test_an_event_recorded_twice_is_one_job(deps):
    manager, author = await person("Manager"), await person("Author")
    entry = await idea(deps, author, await launch(manager))
    before = await Job.all().count()

    await events.entry_text_written(entry, stamp=7)
    await events.entry_text_written(entry, stamp=7)
    await events.entry_text_written(entry, stamp=8)  # a later edit is another event

    assert await Job.all().count() == before + 2
