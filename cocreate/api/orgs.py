"""API: organizations, their managers and moderators, and their audit log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from cocreate.api import access, present, schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import deps
from cocreate.services.orgs import orgs
from cocreate.services.orgs.audit_log import org_log

if TYPE_CHECKING:
    from cocreate.models import User


async def create_org(request: Request, user: User, body: schemas.OrgIn) -> schemas.OrgOut:
    found = await orgs.create_org(user, body.name, body.kind, body.slug, body.color)
    return present.org(deps(request).settings, found)


async def add_member(request: Request, user: User, org: str,
                     body: schemas.MemberIn) -> schemas.MemberOut:
    membership = await orgs.add_member(user, org, body.email, body.role)
    return schemas.MemberOut(
        org=org, user=present.user(deps(request).settings, membership.user), role=membership.role
    )


async def audit_log(request: Request, user: User, org: str) -> schemas.AuditLog:
    events = await org_log(user, org)
    settings = deps(request).settings
    return schemas.AuditLog(org=org, events=[present.audit_event(settings, e) for e in events])


async def update_org(request: Request, user: User, org: str,
                     body: schemas.OrgUpdateIn) -> schemas.OrgOut:
    found = await orgs.update_org(user, org, body.name, body.color, body.logo_media_id,
                                  body.clear_logo)
    return present.org(deps(request).settings, found, deps(request).storage)


ENDPOINTS = [
    Endpoint("POST", "/orgs", create_org, "Create an organization; you become its owner",
             schemas.OrgOut, status=201, body=schemas.OrgIn, errors=(401, 409, 422)),
    Endpoint("PATCH", "/orgs/{org:org_slug}", update_org,
             "Change the organization's name, colour or logo (managers); badge cards follow",
             schemas.OrgOut, body=schemas.OrgUpdateIn, errors=(401, 403, 404, 422),
             authorize=access.org_manager),
    Endpoint("POST", "/orgs/{org:org_slug}/members", add_member,
             "Add a manager or moderator (owners only)",
             schemas.MemberOut, status=201, body=schemas.MemberIn, errors=(401, 403, 404, 422),
             authorize=access.org_owner),
    Endpoint("GET", "/orgs/{org:org_slug}/audit", audit_log,
             "What managers did, newest first (owners only)", schemas.AuditLog,
             errors=(401, 403, 404)),
]
