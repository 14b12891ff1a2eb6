"""Jinja filters and tests the pages use: dates, counts, and whether a campaign is open."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import jinja2

from cocreate.services.campaigns import is_open


def short_date(value: datetime | None) -> str:
    """5 Dec 2026 (UTC), or nothing."""
    if value is None:
        return ""
    return value.astimezone(UTC).strftime("%-d %b %Y")


def iso(value: datetime | None) -> str:
    return value.astimezone(UTC).isoformat() if value else ""


def closes_label(closes_at: datetime | None, now: datetime | None = None) -> str:
    """How long a campaign stays open, in words a fan reads at a glance."""
    if closes_at is None:
        return "Open, no closing date"
    now = now or datetime.now(UTC)
    remaining = closes_at - now
    if remaining.total_seconds() <= 0:
        return "Closed"
    days = remaining.days
    if days >= 1:
        return f"Closes in {days} day{'s' if days != 1 else ''}"
    hours = int(remaining.total_seconds() // 3600)
    if hours >= 1:
        return f"Closes in {hours} hour{'s' if hours != 1 else ''}"
    return "Closes in less than an hour"


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """1 idea, 2 ideas."""
    word = singular if number == 1 else (plural or singular + "s")
    return f"{number:,} {word}"


def initial(text: str | None) -> str:
    return (text or "?").strip()[:1].upper() or "?"


def register(env: jinja2.Environment) -> None:
    filters: dict[str, Any] = {
        "short_date": short_date, "iso": iso, "closes_label": closes_label,
        "counted": counted, "initial": initial,
    }
    env.filters.update(filters)
    env.tests["open"] = is_open
