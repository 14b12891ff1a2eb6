"""Fans talk under public entries: replies nest, the people a comment concerns are told once
each, authors edit for a while and remove at any time, and the entry's count follows the
visible comments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cocreate.lib.errors import Forbidden, Invalid, NotFound
from cocreate.models import Comment, Entry
from cocreate.services.conversation import comments, follows
from cocreate.services.operations import reconcile
from tests.domain.conversation.story_conversation import told
from tests.domain.story import idea, launch, person, run_jobs_named


async def test_a_reply_tells_the_person_answered_and_a_mention_the_person_named_once(deps):
    manager, author = await person("Manager"), await person("Author")
    asker, answerer, named = await person("Asker"), await person("Answerer"), await person()
    entry = await idea(deps, author, await launch(manager))

    question = await comments.post(deps, asker, entry.id, "Would it work with lime?")
    answer = await comments.post(deps, answerer, entry.id,
                                 f"Yes! @{named.handle} tried it, ask @{asker.handle}.",
                                 parent_id=question.id)

    assert await told(author) == ["comment", "comment"]
    assert await told(asker) == ["reply"]  # answered and mentioned: told once
    assert await told(named) == ["mention"]
    assert await told(answerer) == []
    assert (await Entry.get(id=entry.id)).comment_count == 2
    assert (await Comment.get(id=question.id)).reply_count == 1
    assert answer.depth == 1
    # Each @handle of somebody links to their profile; an @word of nobody stays text.
    nobody = await comments.post(deps, answerer, entry.id, "Ask @nobody-here or @" + named.handle)
    assert f'<a href="/u/{named.handle}"' in answer.body_html
    assert f'<a href="/u/{asker.handle}"' in answer.body_html
    assert "@nobody-here or <a" in nobody.body_html


async def test_the_thread_reads_each_comment_followed_by_its_replies_indented_four_deep(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager))
    first = await comments.post(deps, fan, entry.id, "First")
    parent = first
    for level in range(1, 6):
        parent = await comments.post(deps, author, entry.id, f"Reply {level}",
                                     parent_id=parent.id)
    await comments.post(deps, fan, entry.id, "Second")

    thread = await comments.thread(None, entry.id)

    assert [(item.comment.body, item.depth) for item in thread] == [
        ("First", 0), ("Reply 1", 1), ("Reply 2", 2), ("Reply 3", 3), ("Reply 4", 4),
        ("Reply 5", 4), ("Second", 0)]


async def test_comments_open_once_the_entry_is_public_and_need_words(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    waiting = await idea(deps, author, await launch(manager, moderation="pre"))
    campaign = await launch(manager)
    one, two = await idea(deps, author, campaign, "One"), await idea(deps, fan, campaign, "Two")

    with pytest.raises(Forbidden, match="Comments open once the entry is public"):
        await comments.post(deps, author, waiting.id, "Anyone?")
    with pytest.raises(Invalid) as blank:
        await comments.post(deps, fan, one.id, "   ")
    assert blank.value.fields == {"body": "Comment is required."}
    on_one = await comments.post(deps, fan, one.id, "Nice")
    with pytest.raises(NotFound, match="not on this entry"):
        await comments.post(deps, author, two.id, "Thanks", parent_id=on_one.id)
    assert await Comment.all().count() == 1


async def test_an_author_edits_for_fifteen_minutes_and_nobody_else_does(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager))
    fresh = await comments.post(deps, fan, entry.id, "Tpyo")
    old = await comments.post(deps, fan, entry.id, "Said long ago",
                              now=datetime.now(UTC) - timedelta(minutes=16))

    assert (await comments.edit(deps, fan, fresh.id, "Typo")).edited_at is not None
    with pytest.raises(Forbidden, match="Only its author can change a comment"):
        await comments.edit(deps, author, fresh.id, "Rewritten")
    with pytest.raises(Forbidden, match="edited for 15 minutes after posting"):
        await comments.edit(deps, fan, old.id, "Said just now")
    assert (await Comment.get(id=old.id)).body == "Said long ago"


async def test_a_removed_comment_keeps_its_place_for_its_replies_and_stops_counting(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager))
    rash = await comments.post(deps, fan, entry.id, "Something rash")
    await comments.post(deps, author, entry.id, "Calm down", parent_id=rash.id)

    await comments.remove(fan, rash.id)
    await comments.remove(fan, rash.id)  # twice changes nothing more

    thread = await comments.thread(None, entry.id)
    assert [(i.comment.status, i.comment.body, i.revealed) for i in thread] == [
        ("removed", "", False), ("visible", "Calm down", True)]
    assert (await Entry.get(id=entry.id)).comment_count == 1
    with pytest.raises(Forbidden, match="A removed comment can't be edited"):
        await comments.edit(deps, fan, rash.id, "Sorry")
    assert await reconcile.find_differences() == []


async def test_the_entrys_followers_hear_of_a_comment_through_a_job_once(deps):
    manager, author = await person("Manager"), await person("Author")
    follower, asker = await person("Follower"), await person("Asker")
    entry = await idea(deps, author, await launch(manager))
    await follows.follow_entry(follower, entry.id)
    await follows.follow_entry(author, entry.id)
    question = await comments.post(deps, asker, entry.id, "Would it work with lime?")
    await comments.post(deps, follower, entry.id, "I hope so", parent_id=question.id)
    assert await told(follower) == []  # the worker tells followers

    await run_jobs_named(deps, follows.COMMENT_JOB)

    assert await told(follower) == ["comment"]  # of the question, not of their own reply
    assert await told(author) == ["comment", "comment"]  # as the author, not again
    assert await told(asker) == ["reply"]
