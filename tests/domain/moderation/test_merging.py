"""Managers merge a duplicate idea into the one kept: its votes move (one per person), its
comments, followers and approved tags too, its authors are credited on the kept idea, its
address leads there, and a worker tells its authors and voters once each."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid
from cocreate.models import Entry, Job, Notification
from cocreate.services.campaigns import lifecycle
from cocreate.services.conversation import comments
from cocreate.services.entries import entries
from cocreate.services.moderation import merging
from cocreate.services.operations import reconcile
from cocreate.services.tags import tag_curation, tags
from cocreate.services.voting import voting
from tests.domain.story import idea, launch, person, run_jobs_named


async def test_a_duplicates_votes_comments_and_tags_move_to_the_idea_kept(deps):
    manager, first_author, twin_author = [await person(n) for n in ("M", "First", "Twin")]
    campaign = await launch(manager)
    await tag_curation.create(deps, manager, campaign.slug, "Outdoors")
    kept = await idea(deps, first_author, campaign, "Floating picnic table")
    twin = await entries.submit(deps, twin_author, campaign.slug, "A picnic table that floats",
                                "", accept_rules=True, tag_slugs=["outdoors"])
    both, only_twin = await person("Both"), await person("Only twin")
    for voter in (both, only_twin, first_author):  # the kept idea's author too
        await voting.cast(deps, voter, twin.id)
    await voting.cast(deps, both, kept.id)
    await comments.post(deps, only_twin, twin.id, "Genius")

    merged = await merging.merge(deps, manager, twin.id, kept.id)

    # a person keeps one vote, and nobody votes for their own idea
    assert (merged.votes_moved, merged.votes_removed, merged.comments_moved) == (1, 2, 1)
    assert (merged.entry.status, merged.into.vote_count, merged.into.comment_count) == (
        "merged", 2, 1)
    assert [p.id for p in await merging.credited_authors(kept)] == [twin_author.id]
    assert [t.slug for t in (await tags.for_entries(None, [kept]))[kept.id]] == ["outdoors"]
    assert await merging.kept_entry_id(merged.entry) == kept.id
    assert [e.id for e in (await entries.list_entries(campaign.slug)).entries] == [kept.id]
    assert await reconcile.find_differences() == []


async def test_the_duplicates_authors_and_voters_hear_of_it_once(deps):
    manager, author, voter = await person("Manager"), await person("Author"), await person()
    campaign = await launch(manager)
    kept = await idea(deps, await person("Kept author"), campaign, "Floating table")
    twin = await idea(deps, author, campaign, "Table that floats")
    await voting.cast(deps, voter, twin.id)
    await merging.merge(deps, manager, twin.id, kept.id)

    await run_jobs_named(deps, merging.NOTIFY_JOB)
    [job] = await Job.filter(name=merging.NOTIFY_JOB)
    assert job.payload == {"entry_id": twin.id, "into_id": kept.id, "voter_ids": [voter.id]}
    await merging.tell_people(**job.payload)  # run again: nobody hears twice

    for fan in (author, voter):
        assert await Notification.filter(user_id=fan.id, kind="merged").count() == 1


async def test_a_vote_for_both_ideas_gives_the_budget_vote_back(deps):
    manager, voter = await person("Manager"), await person("Voter")
    campaign = await launch(manager, voting_mode="budget", vote_budget=2)
    kept, twin = [await idea(deps, await person(), campaign, t) for t in ("Kept", "Twin")]
    await voting.cast(deps, voter, kept.id)
    await voting.cast(deps, voter, twin.id)

    await merging.merge(deps, manager, twin.id, kept.id)

    assert await voting.votes_left(voter, campaign) == 1
    assert (await Entry.get(id=kept.id)).vote_count == 1
    assert await reconcile.find_differences() == []


async def test_only_managers_merge_public_ideas_of_one_campaign_before_the_results(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    kept, twin = [await idea(deps, await person(), campaign, t) for t in ("Kept", "Twin")]
    elsewhere = await idea(deps, await person(), await launch(manager), "Elsewhere")

    with pytest.raises(Forbidden, match="can merge ideas"):
        await merging.merge(deps, fan, twin.id, kept.id)
    for into, message in ((None, "Choose the idea to keep."),
                          (twin.id, "An idea can't be merged into itself."),
                          (elsewhere.id, "Choose an idea of the same campaign.")):
        with pytest.raises(Invalid) as refused:
            await merging.merge(deps, manager, twin.id, into)
        assert refused.value.fields == {"into": message}
    await merging.merge(deps, manager, twin.id, kept.id)
    with pytest.raises(Conflict, match="already been merged"):
        await merging.merge(deps, manager, twin.id, kept.id)

    other = await idea(deps, await person(), campaign, "Other")
    await lifecycle.move_by_hand(manager, campaign, "results")
    with pytest.raises(Forbidden, match="The results are out"):
        await merging.merge(deps, manager, other.id, kept.id)
