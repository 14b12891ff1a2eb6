"""Reading the campaign settings form (launch and manage share it) into the service's terms."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from cocreate.lib import money
from cocreate.lib.errors import Invalid
from cocreate.services.campaigns.campaigns import DATE_FIELDS, CampaignSettings
from cocreate.services.campaigns.fundraisers import FundraiserSettings
from cocreate.services.core.validation import FieldErrors

if TYPE_CHECKING:
    from cocreate.models import Campaign, Fundraiser


def _datetime(errors: FieldErrors, name: str, value: str) -> datetime | None:
    """A `datetime-local` value, read as UTC (the form says so)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        errors.add(name, "Use a date and time like 2026-12-31 18:00.")
        return None


def _integer(errors: FieldErrors, name: str, value: str) -> int | None:
    if not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        errors.add(name, "Use a whole number.")
        return None


def settings_from_form(submitted: dict[str, str]) -> CampaignSettings:
    """Every field of the form is sent, so an empty date or age clears it."""
    errors = FieldErrors()
    dates = {
        name: _datetime(errors, name, submitted.get(name, "").strip())
        for name in DATE_FIELDS if name in submitted
    }
    min_age = _integer(errors, "min_age", submitted.get("min_age", ""))
    threshold = _integer(errors, "report_threshold", submitted.get("report_threshold", ""))
    team_min = _integer(errors, "team_min_size", submitted.get("team_min_size", ""))
    team_max = _integer(errors, "team_max_size", submitted.get("team_max_size", ""))
    video_mb = _integer(errors, "max_video_mb", submitted.get("max_video_mb", ""))
    budget = _integer(errors, "vote_budget", submitted.get("vote_budget", ""))
    jury_weight = _integer(errors, "jury_weight", submitted.get("jury_weight", ""))
    countries = submitted.get("eligible_countries")
    country_list = countries.replace(";", ",").split(",") if countries is not None else None
    errors.raise_if_any()
    return CampaignSettings(
        title=submitted.get("title"), description=submitted.get("description"),
        cover_media_id=submitted.get("cover_media_id") or None, dates=dates,
        vote_in_open=submitted.get("vote_in_open") == "1",
        rules=submitted.get("rules"), min_age=min_age,
        clear_min_age="min_age" in submitted and min_age is None,
        eligible_countries=country_list,
        moderation=submitted.get("moderation") or None, report_threshold=threshold,
        team_min_size=team_min, team_max_size=team_max, max_video_mb=video_mb,
        voting_mode=submitted.get("voting_mode") or None, vote_budget=budget,
        jury_weight=jury_weight,
        verified_voters=submitted.get("verified_voters") == "1",
        fundraiser=fundraiser_from_form(submitted)
        if "goal" in submitted and submitted.get("kind", "fundraiser") == "fundraiser" else None,
    )


def fundraiser_from_form(submitted: dict[str, str]) -> FundraiserSettings:
    """Amounts are typed in major units of the chosen currency ("5000", "12.50")."""
    currency = (submitted.get("currency") or "").strip().upper()
    unit = currency if money.is_currency(currency) else "EUR"
    problems: dict[str, str] = {}

    def amount(name: str, text: str) -> int | None:
        if not text.strip():
            return None
        try:
            return money.parse_major(text, unit)
        except ValueError as error:
            problems.setdefault(name, str(error))
            return None

    goal = amount("goal", submitted.get("goal", ""))
    if goal is None:
        problems.setdefault("goal", "Set a goal above zero.")
    parts = [p for p in re.split(r"[\s,;]+", submitted.get("suggested_amounts", "")) if p]
    suggested = [amount("suggested_amounts", part) for part in parts]
    match_percent = _integer(FieldErrors(), "match_percent", submitted.get("match_percent", ""))
    return FundraiserSettings(
        goal=goal, currency=currency,
        suggested_amounts=[a for a in suggested if a is not None],
        sponsor_name=submitted.get("sponsor_name", ""),
        match_percent=match_percent if match_percent is not None else 100,
        match_cap=amount("match_cap", submitted.get("match_cap", "")) or 0,
        fundraiser_badge_at=amount("fundraiser_badge_at",
                                   submitted.get("fundraiser_badge_at", "")) or 0,
        problems=problems,
    )


def form_from_fundraiser(fundraiser: Fundraiser) -> dict[str, str]:
    currency = fundraiser.currency
    return {
        "currency": currency, "goal": money.to_major(fundraiser.goal, currency),
        "suggested_amounts": ", ".join(money.to_major(a, currency)
                                       for a in fundraiser.suggested_amounts or []),
        "sponsor_name": fundraiser.sponsor_name, "match_percent": str(fundraiser.match_percent),
        "match_cap": money.to_major(fundraiser.match_cap, currency) if fundraiser.match_cap
        else "",
        "fundraiser_badge_at": money.to_major(fundraiser.fundraiser_badge_at, currency)
        if fundraiser.fundraiser_badge_at else "",
    }


def form_from_campaign(campaign: Campaign) -> dict[str, str]:
    """The manage form filled with the campaign's current settings."""
    values: dict[str, str] = {}
    for name in DATE_FIELDS:
        when = getattr(campaign, name)
        values[name] = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M") if when else ""
    values.update(
        title=campaign.title, description=campaign.description,
        rules=campaign.rules,
        vote_in_open="1" if campaign.vote_in_open else "",
        min_age=str(campaign.min_age or ""),
        eligible_countries=", ".join(campaign.eligible_countries or []),
        moderation=campaign.moderation,
        report_threshold=str(campaign.report_threshold),
        team_min_size=str(campaign.team_min_size), team_max_size=str(campaign.team_max_size),
        max_video_mb=str(campaign.max_video_mb), voting_mode=campaign.voting_mode,
        vote_budget=str(campaign.vote_budget or ""), jury_weight=str(campaign.jury_weight),
        verified_voters="1" if campaign.verified_voters else "",
    )
    return values


def birth_date_from_form(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise Invalid("Please correct the highlighted fields.",
                      {"birth_date": "Use a date like 2001-04-30."}) from error
