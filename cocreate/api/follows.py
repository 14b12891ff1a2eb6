"""API: following people, campaigns and ideas, and the personal feed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from starlette.requests import Request

from cocreate.api import present, schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import deps
from cocreate.services.conversation import follows
from cocreate.services.notifications import activity

if TYPE_CHECKING:
    from cocreate.models import User


class FollowOut(BaseModel):
    following: bool
    followers: int


class ActivityOut(BaseModel):
    id: str
    kind: str = Field(description="entry, badge, winner, reply or phase")
    text: str
    url: str
    actor: schemas.UserOut | None = Field(description="Who did it; none for a phase change")
    campaign: str | None = Field(description="The campaign's slug")
    created_at: datetime


class FeedQuery(BaseModel):
    cursor: str | None = None


class FeedOut(BaseModel):
    items: list[ActivityOut]
    next_cursor: str | None


def _state(found: follows.FollowState) -> FollowOut:
    return FollowOut(following=found.following, followers=found.followers)


async def follow_user(request: Request, user: User, handle: str) -> FollowOut:
    return _state(await follows.follow_user(user, handle))


async def unfollow_user(request: Request, user: User, handle: str) -> FollowOut:
    return _state(await follows.unfollow_user(user, handle))


async def follow_campaign(request: Request, user: User, campaign: str) -> FollowOut:
    return _state(await follows.follow_campaign(user, campaign))


async def unfollow_campaign(request: Request, user: User, campaign: str) -> FollowOut:
    return _state(await follows.unfollow_campaign(user, campaign))


async def follow_entry(request: Request, user: User, entry: str) -> FollowOut:
    return _state(await follows.follow_entry(user, entry))


async def unfollow_entry(request: Request, user: User, entry: str) -> FollowOut:
    return _state(await follows.unfollow_entry(user, entry))


async def feed(request: Request, user: User, query: FeedQuery) -> FeedOut:
    settings = deps(request).settings
    found = await activity.feed(user, query.cursor)
    return FeedOut(next_cursor=found.next_cursor, items=[ActivityOut(
        id=item.id, kind=item.kind, text=item.text, url=settings.absolute_url(item.url),
        actor=present.user(settings, item.actor) if item.actor else None,
        campaign=item.campaign.slug if item.campaign else None, created_at=item.created_at,
    ) for item in found.items])


ENDPOINTS = [
    Endpoint("PUT", "/users/{handle:handle}/follow", follow_user,
             "Follow a person: what they do shows in your feed (idempotent)", FollowOut,
             errors=(401, 404, 422)),
    Endpoint("DELETE", "/users/{handle:handle}/follow", unfollow_user,
             "Stop following a person (idempotent)", FollowOut, errors=(401, 404)),
    Endpoint("PUT", "/campaigns/{campaign:campaign_slug}/follow", follow_campaign,
             "Follow a campaign: its entries, badges, replies and results show in your feed "
             "(idempotent)", FollowOut, errors=(401, 404)),
    Endpoint("DELETE", "/campaigns/{campaign:campaign_slug}/follow", unfollow_campaign,
             "Stop following a campaign (idempotent)", FollowOut, errors=(401, 404)),
    Endpoint("PUT", "/entries/{entry:id}/follow", follow_entry,
             "Follow an entry: hear of its new comments and of the brand's answers to it "
             "(idempotent)", FollowOut, errors=(401, 404)),
    Endpoint("DELETE", "/entries/{entry:id}/follow", unfollow_entry,
             "Stop following an entry (idempotent)", FollowOut, errors=(401, 404)),
    Endpoint("GET", "/feed", feed,
             "What the people and campaigns you follow did, newest first (not your own)",
             FeedOut, query=FeedQuery, errors=(401, 422)),
]
