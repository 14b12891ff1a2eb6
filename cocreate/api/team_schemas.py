"""API v1 bodies of entry teams: forming, joining and answering requests."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from cocreate.api.schemas import Body, UserOut
from cocreate.lib.identifiers import InviteCode
from cocreate.models import JoinRequestStatus


class TeamIn(Body):
    name: str


class JoinIn(Body):
    code: InviteCode


class AnswerIn(Body):
    accept: bool


class JoinRequestOut(BaseModel):
    id: str
    user: UserOut
    status: JoinRequestStatus
    created_at: datetime


class TeamOut(BaseModel):
    id: str
    name: str
    campaign: str
    captain: UserOut
    members: list[UserOut]
    member_count: int
    min_size: int
    max_size: int
    can_submit: bool = Field(description="Big enough to submit, and not submitted yet")
    entry_id: str | None
    invite_url: str | None = Field(description="Only members see the invite link")
    requests: list[JoinRequestOut] = Field(description="Only the captain sees requests")
    url: str


class TeamList(BaseModel):
    teams: list[TeamOut]
