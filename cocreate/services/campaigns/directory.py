"""The campaign directory: which public campaigns a search and its filters find, in which
order, a page at a time. Drafts are never listed; archived campaigns only when asked for.

Search: every word of `q` must appear in the title, the description or the organization's
name (case-insensitive `LIKE '%word%'`, parameterised through Tortoise on SQLite and
PostgreSQL alike). Such a match cannot use a B-tree index, so it is bounded instead: at most
MAX_QUERY characters and MAX_TERMS words, over public campaigns only, after the indexed
filters (organization, phase), and a page is at most MAX_LIMIT rows at an offset of at most
MAX_PAGE pages. A site with many thousands of campaigns would add a pg_trgm GIN index on
PostgreSQL for the same queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from tortoise.expressions import Q, RawSQL
from tortoise.functions import Coalesce

from cocreate.lib.identifiers import OrgSlug
from cocreate.models import Campaign, CampaignKind, CampaignPhase, Organization
from cocreate.services.campaigns import phases

MAX_QUERY = 100
MAX_TERMS = 6
MAX_LIMIT = 48
PAGE_SIZE = 24
MAX_PAGE = 100
CLOSING_SOON = timedelta(days=7)
ORGS_LISTED = 200  # organizations offered in the filter

# The phases fans take part in: "closing soon" is the end of one of them.
TAKING_PART = (CampaignPhase.OPEN, CampaignPhase.VOTING)
LISTED_PHASES = tuple(p for p in phases.PUBLIC_PHASES if p != CampaignPhase.ARCHIVED)
Phase = Literal["open", "voting", "judging", "results", "closed", "archived"]
Sort = Literal["newest", "closing", "entries", "raised"]
SORTS: dict[str, str] = {"newest": "Newest", "closing": "Closing soon",
                         "entries": "Most entries", "raised": "Most raised"}


class DirectoryQuery(BaseModel):
    """What a visitor asks the directory (the page's GET form and the API's query string).
    An empty field means "any"; parameters of other pages are ignored."""

    model_config = ConfigDict(extra="ignore")

    q: str = Field("", max_length=MAX_QUERY, description="Words in the title, description "
                   "or organization name")
    kind: CampaignKind | None = None
    org: OrgSlug | None = Field(None, description="An organization's slug")
    phase: Phase | None = Field(None, description="Only this phase (archived only when asked)")
    closing_soon: bool = Field(False, description="Only campaigns whose entries or votes "
                               "close within 7 days")
    sort: Sort = "newest"
    page: int = Field(1, ge=1, le=MAX_PAGE)
    limit: int = Field(PAGE_SIZE, ge=1, le=MAX_LIMIT)

    @model_validator(mode="before")
    @classmethod
    def _blank_is_any(cls, data: Any) -> Any:
        """A form's empty select or text field sends "", which means "any"."""
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if not (isinstance(v, str) and not v.strip())}
        return data

    @property
    def terms(self) -> list[str]:
        return self.q.split()[:MAX_TERMS]

    def changed(self, **changes: Any) -> dict[str, str]:
        """The query string of this search with `changes` (None drops a parameter), without
        defaults, so links stay short; any change but the page's starts at page one."""
        values = {**self.model_dump(), "page": 1, **changes}
        defaults = DirectoryQuery().model_dump()
        return {key: ("true" if value is True else str(value)) for key, value in values.items()
                if value is not None and value != defaults[key] and value != ""}


@dataclass(frozen=True)
class DirectoryPage:
    query: DirectoryQuery
    campaigns: list[Campaign]
    has_next: bool


async def search(query: DirectoryQuery, now: datetime | None = None) -> DirectoryPage:
    """One page of the public campaigns matching the query."""
    now = now or datetime.now(UTC)
    found = Campaign.filter(phase=query.phase) if query.phase else Campaign.filter(
        phase__in=LISTED_PHASES)
    if query.kind:
        found = found.filter(kind=query.kind)
    if query.org:
        found = found.filter(org__slug=query.org)
    for term in query.terms:
        found = found.filter(Q(title__icontains=term) | Q(description__icontains=term)
                             | Q(org__name__icontains=term))
    if query.closing_soon:
        found = found.filter(phase__in=TAKING_PART, next_phase_at__gte=now,
                             next_phase_at__lte=now + CLOSING_SOON)
    found = _sorted(found, query.sort)
    rows = await (found.select_related("org", "cover")
                  .offset((query.page - 1) * query.limit).limit(query.limit + 1))
    return DirectoryPage(query, rows[:query.limit], len(rows) > query.limit)


_CLOSES = ('"campaigns"."phase" IN (' + ",".join(f"'{p.value}'" for p in TAKING_PART)
           + ') AND "campaigns"."next_phase_at" IS NOT NULL')


def _sorted(found: Any, sort: str) -> Any:
    """Every order ends on the creation time and id, so pages never overlap; no order puts
    NULLs where one database would and the other would not."""
    keys: list[str] = []
    if sort == "closing":
        # Campaigns whose entries or votes close next first, then the others, newest first.
        # Constant SQL (no input in it): Tortoise's Case binds its parameters out of order
        # on PostgreSQL.
        found = found.annotate(closes_later=RawSQL(f"CASE WHEN {_CLOSES} THEN 0 ELSE 1 END"),
                               closes_next=RawSQL(f"CASE WHEN {_CLOSES} THEN "
                                                  f'"campaigns"."next_phase_at" END'))
        keys = ["closes_later", "closes_next"]
    elif sort == "entries":
        keys = ["-entry_count"]
    elif sort == "raised":
        # Minor units whatever the currency (no exchange rates here); others count as 0.
        found = found.annotate(raised=Coalesce("fundraiser__raised", 0))
        keys = ["-raised"]
    return found.order_by(*keys, "-created_at", "id")


async def organizations() -> list[Organization]:
    """The organizations with a listed campaign, by name: what the filter offers."""
    return await (Organization.filter(campaigns__phase__in=LISTED_PHASES).distinct()
                  .order_by("name", "id").limit(ORGS_LISTED))
