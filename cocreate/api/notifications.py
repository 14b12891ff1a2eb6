"""API: a person's notifications, and marking them read."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from starlette.requests import Request

from cocreate.api import schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import deps
from cocreate.lib.identifiers import Id
from cocreate.services.notifications import notifications

if TYPE_CHECKING:
    from cocreate.models import User


class NotificationOut(BaseModel):
    id: str
    kind: str
    text: str
    url: str
    read: bool
    created_at: datetime


class NotificationList(BaseModel):
    unread: int
    notifications: list[NotificationOut]


class MarkReadIn(schemas.Body):
    ids: list[Id] | None = Field(default=None, max_length=500,
                                  description="Leave out to mark every notification read")


class MarkReadOut(BaseModel):
    marked: int
    unread: int


async def list_notifications(request: Request, user: User) -> NotificationList:
    settings = deps(request).settings
    items = await notifications.recent(user)
    return NotificationList(unread=await notifications.unread_count(user), notifications=[
        NotificationOut(id=n.id, kind=n.kind, text=n.text, url=settings.absolute_url(n.url),
                        read=n.read_at is not None, created_at=n.created_at)
        for n in items
    ])


async def mark_read(request: Request, user: User, body: MarkReadIn) -> MarkReadOut:
    marked = await notifications.mark_read(user, body.ids)
    return MarkReadOut(marked=marked, unread=await notifications.unread_count(user))


ENDPOINTS = [
    Endpoint("GET", "/notifications", list_notifications,
             "Your newest notifications and how many are unread", NotificationList,
             errors=(401,)),
    Endpoint("POST", "/notifications/read", mark_read,
             "Mark some or all of your notifications read", MarkReadOut, body=MarkReadIn,
             errors=(401, 422)),
]
