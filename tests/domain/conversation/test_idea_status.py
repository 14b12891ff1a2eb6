"""The brand answers an idea (under review, planned, in progress, done, declined) with a
note; its voters, author, commenters and followers are told once per answer by a worker."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Forbidden, Invalid
from cocreate.models import AuditEvent, Entry
from cocreate.services.conversation import comments, follows, idea_status
from cocreate.services.voting import voting
from tests.domain.conversation.story_conversation import told
from tests.domain.story import idea, launch, person, run_jobs_named


async def test_only_managers_answer_public_ideas_with_a_known_status(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager))
    waiting = await idea(deps, author, await launch(manager, moderation="pre"))

    with pytest.raises(Forbidden, match="can answer ideas"):
        await idea_status.set_status(fan, entry.id, "planned", "")
    with pytest.raises(Invalid) as unknown:
        await idea_status.set_status(manager, entry.id, "someday", "x" * 2001)
    assert set(unknown.value.fields) == {"status", "note"}
    with pytest.raises(Forbidden, match="Only public entries get a status"):
        await idea_status.set_status(manager, waiting.id, "planned", "")
    assert (await Entry.get(id=entry.id)).idea_status is None

    answered = await idea_status.set_status(manager, entry.id, "planned", "In **spring**.")
    assert (answered.idea_status, idea_status.note_html(answered)) == (
        "planned", "<p>In <strong>spring</strong>.</p>\n")
    assert await AuditEvent.exists(action="entry.status", target_id=entry.id)


async def test_voters_the_author_commenters_and_followers_hear_of_each_answer_once(deps):
    manager, author = await person("Manager"), await person("Author")
    voter, talker, follower, bystander = [await person(n) for n in ("V", "T", "F", "B")]
    entry = await idea(deps, author, await launch(manager))
    await voting.cast(deps, voter, entry.id)
    await comments.post(deps, talker, entry.id, "Please do this!")
    await follows.follow_entry(follower, entry.id)
    await run_jobs_named(deps, follows.COMMENT_JOB)

    await idea_status.set_status(manager, entry.id, "planned", "")
    await run_jobs_named(deps, idea_status.NOTIFY_JOB)

    for fan in (author, voter, talker, follower):
        assert (await told(fan)).count("status") == 1, fan.display_name
    assert await told(bystander) == []
