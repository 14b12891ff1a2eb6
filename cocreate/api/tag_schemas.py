"""Request and response bodies of API v1 for tags and for listening to what fans ask for."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from cocreate.api.schemas import Body, EntryOut, TagRef
from cocreate.lib.identifiers import TagSlug
from cocreate.services.listening.listening import TrendDirection


class TagIn(Body):
    name: str = Field(description="2 to 40 characters; its slug comes from it")
    color: str | None = Field(None, description="#rrggbb")


class TagMergeIn(Body):
    into: TagSlug = Field(description="The slug of the tag that takes over the entries")


class EntryTagsIn(Body):
    tags: list[str] = Field([], description="Slugs of the tags the entry carries (at most 3, "
                            "counting a suggestion)")
    suggest_tag: str | None = Field(None, description="A new tag to suggest (managers: to add)")


class TagOut(TagRef):
    url: str = Field(description="The campaign's entries carrying it")
    entry_count: int = Field(description="Published entries carrying it")


class TagList(BaseModel):
    campaign: str
    tags: list[TagOut] = Field(description="Approved tags, with your own suggestions; "
                               "managers see every suggestion")


class EntryTagsOut(BaseModel):
    entry: str
    tags: list[TagRef]


class Deleted(BaseModel):
    deleted: str


class ListeningQuery(Body):
    days: int = Field(30, description="7, 30 or 90")


class BehindQuery(ListeningQuery):
    term: str | None = Field(None, description="A term's key, as the listening endpoint gives")
    tag: str | None = Field(None, description="A tag's slug")


class TrendOut(BaseModel):
    key: str = Field(description="A term's stems, or a tag's slug")
    label: str
    count: int = Field(description="Ideas and comments using the term, or entries carrying "
                       "the tag, in the period")
    previous_count: int = Field(description="The same in the period before")
    trend: TrendDirection
    rising: bool
    entries_url: str = Field(description="The API list of the entries behind it")
    page_url: str = Field(description="The same list as a page")


class PeriodOut(BaseModel):
    start: date
    end: date


class ListeningOut(BaseModel):
    campaign: str
    days: int
    period: PeriodOut
    previous_period: PeriodOut
    tags: list[TrendOut] = Field(description="Tags of the entries created in the period, "
                                 "rising first")
    terms: list[TrendOut] = Field(description="Words and two-word phrases of ideas and "
                                  "comments, rising first")


class BehindOut(BaseModel):
    campaign: str
    label: str
    period: PeriodOut
    entries: list[EntryOut]
