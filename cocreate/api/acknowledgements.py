"""API: the brand thanking people by name for their entries."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field
from starlette.requests import Request

from cocreate.api import present, schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import current_user, deps
from cocreate.models import Acknowledgement, User
from cocreate.services import acknowledgements, entries


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


ENDPOINTS = [
    Endpoint("POST", "/entries/{entry}/acknowledgements", acknowledge,
             "Thank the entry's author (or a team member) by name (managers); they are "
             "notified and earn the Recognized badge", AcknowledgementOut, status=201,
             body=AcknowledgementIn, errors=(401, 403, 404, 409, 422)),
    Endpoint("GET", "/entries/{entry}/acknowledgements", list_acknowledgements,
             "How the brand thanked the entry's people", AcknowledgementList, auth=False,
             errors=(404,)),
]
