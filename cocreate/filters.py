"""Jinja filters and tests the pages use: dates, counts, and what a campaign's phase allows."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import jinja2

from cocreate.lib import money
from cocreate.lib.text import counted
from cocreate.services.campaigns import phases, wording


def short_date(value: datetime | None) -> str:
    """5 Dec 2026 (UTC), or nothing."""
    if value is None:
        return ""
    return value.astimezone(UTC).strftime("%-d %b %Y")


def iso(value: datetime | None) -> str:
    return value.astimezone(UTC).isoformat() if value else ""


def time_left(when: datetime | None, now: datetime | None = None) -> str:
    """'3 days', '5 hours', 'less than an hour' until `when`; '' once it has passed."""
    if when is None:
        return ""
    remaining = when - (now or datetime.now(UTC))
    if remaining.total_seconds() <= 0:
        return ""
    if remaining.days >= 1:
        return f"{remaining.days} day{'s' if remaining.days != 1 else ''}"
    hours = int(remaining.total_seconds() // 3600)
    if hours >= 1:
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return "less than an hour"


NEXT_PHASE_WORDS = {
    "open": "Opens", "voting": "Entries close", "judging": "Voting ends",
    "results": "Results", "closed": "Gifts close", "archived": "Archived",
}


def next_phase_label(campaign: Any, now: datetime | None = None) -> str:
    """'Entries close in 3 days', or '' when the next phase waits for the managers."""
    upcoming = phases.next_scheduled(campaign)
    if upcoming is None:
        return ""
    left = time_left(upcoming[1], now)
    return f"{NEXT_PHASE_WORDS[upcoming[0]]} in {left}" if left else ""


def initial(text: str | None) -> str:
    return (text or "?").strip()[:1].upper() or "?"


def register(env: jinja2.Environment) -> None:
    filters: dict[str, Any] = {
        "short_date": short_date, "iso": iso, "time_left": time_left,
        "next_phase_label": next_phase_label, "counted": counted, "initial": initial,
        "phase_label": phases.LABELS.get, "money": money.format_money, "major": money.to_major,
    }
    env.filters.update(filters)
    env.tests["open"] = phases.takes_entries
    env.tests["voting"] = phases.takes_votes
    env.tests["showing_results"] = phases.shows_results
    env.globals["next_scheduled"] = phases.next_scheduled
    env.globals["campaign_phase_label"] = phases.label
    env.globals["words"] = wording.words
    env.globals["campaign_next_phase"] = phases.next_phase
    env.globals["currencies"] = money.currency_choices()
    env.globals["next_phase_words"] = NEXT_PHASE_WORDS
