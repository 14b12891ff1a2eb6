"""The audit log: every manager action (and every scheduled phase change), for owners to read."""

from __future__ import annotations

from typing import Any

from cocreate.models import AuditEvent, User
from cocreate.services import orgs
from cocreate.services.errors import Forbidden

PAGE_SIZE = 100


async def record(org_id: str, actor: User | None, action: str, target_type: str,
                 target_id: str, summary: str, data: dict[str, Any] | None = None) -> AuditEvent:
    """Write one event; call inside the transaction of the action it describes."""
    return await AuditEvent.create(
        org_id=org_id, actor=actor, action=action, target_type=target_type,
        target_id=target_id, summary=summary[:300], data=data or {},
    )


async def org_log(actor: User, org_slug: str, limit: int = PAGE_SIZE) -> list[AuditEvent]:
    """An organization's log, newest first. Owners only."""
    org = await orgs.get_org(org_slug)
    if await orgs.role_of(actor, org) != "owner":
        raise Forbidden(f"Only owners of {org.name} can read its audit log.")
    return (
        await AuditEvent.filter(org=org).select_related("actor")
        .order_by("-created_at", "-id").limit(limit)
    )
