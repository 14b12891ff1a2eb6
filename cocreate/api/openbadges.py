"""API: revoking an award (its Open Badges assertion then says so)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel
from starlette.requests import Request

from cocreate.api.endpoint import Endpoint
from cocreate.api.schemas import Body
from cocreate.http import deps
from cocreate.lib.openbadges import paths
from cocreate.services.recognition import openbadges

if TYPE_CHECKING:
    from cocreate.models import User


class RevokeIn(Body):
    reason: str | None = None  # published with the revocation, up to 300 characters


class RevocationOut(BaseModel):
    award: str
    revoked: bool
    revoked_at: datetime
    reason: str
    assertion_url: str


async def revoke_award(request: Request, user: User, award: str,
                       body: RevokeIn) -> RevocationOut:
    found = await openbadges.revoke(user, award, body.reason)
    assert found.revoked_at is not None and found.revocation_reason is not None
    return RevocationOut(
        award=found.id, revoked=True, revoked_at=found.revoked_at,
        reason=found.revocation_reason,
        assertion_url=deps(request).settings.absolute_url(paths.assertion_path(found.id)),
    )


ENDPOINTS = [
    Endpoint("POST", "/awards/{award:id}/revoke", revoke_award,
             "Revoke an award, with a published reason (managers of its organization)",
             RevocationOut, body=RevokeIn, errors=(401, 403, 404, 409, 422)),
]
