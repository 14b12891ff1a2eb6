"""Request and response bodies of fans' fundraising pages, their teams and leaderboards."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from cocreate.api.fundraiser_schemas import SupporterOut
from cocreate.api.schemas import Body, UserOut
from cocreate.models import FundraisingPageStatus
from cocreate.services.fundraising.fundraising_pages import PageChanges, PageInput


class PageIn(PageInput):  # the form that starts a page sends it too
    goal: int = Field(description="Your personal goal, in minor units of the fundraiser's "
                      "currency")


class PageEditIn(PageChanges):  # the page's edit form sends it too
    pass


class PageHideIn(Body):
    reason: str = Field(max_length=1000, description="Why the page is hidden; its owner "
                        "sees it")


class FundraisingTeamIn(Body):
    name: str = Field(max_length=400)
    goal: int | None = Field(None, description="Minor units; 0 or none: no team goal")
    story: str | None = Field(None, max_length=20000, description="Markdown")


class FundraisingTeamRef(BaseModel):
    slug: str
    name: str
    url: str


class PageOut(BaseModel):
    """A fan's fundraising page. Amounts are minor units of `currency`; raised counts the
    succeeded gifts made on the page (the sponsor's match counts for the fundraiser)."""

    id: str = Field(description="Give on the page with this id as page_id")
    slug: str
    url: str
    campaign: str
    title: str
    owner: UserOut
    goal: int
    raised: int
    gift_count: int
    currency: str
    raised_display: str
    goal_display: str
    percent: int = Field(description="Percent of the goal reached (may pass 100)")
    story: str
    story_html: str
    photo_url: str | None
    card_url: str = Field(description="The share card image (1200×630)")
    team: FundraisingTeamRef | None
    status: FundraisingPageStatus
    hidden_reason: str = Field(description="Why managers hid it; only its owner and the "
                               "managers see hidden pages")
    created_at: datetime


class PageDetailOut(PageOut):
    supporters: list[SupporterOut] = Field(description="The latest gifts made on the page; "
                                           "anonymous ones without their donor")


class PageList(BaseModel):
    pages: list[PageOut]


class FundraisingTeamOut(BaseModel):
    slug: str
    name: str
    url: str
    campaign: str
    captain: UserOut
    story_html: str
    goal: int
    raised: int = Field(description="What its current members' pages raised")
    gift_count: int
    member_count: int
    currency: str
    raised_display: str
    created_at: datetime


class FundraisingTeamDetailOut(FundraisingTeamOut):
    members: list[PageOut] = Field(description="Its visible pages, by amount raised")


class FundraisingTeamList(BaseModel):
    teams: list[FundraisingTeamOut]


class LeaderboardOut(BaseModel):
    """Top fundraisers and teams by amount raised; ties go to the earlier one."""

    pages: list[PageOut]
    teams: list[FundraisingTeamOut]
