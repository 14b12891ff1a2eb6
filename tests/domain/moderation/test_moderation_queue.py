"""The moderators' queue: pending and reported entries and reported comments side by side,
oldest first; for the campaign's moderators, and only campaigns of entries have one."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden
from cocreate.services.campaigns.fundraisers import FundraiserSettings
from cocreate.services.conversation import comments
from cocreate.services.moderation import comment_moderation, moderation, moderation_queue
from cocreate.services.moderation.comment_moderation import CommentQueueItem
from tests.domain.story import idea, launch, launch_kind, person


async def test_the_queue_shows_what_waits_oldest_first(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager, moderation="pre")
    waiting = await idea(deps, await person("Author"), campaign, "Waiting")
    published = await idea(deps, await person("Other"), await launch(manager), "Elsewhere")
    approved = await idea(deps, await person("Third"), campaign, "Approved")
    await moderation.act(deps, manager, approved.id, "approve")
    await moderation.report(fan, approved.id, "off_topic", "")
    said = await comments.post(deps, await person("Talker"), approved.id, "Buy sunglasses!")
    await comment_moderation.report(deps, fan, said.id, "spam", "")

    queue = await moderation_queue.queue(manager, campaign.slug)

    assert [item.entry.title for item in queue.entries] == ["Waiting", "Approved"]
    assert [item.comment.id for item in queue.comments] == [said.id]
    assert [item.comment.id if isinstance(item, CommentQueueItem) else item.entry.id
            for item in queue.oldest_first] == [waiting.id, approved.id, said.id]
    assert await moderation.queue_size(campaign) == 3
    assert published.id not in [item.entry.id for item in queue.entries]
    with pytest.raises(Forbidden):
        await moderation_queue.queue(fan, campaign.slug)


async def test_a_fundraiser_has_no_moderation_queue(deps):
    manager = await person("Manager")
    campaign = await launch_kind(manager, "fundraiser", fundraiser=FundraiserSettings(
        goal=10_000, currency="EUR"))

    with pytest.raises(Conflict, match="so it has no moderation queue"):
        await moderation_queue.queue(manager, campaign.slug)
