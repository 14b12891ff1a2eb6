"""Reading the campaign settings form (launch and manage share it) into the campaign settings
input the API's JSON body is too (services/campaigns/settings_input.py): the form's text read
as numbers, dates and amounts, the rest checked once, by the service."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from cocreate.lib import money
from cocreate.services.campaigns.campaigns import DATE_FIELDS, CampaignSettings
from cocreate.services.campaigns.settings_input import CampaignSettingsInput
from cocreate.services.core.validation import FieldErrors, read

if TYPE_CHECKING:
    from cocreate.models import Campaign, Fundraiser

NUMBERS = ("min_age", "report_threshold", "team_min_size", "team_max_size", "max_video_mb",
           "vote_budget", "jury_weight")
TEXTS = ("title", "description", "rules")
CHOICES = ("cover_media_id", "moderation", "voting_mode")  # empty: not chosen
CHECKBOXES = ("vote_in_open", "verified_voters")  # unticked boxes are not sent at all


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
    sent: dict[str, Any] = {name: _datetime(errors, name, submitted[name].strip())
                            for name in DATE_FIELDS if name in submitted}
    sent.update({name: _integer(errors, name, submitted[name])
                 for name in NUMBERS if name in submitted})
    sent.update({name: submitted[name] for name in TEXTS if name in submitted})
    sent.update({name: submitted[name] or None for name in CHOICES if name in submitted})
    sent.update({name: submitted.get(name) == "1" for name in CHECKBOXES})
    if "eligible_countries" in submitted:
        sent["eligible_countries"] = submitted["eligible_countries"].replace(";", ",").split(",")
    if "goal" in submitted and submitted.get("kind", "fundraiser") == "fundraiser":
        sent.update(_fundraiser_from_form(errors, submitted))
    errors.raise_if_any()
    return read(CampaignSettingsInput, sent).to_settings()


def _fundraiser_from_form(errors: FieldErrors, submitted: dict[str, str]) -> dict[str, Any]:
    """Amounts are typed in major units of the chosen currency ("5000", "12.50"); an empty
    goal is none (the service asks for one), an empty cap or badge amount is zero."""
    currency = (submitted.get("currency") or "").strip().upper()
    unit = currency if money.is_currency(currency) else "EUR"

    def amount(name: str, text: str) -> int:
        if not text.strip():
            return 0
        try:
            return money.parse_major(text, unit)
        except ValueError as error:
            errors.add(name, str(error))
            return 0

    parts = [p for p in re.split(r"[\s,;]+", submitted.get("suggested_amounts", "")) if p]
    return {
        "currency": currency, "goal": amount("goal", submitted.get("goal", "")),
        "suggested_amounts": [amount("suggested_amounts", part) for part in parts],
        "sponsor_name": submitted.get("sponsor_name", ""),
        "match_percent": _integer(errors, "match_percent", submitted.get("match_percent", "")),
        "match_cap": amount("match_cap", submitted.get("match_cap", "")),
        "fundraiser_badge_at": amount("fundraiser_badge_at",
                                      submitted.get("fundraiser_badge_at", "")),
    }


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

