"""API: organizations, their managers and their campaigns."""

from __future__ import annotations

from starlette.requests import Request

from cocreate.api import present, schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import deps
from cocreate.models import User
from cocreate.services import campaigns, orgs


async def create_org(request: Request, user: User, body: schemas.OrgIn) -> schemas.OrgOut:
    found = await orgs.create_org(user, body.name, body.kind, body.slug, body.color)
    return present.org(deps(request).settings, found)


async def add_member(request: Request, user: User, org: str,
                     body: schemas.MemberIn) -> schemas.MemberOut:
    membership = await orgs.add_member(user, org, body.email, body.role)
    await membership.fetch_related("user")
    return schemas.MemberOut(
        org=org, user=present.user(deps(request).settings, membership.user), role=membership.role
    )


async def create_campaign(request: Request, user: User, org: str,
                          body: schemas.CampaignIn) -> schemas.CampaignOut:
    created = await campaigns.create_campaign(
        user, org, body.title, body.kind, body.description, body.closes_at, body.cover_media_id
    )
    found = await campaigns.get_campaign(created.slug)
    return present.campaign(deps(request).settings, deps(request).storage, found)


async def list_campaigns(request: Request) -> schemas.CampaignList:
    d = deps(request)
    found = await campaigns.list_campaigns()
    return schemas.CampaignList(
        campaigns=[present.campaign(d.settings, d.storage, c) for c in found]
    )


async def show_campaign(request: Request, campaign: str) -> schemas.CampaignOut:
    found = await campaigns.get_campaign(campaign)
    return present.campaign(deps(request).settings, deps(request).storage, found)


ENDPOINTS = [
    Endpoint("POST", "/orgs", create_org, "Create an organization; you become its owner",
             schemas.OrgOut, status=201, body=schemas.OrgIn, errors=(401, 409, 422)),
    Endpoint("POST", "/orgs/{org}/members", add_member, "Add a manager (owners only)",
             schemas.MemberOut, status=201, body=schemas.MemberIn, errors=(401, 403, 404, 422)),
    Endpoint("POST", "/orgs/{org}/campaigns", create_campaign,
             "Launch a campaign (managers only)", schemas.CampaignOut, status=201,
             body=schemas.CampaignIn, errors=(401, 403, 404, 422)),
    Endpoint("GET", "/campaigns", list_campaigns, "Campaigns, newest first",
             schemas.CampaignList, auth=False),
    Endpoint("GET", "/campaigns/{campaign}", show_campaign, "One campaign",
             schemas.CampaignOut, auth=False, errors=(404,)),
]
