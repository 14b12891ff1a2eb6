"""How well a brand thanks its people: the share of public contributions acknowledged, and
how long the first thanks took (median and 90th percentile), overall and week by week.

Read from the entries' own timestamps (published at, first acknowledged at), so the numbers
cannot drift from what happened. This reads the organization's entries once per dashboard
view: fine for a manager's page, not for a public one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cocreate.lib.errors import Invalid
from cocreate.models import Entry, EntryStatus, User
from cocreate.services.campaigns import campaigns
from cocreate.services.orgs import orgs

WEEKS = 12


@dataclass(frozen=True)
class Summary:
    contributions: int
    acknowledged: int
    median_hours: float | None
    p90_hours: float | None

    @property
    def share(self) -> float | None:
        return self.acknowledged / self.contributions if self.contributions else None


@dataclass(frozen=True)
class Week:
    starts: datetime
    summary: Summary


@dataclass(frozen=True)
class Metrics:
    overall: Summary
    weeks: list[Week]


def percentile(values: list[float], fraction: float) -> float | None:
    """The nearest-rank percentile (the smallest value with `fraction` of values at or below)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def summarize(rows: list[tuple[datetime, datetime | None]]) -> Summary:
    delays = [(acked - created).total_seconds() / 3600 for created, acked in rows if acked]
    return Summary(len(rows), len(delays), percentile(delays, 0.5), percentile(delays, 0.9))


async def metrics(actor: User, org_slug: str, campaign_slug: str | None = None,
                  weeks: int = WEEKS, now: datetime | None = None) -> Metrics:
    org = await orgs.get_org(org_slug)
    await orgs.require_manager(actor, org)
    query = Entry.filter(campaign__org_id=org.id, status=EntryStatus.PUBLISHED)
    if campaign_slug:
        campaign = await campaigns.get_campaign(campaign_slug)
        if campaign.org_id != org.id:
            raise Invalid("Choose one of your campaigns.", {"campaign": "Not yours."})
        query = query.filter(campaign_id=campaign.id)
    rows = await query.values_list("created_at", "acknowledged_at")
    now = now or datetime.now(UTC)
    monday = (now - timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0,
                                                          microsecond=0)
    starts = [monday - timedelta(weeks=n) for n in reversed(range(weeks))]
    series = [Week(start, summarize([r for r in rows
                                     if start <= r[0] < start + timedelta(weeks=1)]))
              for start in starts]
    return Metrics(summarize(list(rows)), series)
