"""Fundraisers: the goal, currency, suggested amounts and sponsor match a manager sets on a
campaign of kind fundraiser, and its progress as everyone sees it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from cocreate.lib import money
from cocreate.lib.errors import NotFound
from cocreate.models import Campaign, CampaignKind, Fundraiser, Gift
from cocreate.services.campaigns import phases
from cocreate.services.core.validation import FieldErrors, Limit

KIND = CampaignKind.FUNDRAISER
MAX_SUGGESTED = 6
MATCH_PERCENTS = (50, 100, 200, 300)  # 1:2, 1:1, 2:1, 3:1
BADGE_UNITS = 100  # whole units of the currency a fan's links raise for the Fundraiser badge
# Amounts, in minor units (settings_input.py documents them for forms and the API).
GOAL = Limit(1, money.MAX_MINOR * 100, "Set a goal above zero.")
MATCH_CAP = Limit(0, money.MAX_MINOR * 100, "Use zero (no matching) or more.")
BADGE_AT = Limit(0, money.MAX_MINOR * 100, "Use zero (the default) or more.")


@dataclass
class FundraiserSettings:
    """What a manager sets; fields left None keep their value (all are needed at launch)."""

    goal: int | None = None  # minor units
    currency: str | None = None
    suggested_amounts: list[int] | None = None  # minor units
    sponsor_name: str | None = None
    match_percent: int | None = None
    match_cap: int | None = None  # minor units; 0: no matching
    fundraiser_badge_at: int | None = None  # minor units; 0: the default (BADGE_UNITS)


async def apply(fundraiser: Fundraiser, wanted: FundraiserSettings, errors: FieldErrors,
                *, creating: bool) -> list[str]:
    """Validate `wanted` onto `fundraiser` (unsaved); returns the names of changed fields."""
    changed: list[str] = []

    def set_(name: str, value: object) -> None:
        if getattr(fundraiser, name, None) != value:
            setattr(fundraiser, name, value)
            changed.append(name)

    if creating or wanted.currency is not None:
        code = (wanted.currency or "").strip().upper()
        if not money.is_currency(code):
            errors.add("currency", "Choose one of the currencies on the list.")
        elif code != fundraiser.currency and not creating and await Gift.exists(
                campaign_id=fundraiser.campaign_id):
            errors.add("currency", "People have given already; the currency stays as it is.")
        else:
            set_("currency", code)
    currency = fundraiser.currency if money.is_currency(fundraiser.currency) else "EUR"
    if creating or wanted.goal is not None:
        GOAL.check(errors, "goal", wanted.goal or 0)
        set_("goal", wanted.goal)
    if creating or wanted.suggested_amounts is not None:
        amounts = wanted.suggested_amounts or []
        if len(amounts) > MAX_SUGGESTED:
            errors.add("suggested_amounts", f"Suggest at most {MAX_SUGGESTED} amounts.")
        elif any(a <= 0 or a > money.MAX_MINOR for a in amounts) or amounts != sorted(set(amounts)):
            errors.add("suggested_amounts", "Use amounts above zero, from the smallest to the "
                       f"largest, each at most {money.format_money(money.MAX_MINOR, currency)}.")
        set_("suggested_amounts", amounts)
    if creating or wanted.sponsor_name is not None:
        set_("sponsor_name", errors.text("sponsor_name", wanted.sponsor_name, label="Sponsor",
                                         min_len=0, max_len=120))
    if wanted.match_percent is not None:
        if wanted.match_percent not in MATCH_PERCENTS:
            errors.add("match_percent", "Choose one of the match ratios on the list.")
        set_("match_percent", wanted.match_percent)
    if creating or wanted.match_cap is not None:
        cap = wanted.match_cap or 0
        MATCH_CAP.check(errors, "match_cap", cap)
        set_("match_cap", cap)
    if wanted.fundraiser_badge_at is not None:
        BADGE_AT.check(errors, "fundraiser_badge_at", wanted.fundraiser_badge_at)
        set_("fundraiser_badge_at", wanted.fundraiser_badge_at or None)
    if (fundraiser.match_cap or 0) > 0 and not fundraiser.sponsor_name:
        errors.add("sponsor_name", "Name the sponsor who matches the gifts.")
    return changed


def badge_threshold(fundraiser: Fundraiser) -> int:
    """What a fan's share links must raise for the Fundraiser badge, in minor units."""
    if fundraiser.fundraiser_badge_at:
        return fundraiser.fundraiser_badge_at
    currency = fundraiser.currency if money.is_currency(fundraiser.currency) else "EUR"
    return BADGE_UNITS * 10 ** money.decimals(currency)


async def of(campaign: Campaign) -> Fundraiser:
    """The fundraiser of a campaign; NotFound for campaigns of other kinds."""
    found = await Fundraiser.get_or_none(campaign_id=campaign.id) if campaign.kind == KIND else None
    if found is None:
        raise NotFound("This campaign is not a fundraiser.")
    return found


@dataclass(frozen=True)
class Progress:
    """A fundraiser's totals as its page, card and API show them."""

    goal: int
    currency: str
    raised: int  # from gifts
    matched: int  # from the sponsor
    gift_count: int
    sponsor_name: str
    match_percent: int
    match_cap: int
    closes_at: datetime | None
    takes_gifts: bool
    suggested_amounts: tuple[int, ...]
    fundraiser_badge_at: int  # raised through a fan's links for the Fundraiser badge

    @property
    def total(self) -> int:
        return self.raised + self.matched

    @property
    def percent(self) -> int:
        return self.total * 100 // self.goal if self.goal else 0

    @property
    def bar_percent(self) -> int:
        return min(100, self.percent)

    @property
    def match_left(self) -> int:
        return max(0, self.match_cap - self.matched)

    def days_left(self, now: datetime | None = None) -> int | None:
        """Whole days until gifts close (1 on the last day, as the countdown says); None
        without a closing date."""
        if self.closes_at is None:
            return None
        seconds = (self.closes_at - (now or datetime.now(UTC))).total_seconds()
        return max(1, math.floor(seconds / 86400)) if seconds > 0 else 0

    def show(self, minor: int) -> str:
        return money.format_money(minor, self.currency)


def progress(campaign: Campaign, fundraiser: Fundraiser) -> Progress:
    return Progress(
        goal=fundraiser.goal, currency=fundraiser.currency, raised=fundraiser.raised,
        matched=fundraiser.matched, gift_count=fundraiser.gift_count,
        sponsor_name=fundraiser.sponsor_name, match_percent=fundraiser.match_percent,
        match_cap=fundraiser.match_cap, closes_at=campaign.closes_at,
        takes_gifts=phases.takes_gifts(campaign),
        suggested_amounts=tuple(fundraiser.suggested_amounts or ()),
        fundraiser_badge_at=badge_threshold(fundraiser),
    )


async def current_progress(campaign: Campaign) -> Progress:
    return progress(campaign, await of(campaign))
