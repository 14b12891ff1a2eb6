"""Request and response bodies of API v1."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SignupIn(Body):
    email: str
    password: str
    display_name: str


class TokenIn(Body):
    email: str
    password: str


class UserOut(BaseModel):
    handle: str
    display_name: str
    url: str


class MeOut(UserOut):
    email: str


class SignupOut(BaseModel):
    user: MeOut


class TokenOut(BaseModel):
    token: str
    token_type: Literal["bearer"] = "bearer"


class OrgIn(Body):
    name: str
    slug: str | None = None
    kind: Literal["brand", "nonprofit"]
    color: str | None = None


class OrgOut(BaseModel):
    slug: str
    name: str
    kind: str
    color: str
    url: str


class MemberIn(Body):
    email: str
    role: Literal["manager"]


class MemberOut(BaseModel):
    org: str
    user: UserOut
    role: str


class CampaignIn(Body):
    title: str
    kind: Literal["idea"]
    description: str
    closes_at: datetime | None = None
    cover_media_id: str | None = None


class CampaignOut(BaseModel):
    slug: str
    title: str
    kind: str
    description: str
    description_html: str
    org: OrgOut
    closes_at: datetime | None
    is_open: bool
    entry_count: int
    cover_url: str | None
    url: str


class CampaignList(BaseModel):
    campaigns: list[CampaignOut]


class UploadIn(Body):
    filename: str
    content_type: str
    size: int = Field(gt=0)


class UploadForm(BaseModel):
    url: str
    fields: dict[str, str]


class UploadOut(BaseModel):
    media_id: str
    upload: UploadForm


class MediaOut(BaseModel):
    media_id: str
    status: Literal["uploading", "processing", "ready", "rejected"]
    reason: str | None
    url: str | None
    thumbnail_url: str | None
    width: int | None
    height: int | None


class EntryIn(Body):
    title: str
    body: str = ""
    media_id: str | None = None


class EntryOut(BaseModel):
    id: str
    campaign: str
    kind: str
    title: str
    body: str
    body_html: str
    author: UserOut
    vote_count: int
    image_url: str | None
    thumbnail_url: str | None
    created_at: datetime
    url: str


class EntryPageQuery(Body):
    sort: Literal["top", "new"] = "top"
    cursor: str | None = None
    limit: int = Field(default=24, ge=1, le=100)


class EntryPage(BaseModel):
    entries: list[EntryOut]
    next_cursor: str | None


class VoteOut(BaseModel):
    voted: bool
    vote_count: int


class LeaderboardRow(BaseModel):
    rank: int
    entry: EntryOut


class Leaderboard(BaseModel):
    campaign: str
    rows: list[LeaderboardRow]


class AwardOut(BaseModel):
    id: str
    badge: str
    label: str
    description: str
    campaign: str
    status: Literal["rendering", "ready"]
    image_url: str | None
    share_url: str
    created_at: datetime


class AwardList(BaseModel):
    awards: list[AwardOut]
