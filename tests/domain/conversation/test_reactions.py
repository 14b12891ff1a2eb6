"""Reactions on comments: one of each kind per person, counted on the comment as the rows
come and go; only visible comments take them."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Forbidden, Invalid
from cocreate.models import Comment, Reaction
from cocreate.services.conversation import comments, reactions
from cocreate.services.operations import reconcile
from tests.domain.story import idea, launch, person


async def test_each_person_reacts_once_of_each_kind_and_takes_it_back(deps):
    manager, author, fan, friend = [await person(n) for n in ("M", "Author", "Fan", "Friend")]
    entry = await idea(deps, author, await launch(manager))
    comment = await comments.post(deps, author, entry.id, "Try it with lime.")

    await reactions.react(deps, fan, comment.id, "helpful", on=True)
    counted, mine = await reactions.react(deps, fan, comment.id, "helpful", on=True)
    assert (counted.helpfuls, mine) == (1, {"helpful"})
    counted, mine = await reactions.react(deps, fan, comment.id, "love", on=True)
    assert (counted.helpfuls, counted.loves, mine) == (1, 1, {"helpful", "love"})
    counted, _ = await reactions.react(deps, friend, comment.id, "helpful", on=True)
    assert counted.helpfuls == 2

    counted, mine = await reactions.react(deps, fan, comment.id, "helpful", on=False)
    await reactions.react(deps, fan, comment.id, "helpful", on=False)  # gone already
    assert (counted.helpfuls, mine) == (1, {"love"})
    assert reactions.counts(await Comment.get(id=comment.id)) == {
        "like": 0, "love": 1, "laugh": 0, "helpful": 1, "cheer": 0}
    assert await reconcile.find_differences() == []


async def test_only_known_reactions_on_visible_comments(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager))
    comment = await comments.post(deps, author, entry.id, "Try it with lime.")

    with pytest.raises(Invalid) as unknown:
        await reactions.react(deps, fan, comment.id, "angry", on=True)
    assert unknown.value.fields == {"kind": "Unknown reaction."}
    await comments.remove(author, comment.id)
    with pytest.raises(Forbidden, match="can't take reactions"):
        await reactions.react(deps, fan, comment.id, "like", on=True)
    assert not await Reaction.exists()
