"""API: an organization's own badges, and giving them to people."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from starlette.requests import Request

from cocreate.api import access, present, schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import deps
from cocreate.lib.identifiers import CampaignSlug, HandleRef, Id
from cocreate.services.badges import badges
from cocreate.services.recognition import org_badges

if TYPE_CHECKING:
    from cocreate.models import OrgBadge, User


class OrgBadgeIn(schemas.Body):
    name: str = Field(max_length=200)
    description: str = Field(max_length=1000)
    artwork_media_id: Id | None = None


class OrgBadgeOut(BaseModel):
    id: str
    name: str
    description: str
    artwork_url: str | None


class OrgBadgeList(BaseModel):
    badges: list[OrgBadgeOut]


class GiveIn(schemas.Body):
    handle: HandleRef
    campaign: CampaignSlug
    note: str = Field(default="", max_length=2000)


def _badge_out(request: Request, badge: OrgBadge) -> OrgBadgeOut:
    storage = deps(request).storage
    artwork = badge.artwork if badge.artwork_id else None
    return OrgBadgeOut(id=badge.id, name=badge.name, description=badge.description,
                       artwork_url=storage.url(artwork.key) if artwork and artwork.key else None)


async def list_org_badges(request: Request, org: str) -> OrgBadgeList:
    return OrgBadgeList(badges=[_badge_out(request, b) for b in await org_badges.list_badges(org)])


async def create_org_badge(request: Request, user: User, org: str,
                           body: OrgBadgeIn) -> OrgBadgeOut:
    badge = await org_badges.create_badge(user, org, body.name, body.description,
                                          body.artwork_media_id)
    return _badge_out(request, badge)


async def give_org_badge(request: Request, user: User, org: str, badge: str,
                         body: GiveIn) -> schemas.AwardOut:
    found = await org_badges.give(user, org, badge, body.handle, body.campaign, body.note)
    d = deps(request)
    return present.award(d.settings, d.storage, await badges.get_award(found.id))


ENDPOINTS = [
    Endpoint("GET", "/orgs/{org:org_slug}/badges", list_org_badges,
             "The organization's own badges", OrgBadgeList, auth=False, errors=(404,)),
    Endpoint("POST", "/orgs/{org:org_slug}/badges", create_org_badge,
             "Create a badge of the organization's own (managers)", OrgBadgeOut, status=201,
             body=OrgBadgeIn, errors=(401, 403, 404, 409, 422), authorize=access.org_manager),
    Endpoint("POST", "/orgs/{org:org_slug}/badges/{badge:id}/awards", give_org_badge,
             "Give the organization's badge to a person for a campaign, with a note (managers)",
             schemas.AwardOut, status=201, body=GiveIn, errors=(401, 403, 404, 409, 422),
             authorize=access.org_manager),
]
