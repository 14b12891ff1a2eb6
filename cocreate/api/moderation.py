"""API: reporting entries, and the moderators' queue and decisions."""

from __future__ import annotations

from starlette.requests import Request

from cocreate.api import present, schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import deps
from cocreate.models import User
from cocreate.services import moderation


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


async def moderation_queue(request: Request, user: User,
                           campaign: str) -> schemas.ModerationQueue:
    d = deps(request)
    items = await moderation.queue(user, campaign)
    return schemas.ModerationQueue(campaign=campaign, items=[
        schemas.QueueItemOut(
            entry=present.entry(d.settings, d.storage, item.entry, campaign),
            reports=[present.report(r) for r in item.reports], waiting_since=item.waiting_since,
        ) for item in items
    ])


ENDPOINTS = [
    Endpoint("POST", "/entries/{entry}/reports", report_entry,
             "Report an entry to the moderators", schemas.ReportOut, status=201,
             body=schemas.ReportIn, errors=(401, 403, 404, 409, 422)),
    Endpoint("POST", "/entries/{entry}/moderation", moderate_entry,
             "Approve, hide, restore or reject an entry (managers and moderators)",
             schemas.EntryOut, body=schemas.ModerationIn, errors=(401, 403, 404, 409, 422)),
    Endpoint("POST", "/entries/{entry}/reports/dismiss", dismiss_reports,
             "Dismiss an entry's open reports (managers and moderators)", schemas.EntryOut,
             errors=(401, 403, 404)),
    Endpoint("GET", "/campaigns/{campaign}/moderation", moderation_queue,
             "Entries waiting for a moderator, oldest first", schemas.ModerationQueue,
             errors=(401, 403, 404)),
]
