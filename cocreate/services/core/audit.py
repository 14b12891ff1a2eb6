"""The audit log: every manager action (and every scheduled phase change) is recorded here,
in the transaction of the action; owners read it through services/orgs/audit_log.py."""

from __future__ import annotations

from typing import Any

from cocreate.models import AuditEvent, User


async def record(org_id: str, actor: User | None, action: str, target_type: str,
                 target_id: str, summary: str, data: dict[str, Any] | None = None) -> AuditEvent:
    """Write one event; call inside the transaction of the action it describes."""
    return await AuditEvent.create(
        org_id=org_id, actor=actor, action=action, target_type=target_type,
        target_id=target_id, summary=summary[:300], data=data or {},
    )
