"""Response body of a person's public profile (GET /users/{handle})."""

from __future__ import annotations

from pydantic import BaseModel, Field

from cocreate.api.schemas import AwardOut, EntryOut, UserOut


class OrgRef(BaseModel):
    slug: str
    name: str
    url: str


class ProfileTeamOut(BaseModel):
    id: str
    name: str
    url: str
    campaign: str = Field(description="The slug of the campaign the team takes part in")
    member_count: int


class ProfileOut(BaseModel):
    user: UserOut
    bio: str = Field(description="A line about themselves; empty if they wrote none")
    avatar_url: str | None = Field(description="Their picture, once it is processed")
    followers: int
    following: bool = Field(description="You follow them (false when you are signed out)")
    entries: list[EntryOut] = Field(
        description="Their entries and remixes, and the entries their merged ideas live on "
                    "in, newest first: the public ones, and on your own profile also those "
                    "waiting for or refused by moderation (see `status`)")
    remixes: list[str] = Field(description="The ids of the listed entries that are remixes")
    credited: list[str] = Field(
        description="The ids of the listed entries that credit them for an idea merged "
                    "into it")
    awards: list[AwardOut] = Field(description="The badges they hold, newest first")
    teams: list[ProfileTeamOut]
    thanked_by: list[OrgRef] = Field(
        description="Organizations that thanked them by name or with a badge of their own")
    ambassador_of: list[OrgRef]
    reach_summary: str | None = Field(
        description="What their share links brought, in a sentence: on your own profile "
                    "only (details at GET /me/reach)")
