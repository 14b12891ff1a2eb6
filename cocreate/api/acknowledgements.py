"""API: the brand thanking people by name for their entries."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from starlette.requests import Request

from cocreate.api import present, schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import current_user, deps
from cocreate.services.entries import entries
from cocreate.services.recognition import ack_inbox, ack_metrics, acknowledgements

if TYPE_CHECKING:
    from cocreate.models import Acknowledgement, User


class AcknowledgementIn(schemas.Body):
    note: str = Field(max_length=5000, description="A personal note that names the person")
    handle: str | None = Field(default=None, max_length=60,
                               description="Whom you thank (a team member); the author if left out")


class AcknowledgementOut(BaseModel):
    id: str
    org: str
    recipient: schemas.UserOut
    note: str
    created_at: datetime


class AcknowledgementList(BaseModel):
    acknowledgements: list[AcknowledgementOut]


class InboxQuery(BaseModel):
    campaign: str | None = None
    kind: str | None = None
    power_first: bool = False
    cursor: str | None = None


class InboxOut(BaseModel):
    waiting: int
    entries: list[schemas.EntryOut]
    next_cursor: str | None


class SummaryOut(BaseModel):
    contributions: int
    acknowledged: int
    share: float | None
    median_hours: float | None
    p90_hours: float | None


class WeekOut(SummaryOut):
    starts: datetime


class MetricsOut(BaseModel):
    overall: SummaryOut
    weeks: list[WeekOut]


class MetricsQuery(BaseModel):
    campaign: str | None = None


def _summary(found: ack_metrics.Summary) -> dict[str, object]:
    return {"contributions": found.contributions, "acknowledged": found.acknowledged,
            "share": found.share, "median_hours": found.median_hours,
            "p90_hours": found.p90_hours}


def _out(request: Request, thanks: Acknowledgement) -> AcknowledgementOut:
    return AcknowledgementOut(id=thanks.id, org=thanks.org.slug,
                              recipient=present.user(deps(request).settings, thanks.recipient),
                              note=thanks.note, created_at=thanks.created_at)


async def acknowledge(request: Request, user: User, entry: str,
                      body: AcknowledgementIn) -> AcknowledgementOut:
    return _out(request, await acknowledgements.acknowledge(user, entry, body.note, body.handle))


async def list_acknowledgements(request: Request, entry: str) -> AcknowledgementList:
    found = await entries.view_entry(current_user(request), entry)
    return AcknowledgementList(acknowledgements=[
        _out(request, thanks) for thanks in await acknowledgements.of_entry(found)])


async def inbox(request: Request, user: User, org: str, query: InboxQuery) -> InboxOut:
    found = await ack_inbox.inbox(user, org, query.campaign, query.kind, query.power_first,
                                  query.cursor)
    d = deps(request)
    return InboxOut(waiting=found.waiting, next_cursor=found.next_cursor, entries=[
        present.entry(d.settings, d.storage, entry, entry.campaign.slug)
        for entry in found.entries])


async def metrics(request: Request, user: User, org: str, query: MetricsQuery) -> MetricsOut:
    found = await ack_metrics.metrics(user, org, query.campaign)
    return MetricsOut(overall=SummaryOut(**_summary(found.overall)), weeks=[
        WeekOut(starts=week.starts, **_summary(week.summary)) for week in found.weeks])


ENDPOINTS = [
    Endpoint("POST", "/entries/{entry:id}/acknowledgements", acknowledge,
             "Thank the entry's author (or a team member) by name (managers); they are "
             "notified and earn the Recognized badge", AcknowledgementOut, status=201,
             body=AcknowledgementIn, errors=(401, 403, 404, 409, 422)),
    Endpoint("GET", "/entries/{entry:id}/acknowledgements", list_acknowledgements,
             "How the brand thanked the entry's people", AcknowledgementList, auth=False,
             errors=(404,)),
    Endpoint("GET", "/orgs/{org:org_slug}/inbox", inbox,
             "Public contributions not thanked yet, oldest first (managers)", InboxOut,
             query=InboxQuery, errors=(401, 403, 404, 422)),
    Endpoint("GET", "/orgs/{org:org_slug}/acknowledgement-metrics", metrics,
             "Share of contributions thanked and time to the first thanks, overall and by "
             "week (managers)", MetricsOut, query=MetricsQuery, errors=(401, 403, 404, 422)),
]
