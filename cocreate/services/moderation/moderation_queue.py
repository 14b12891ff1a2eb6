"""The moderators' queue of a campaign: entries waiting (pending or reported) and reported
comments, side by side and oldest first."""

from __future__ import annotations

from dataclasses import dataclass

from cocreate.models import Campaign, User
from cocreate.services.campaigns import campaigns, phases
from cocreate.services.moderation import comment_moderation, moderation
from cocreate.services.moderation.comment_moderation import CommentQueueItem
from cocreate.services.moderation.moderation import QueueItem
from cocreate.services.orgs import orgs


@dataclass(frozen=True)
class Queue:
    campaign: Campaign
    entries: list[QueueItem]
    comments: list[CommentQueueItem]

    @property
    def oldest_first(self) -> list[QueueItem | CommentQueueItem]:
        return sorted([*self.entries, *self.comments], key=lambda item: item.waiting_since)


async def queue(actor: User, campaign_slug: str) -> Queue:
    campaign = await campaigns.get_campaign(campaign_slug)
    await orgs.require_moderator(actor, campaign.org)
    phases.require_entry_kind(campaign, "moderation queue")
    return Queue(campaign=campaign, entries=await moderation.queue_of(campaign),
                 comments=await comment_moderation.queue_of(campaign))
