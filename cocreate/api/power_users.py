"""API: an organization's power users, ranked with their reasons, and its ambassadors."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field
from starlette.requests import Request

from cocreate.api import present, schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import deps
from cocreate.services.reach import power_users as ranking
from cocreate.services.recognition import ambassadors

if TYPE_CHECKING:
    from cocreate.models import User


class PowerUsersQuery(BaseModel):
    by: Literal["influence", "conversation", "votes"] = "influence"
    page: int = Field(default=1, ge=1, le=ranking.MAX_PAGE)


class PowerUserOut(BaseModel):
    rank: int
    user: schemas.UserOut
    score: int
    reasons: str = Field(description="The score in words, e.g. “brought 12 visitors, "
                         "3 signed up, 5 votes”")
    ambassador: bool


class PowerUserPage(BaseModel):
    by: str
    page: int
    people: list[PowerUserOut]
    has_next: bool


class AmbassadorIn(schemas.Body):
    note: str = Field(default="", max_length=2000, description="Why (optional)")


class AmbassadorOut(BaseModel):
    org: str
    user: schemas.UserOut
    ambassador: bool
    note: str = ""
    marked_at: datetime | None = None


async def power_users(request: Request, user: User, org: str,
                      query: PowerUsersQuery) -> PowerUserPage:
    found = await ranking.ranking(user, org, query.by, query.page)
    settings = deps(request).settings
    return PowerUserPage(by=found.by, page=found.page, has_next=found.has_next, people=[
        PowerUserOut(rank=row.rank, user=present.user(settings, row.user), score=row.score,
                     reasons=row.reasons, ambassador=row.ambassador) for row in found.rows])


async def mark_ambassador(request: Request, user: User, org: str, handle: str,
                          body: AmbassadorIn) -> AmbassadorOut:
    found = await ambassadors.mark(deps(request), user, org, handle, body.note)
    return AmbassadorOut(org=org, user=present.user(deps(request).settings, found.user),
                         ambassador=True, note=found.note, marked_at=found.created_at)


async def unmark_ambassador(request: Request, user: User, org: str,
                            handle: str) -> AmbassadorOut:
    person = await ambassadors.unmark(deps(request), user, org, handle)
    return AmbassadorOut(org=org, user=present.user(deps(request).settings, person),
                         ambassador=False)


ENDPOINTS = [
    Endpoint("GET", "/orgs/{org:org_slug}/power-users", power_users,
             "Fans ranked by influence (visits, signups and votes their share links brought) "
             "by conversation (replies received, threads started, helpful reactions) or by "
             "the votes their entries received, with the reasons (managers)", PowerUserPage,
             query=PowerUsersQuery,
             errors=(401, 403, 404, 422)),
    Endpoint("PUT", "/orgs/{org:org_slug}/ambassadors/{handle:handle}", mark_ambassador,
             "Name a fan an ambassador of the organization (managers, idempotent): the first "
             "time they earn the Ambassador badge", AmbassadorOut, body=AmbassadorIn,
             errors=(401, 403, 404, 422, 429)),
    Endpoint("DELETE", "/orgs/{org:org_slug}/ambassadors/{handle:handle}", unmark_ambassador,
             "Stop naming a fan an ambassador (managers, idempotent); their badge stays",
             AmbassadorOut, errors=(401, 403, 404, 429)),
]
