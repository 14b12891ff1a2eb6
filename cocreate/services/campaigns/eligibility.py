"""Who may take part in a campaign: its rules (accepted, with their version, before the first
entry), its minimum age and its eligible countries, checked at submission."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime

import pycountry
from tortoise.exceptions import IntegrityError

from cocreate.lib.errors import Forbidden, Invalid
from cocreate.models import Campaign, RulesAcceptance, User


def country_name(code: str) -> str:
    found = pycountry.countries.get(alpha_2=code)
    return found.name if found else code


def country_choices() -> list[tuple[str, str]]:
    return sorted(((c.alpha_2, c.name) for c in pycountry.countries), key=lambda pair: pair[1])


def parse_countries(values: list[str]) -> tuple[list[str], str | None]:
    """ISO 3166 alpha-2 codes, upper-cased and deduplicated; a message naming any unknown."""
    codes: list[str] = []
    unknown: list[str] = []
    for raw in values:
        code = raw.strip().upper()
        if not code:
            continue
        if pycountry.countries.get(alpha_2=code) is None:
            unknown.append(raw.strip())
        elif code not in codes:
            codes.append(code)
    if unknown:
        return codes, f"Unknown country codes: {', '.join(unknown)}. Use codes like DE, US, BR."
    return codes, None


def age_on(birth_date: date, today: date) -> int:
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    return today.year - birth_date.year - before_birthday


def needs_rules(campaign: Campaign) -> bool:
    return bool(campaign.rules) and campaign.rules_version > 0


async def has_accepted(user: User | None, campaign: Campaign) -> bool:
    if user is None:
        return False
    if not needs_rules(campaign):
        return True
    return await RulesAcceptance.exists(
        campaign=campaign, user=user, version=campaign.rules_version
    )


async def accept_rules(user: User, campaign: Campaign) -> None:
    """Record that `user` accepted the rules as they read now (idempotent)."""
    if not needs_rules(campaign):
        return
    with contextlib.suppress(IntegrityError):  # accepted twice at once: one row is enough
        await RulesAcceptance.get_or_create(
            campaign=campaign, user=user, version=campaign.rules_version
        )


async def update_profile(user: User, birth_date: date | None, country: str | None) -> None:
    """Keep what the fan told us for the next campaign that asks."""
    changed = []
    if birth_date is not None and birth_date != user.birth_date:
        if birth_date > datetime.now(UTC).date() or birth_date.year < 1900:
            raise Invalid("Please correct the highlighted fields.",
                          {"birth_date": "Enter your real date of birth."})
        user.birth_date = birth_date
        changed.append("birth_date")
    if country:
        codes, problem = parse_countries([country])
        if problem or not codes:
            raise Invalid("Please correct the highlighted fields.",
                          {"country": "Choose your country from the list."})
        if codes[0] != user.country:
            user.country = codes[0]
            changed.append("country")
    if changed:
        await user.save(update_fields=changed)


def missing_details(user: User, campaign: Campaign) -> dict[str, str]:
    """What the fan still has to tell before this campaign can check their eligibility."""
    missing = {}
    if campaign.min_age and user.birth_date is None:
        missing["birth_date"] = f"This campaign is for people aged {campaign.min_age} or over."
    if campaign.eligible_countries and not user.country:
        missing["country"] = "This campaign is open to some countries only: tell us yours."
    return missing


def require_eligible(user: User, campaign: Campaign) -> None:
    """Raise with a clear reason when `user` may not enter `campaign`."""
    missing = missing_details(user, campaign)
    if missing:
        raise Invalid("Tell us a little about yourself first.", missing)
    today = datetime.now(UTC).date()
    if campaign.min_age and user.birth_date and age_on(user.birth_date, today) < campaign.min_age:
        raise Forbidden(f"This campaign is for people aged {campaign.min_age} or over.")
    if campaign.eligible_countries and user.country not in campaign.eligible_countries:
        names = ", ".join(country_name(code) for code in campaign.eligible_countries)
        raise Forbidden(f"This campaign is open to people in {names} only.")
