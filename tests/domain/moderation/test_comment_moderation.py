"""Comments are moderated like entries: enough reports hide one until a moderator looks; a
hidden comment keeps its place, readable by its author and the moderators only; moderators
hide (with a reason), restore or dismiss, and the author hears of each decision once."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid
from cocreate.models import CommentReport, Entry, Notification
from cocreate.services.conversation import comments
from cocreate.services.conversation.comments import ThreadItem
from cocreate.services.moderation import comment_moderation
from cocreate.services.operations import reconcile
from tests.domain.story import idea, launch, person


async def _moderation_news(person_id: str) -> list[str]:
    return list(await Notification.filter(user_id=person_id, kind="moderation")
                .order_by("created_at").values_list("text", flat=True))


async def test_reports_hide_a_comment_readable_then_by_its_author_and_the_moderators(deps):
    manager, author, talker = await person("Manager"), await person("Author"), await person()
    first, second = await person("First"), await person("Second")
    entry = await idea(deps, author, await launch(manager, report_threshold=2))
    said = await comments.post(deps, talker, entry.id, "Buy cheap sunglasses here!")

    with pytest.raises(Forbidden, match="can't report your own comment"):
        await comment_moderation.report(deps, talker, said.id, "spam", "")
    await comment_moderation.report(deps, first, said.id, "spam", "")
    with pytest.raises(Conflict, match="already reported this comment"):
        await comment_moderation.report(deps, first, said.id, "spam", "")
    await comment_moderation.report(deps, second, said.id, "spam", "")

    assert (await Entry.get(id=entry.id)).comment_count == 0

    def readable(thread: list[ThreadItem]) -> list[bool]:
        return [item.revealed for item in thread]

    assert readable(await comments.thread(first, entry.id)) == [False]
    assert readable(await comments.thread(talker, entry.id)) == [True]
    assert readable(await comments.thread(manager, entry.id)) == [True]
    assert await reconcile.find_differences() == []

    await comment_moderation.decide(deps, manager, said.id, "dismiss")
    assert readable(await comments.thread(first, entry.id)) == [True]
    assert (await Entry.get(id=entry.id)).comment_count == 1
    assert set(await CommentReport.filter(comment_id=said.id).values_list(
        "resolution", flat=True)) == {"dismiss"}
    assert await reconcile.find_differences() == []


async def test_a_moderator_hides_with_a_reason_restores_and_the_author_hears_of_each(deps):
    manager, author, talker = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager), "Floating table")
    said = await comments.post(deps, talker, entry.id, "Something rude")

    with pytest.raises(Forbidden):
        await comment_moderation.decide(deps, author, said.id, "hide", "Rude")
    with pytest.raises(Invalid) as no_reason:
        await comment_moderation.decide(deps, manager, said.id, "hide", "")
    assert set(no_reason.value.fields) == {"reason"}
    with pytest.raises(Conflict, match="only hidden ones can be restored"):
        await comment_moderation.decide(deps, manager, said.id, "restore")
    with pytest.raises(Conflict, match="no open reports"):
        await comment_moderation.decide(deps, manager, said.id, "dismiss")

    await comment_moderation.decide(deps, manager, said.id, "hide", "Be kind to each other.")
    with pytest.raises(Conflict, match="already hidden"):
        await comment_moderation.decide(deps, manager, said.id, "hide", "Again")
    with pytest.raises(Forbidden, match="A moderator hid this comment"):
        await comments.edit(deps, talker, said.id, "Something nice")
    await comment_moderation.decide(deps, manager, said.id, "restore")

    assert await _moderation_news(talker.id) == [
        "A moderator hid your comment on “Floating table”. Reason: Be kind to each other.",
        "A moderator restored your comment on “Floating table”."]
    assert (await Entry.get(id=entry.id)).comment_count == 1


async def test_a_removed_comment_cannot_be_reported(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager))
    said = await comments.post(deps, author, entry.id, "Never mind")
    await comments.remove(author, said.id)

    with pytest.raises(Conflict, match="not shown any more"):
        await comment_moderation.report(deps, fan, said.id, "spam", "")
