"""Reading an organization's audit log (services/core/audit.py writes it): owners only."""

from __future__ import annotations

from cocreate.lib.errors import Forbidden
from cocreate.models import AuditEvent, MemberRole, User
from cocreate.services.orgs import orgs

PAGE_SIZE = 100


async def org_log(actor: User, org_slug: str, limit: int = PAGE_SIZE) -> list[AuditEvent]:
    """An organization's log, newest first. Owners only."""
    org = await orgs.get_org(org_slug)
    if await orgs.role_of(actor, org) != MemberRole.OWNER:
        raise Forbidden(f"Only owners of {org.name} can read its audit log.")
    return (
        await AuditEvent.filter(org=org).select_related("actor")
        .order_by("-created_at", "-id").limit(limit)
    )
