"""The campaign directory (`/campaigns` and `GET /api/v1/campaigns`): one page of the public
campaigns a search finds, what the filters offer, and the links to change them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from cocreate.read_models.campaign import CampaignSummary, summary_of
from cocreate.services.campaigns import directory
from cocreate.services.campaigns.directory import DirectoryQuery

if TYPE_CHECKING:
    from cocreate.models import Campaign, Organization

PATH = "/campaigns"


@dataclass(frozen=True)
class Directory:
    query: DirectoryQuery
    campaigns: list[Campaign]
    has_next: bool
    organizations: list[Organization] = field(default_factory=list)

    @property
    def page(self) -> int:
        return self.query.page

    @property
    def next_page(self) -> int | None:
        return self.page + 1 if self.has_next else None

    def url(self, **changes: object) -> str:
        """This search with `changes` (None drops a filter), from its first page unless a
        page is given."""
        query = urlencode(self.query.changed(**changes))
        return f"{PATH}?{query}" if query else PATH

    @property
    def filtered(self) -> bool:
        """Whether anything narrows the list beyond the default (what an empty list blames)."""
        q = self.query
        return bool(q.q or q.kind or q.org or q.phase or q.closing_soon)

    def org_name(self) -> str | None:
        return next((o.name for o in self.organizations if o.slug == self.query.org), None)

    def shown(self) -> dict[str, str]:
        """The form's fields as this search set them ("" for any)."""
        return {key: "true" if value is True else "" if value in (None, False) else str(value)
                for key, value in self.query.model_dump().items()}


SORTS = directory.SORTS
KINDS = {"remix": "Remixes", "idea": "Ideas", "team": "Team builds",
         "fundraiser": "Fundraisers"}  # short: two filters share a phone's row
# The phase filter's words: "open" is open for entries, or for gifts on a fundraiser.
PHASES = {"open": "Open", "voting": "Voting", "judging": "Judging", "results": "Results",
          "closed": "Closed (fundraisers)", "archived": "Archived"}


async def directory_page(query: DirectoryQuery, *, with_filters: bool = True) -> Directory:
    """One page of the directory; `with_filters` adds the organizations the filter offers
    (the page shows them, the API does not need them)."""
    found = await directory.search(query)
    offered = await offered_organizations() if with_filters else []
    return Directory(query, found.campaigns, found.has_next, offered)


async def offered_organizations() -> list[Organization]:
    return await directory.organizations()


async def summaries(found: Directory) -> list[CampaignSummary]:
    """What the API says of each campaign of the page (its prizes and a fundraiser's
    progress): two small queries a campaign, for at most directory.MAX_LIMIT of them."""
    return [await summary_of(campaign) for campaign in found.campaigns]
