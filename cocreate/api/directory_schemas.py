"""The campaign directory's API bodies (`GET /api/v1/campaigns`): the query is the page's
own input model, so both accept and refuse the same searches."""

from __future__ import annotations

from pydantic import Field

from cocreate.api.schemas import CampaignList
from cocreate.services.campaigns.directory import DirectoryQuery

__all__ = ["CampaignDirectory", "DirectoryQuery"]


class CampaignDirectory(CampaignList):
    """One page of the public campaigns a search found (the list of before, plus its page)."""

    page: int
    next_page: int | None = Field(description="Ask for this page next; null on the last one")
