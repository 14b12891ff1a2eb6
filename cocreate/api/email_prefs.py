"""API: what a person has mailed, and whether as a daily digest."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from starlette.requests import Request

from cocreate.api import schemas
from cocreate.api.endpoint import Endpoint
from cocreate.services.notifications import email_prefs

if TYPE_CHECKING:
    from cocreate.models import User


class EmailKindOut(BaseModel):
    kind: str
    label: str


class EmailPrefsOut(BaseModel):
    kinds: list[str] = Field(description="The notification kinds mailed to you")
    digest: bool = Field(description="One daily digest instead of a mail for each")
    available: list[EmailKindOut]


class EmailPrefsIn(schemas.Body):
    kinds: list[str] = Field(max_length=20, description="Kinds to mail; the rest are not")
    digest: bool = False


def _out(prefs: email_prefs.EmailPrefs) -> EmailPrefsOut:
    return EmailPrefsOut(kinds=prefs.kinds, digest=prefs.digest, available=[
        EmailKindOut(kind=kind, label=label) for kind, label in email_prefs.KINDS.items()])


async def show_email_prefs(request: Request, user: User) -> EmailPrefsOut:
    return _out(email_prefs.get(user))


async def set_email_prefs(request: Request, user: User, body: EmailPrefsIn) -> EmailPrefsOut:
    return _out(await email_prefs.set_prefs(user, body.kinds, body.digest))


ENDPOINTS = [
    Endpoint("GET", "/me/email-preferences", show_email_prefs,
             "What we mail you, and whether as a daily digest", EmailPrefsOut, errors=(401,)),
    Endpoint("PUT", "/me/email-preferences", set_email_prefs,
             "Choose what we mail you, and whether as a daily digest", EmailPrefsOut,
             body=EmailPrefsIn, errors=(401, 422)),
]
