"""API: what fans are asking for, and the entries behind each tag and term (managers)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from starlette.requests import Request

from cocreate.api import present, tag_schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import deps
from cocreate.lib import urls
from cocreate.services.listening import listening
from cocreate.settings import Settings

if TYPE_CHECKING:
    from cocreate.models import User


def _period(period: listening.Period) -> tag_schemas.PeriodOut:
    return tag_schemas.PeriodOut(start=period.start, end=period.end)


def _trend(settings: Settings, slug: str, days: int, kind: str,
           row: listening.Trend) -> tag_schemas.TrendOut:
    query = urlencode({"days": days, kind: row.key})
    return tag_schemas.TrendOut(
        key=row.key, label=row.label, count=row.count, previous_count=row.previous,
        trend=row.trend, rising=row.rising,
        entries_url=settings.absolute_url(f"/api/v1/campaigns/{slug}/listening/entries?{query}"),
        page_url=settings.absolute_url(f"{urls.listening_path(slug)}/entries?{query}"),
    )


async def show_listening(request: Request, user: User, campaign: str,
                         query: tag_schemas.ListeningQuery) -> tag_schemas.ListeningOut:
    found = await listening.summary(user, campaign, query.days)
    settings = deps(request).settings
    return tag_schemas.ListeningOut(
        campaign=campaign, days=found.days, period=_period(found.current),
        previous_period=_period(found.previous),
        tags=[_trend(settings, campaign, found.days, "tag", t) for t in found.tags],
        terms=[_trend(settings, campaign, found.days, "term", t) for t in found.terms],
    )


async def entries_behind(request: Request, user: User, campaign: str,
                         query: tag_schemas.BehindQuery) -> tag_schemas.BehindOut:
    found = await listening.entries_behind(user, campaign, query.days, term=query.term,
                                           tag=query.tag)
    d = deps(request)
    return tag_schemas.BehindOut(
        campaign=campaign, label=found.label, period=_period(found.current),
        entries=[present.entry(d.settings, d.storage, e, campaign) for e in found.entries])


ENDPOINTS = [
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/listening", show_listening,
             "What fans are asking for: the period's most frequent tags and terms, rising "
             "first, against the period before (managers)", tag_schemas.ListeningOut,
             query=tag_schemas.ListeningQuery, errors=(401, 403, 404, 422)),
    Endpoint("GET", "/campaigns/{campaign:campaign_slug}/listening/entries", entries_behind,
             "The public entries behind a tag or a term in the period (managers)",
             tag_schemas.BehindOut, query=tag_schemas.BehindQuery,
             errors=(401, 403, 404, 422)),
]
