"""API: reporting entries, the moderators' decisions on them, and the queue (entries and
reported comments)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from starlette.requests import Request

from cocreate.api import access, present, schemas
from cocreate.api.comment_schemas import CommentQueueItemOut, EntryLink
from cocreate.api.endpoint import Endpoint
from cocreate.http import deps
from cocreate.lib import urls
from cocreate.services.moderation import moderation
from cocreate.services.moderation import moderation_queue as moderation_queue_service
from cocreate.services.moderation.comment_moderation import CommentQueueItem
from cocreate.settings import Settings

if TYPE_CHECKING:
    from cocreate.models import User


async def report_entry(request: Request, user: User, entry: str,
                       body: schemas.ReportIn) -> schemas.ReportOut:
    return present.report(await moderation.report(user, entry, body.reason, body.note))


async def moderate_entry(request: Request, user: User, entry: str,
                         body: schemas.ModerationIn) -> schemas.EntryOut:
    d = deps(request)
    found = await moderation.act(d, user, entry, body.action, body.reason)
    return present.entry(d.settings, d.storage, found, found.campaign.slug)


async def dismiss_reports(request: Request, user: User, entry: str) -> schemas.EntryOut:
    d = deps(request)
    found = await moderation.dismiss_reports(user, entry)
    return present.entry(d.settings, d.storage, found, found.campaign.slug)


class ModerationQueue(BaseModel):
    campaign: str
    items: list[schemas.QueueItemOut] = Field(description="Entries waiting, oldest first")
    comments: list[CommentQueueItemOut] = Field(
        description="Reported comments, oldest first by their first open report")


def _comment_item(settings: Settings, item: CommentQueueItem) -> CommentQueueItemOut:
    entry = item.comment.entry
    return CommentQueueItemOut(
        comment=present.comment(settings, item.comment, revealed=True),
        entry=EntryLink(id=entry.id, title=entry.title,
                        url=settings.absolute_url(urls.entry_path(entry.id))),
        reports=[present.comment_report(settings, r) for r in item.reports],
        waiting_since=item.waiting_since)


async def moderation_queue(request: Request, user: User, campaign: str) -> ModerationQueue:
    d = deps(request)
    waiting = await moderation_queue_service.queue(user, campaign)
    return ModerationQueue(campaign=campaign, items=[
        schemas.QueueItemOut(
            entry=present.entry(d.settings, d.storage, item.entry, campaign),
            reports=[present.report(r) for r in item.reports], waiting_since=item.waiting_since,
        ) for item in waiting.entries
    ], comments=[_comment_item(d.settings, item) for item in waiting.comments])


ENDPOINTS = [
    Endpoint("POST", "/entries/{entry:id}/reports", report_entry,
             "Report an entry to the moderators", schemas.ReportOut, status=201,
             body=schemas.ReportIn, errors=(401, 403, 404, 409, 422)),
    Endpoint("POST", "/entries/{entry:id}/moderation", moderate_entry,
             "Approve, hide, restore or reject an entry (managers and moderators)",
             schemas.EntryOut, body=schemas.ModerationIn, errors=(401, 403, 404, 409, 422),
             authorize=access.entry_moderator),
    Endpoint("POST", "/entries/{entry:id}/reports/dismiss", dismiss_reports,
             "Dismiss an entry's open reports (managers and moderators)", schemas.EntryOut,
             errors=(401, 403, 404)),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/moderation", moderation_queue,
             "Entries and comments waiting for a moderator, oldest first", ModerationQueue,
             errors=(401, 403, 404)),
]
