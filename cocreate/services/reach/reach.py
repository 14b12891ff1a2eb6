"""What a fan's share links brought, as the fan sees it: people, signups, votes and money,
in all and per campaign, with the latest gifts (an anonymous giver stays "Anonymous").

Money is summed per currency and never converted: "€340 and $50". Read from the fan's own
referral rows (one grouped query), so it always agrees with the power-user counters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from tortoise.functions import Count, Sum

from cocreate.lib import money
from cocreate.lib.text import counted
from cocreate.models import Campaign, Gift, Referral, ReferralKind, User
from cocreate.services.fundraising import gifts

LATEST_GIFTS = 10


@dataclass
class Tally:
    """Visits (people), signups, votes and money (minor units per currency)."""

    visits: int = 0
    signups: int = 0
    votes: int = 0
    gifts: int = 0
    raised: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, n: int, amount: int, currency: str | None) -> None:
        if kind == ReferralKind.GIFT and currency:
            self.gifts += n
            self.raised[currency] = self.raised.get(currency, 0) + amount
        elif kind in (ReferralKind.VISIT, ReferralKind.SIGNUP, ReferralKind.VOTE):
            setattr(self, f"{kind}s", getattr(self, f"{kind}s") + n)

    @property
    def raised_words(self) -> str:
        return money_words(self.raised)


@dataclass(frozen=True)
class CampaignReach:
    campaign: Campaign  # with its organization
    tally: Tally


@dataclass(frozen=True)
class ReachGift:
    """A gift someone's link brought: the giver's public name, never an anonymous one's."""

    campaign: Campaign
    name: str
    amount: int
    currency: str
    given_at: datetime

    @property
    def amount_words(self) -> str:
        return money.format_money(self.amount, self.currency)


@dataclass(frozen=True)
class Reach:
    total: Tally
    campaigns: list[CampaignReach]  # the most visited first
    gifts: list[ReachGift]  # the latest first

    @property
    def raised_campaigns(self) -> int:
        return sum(1 for c in self.campaigns if c.tally.raised)

    @property
    def summary(self) -> str:
        """In a sentence: Your links brought 12 people, 3 signed up, 5 votes, and raised
        €340 for 2 campaigns."""
        t = self.total
        said = f"Your links brought {counted(t.visits, 'person', 'people')}, " \
               f"{t.signups:,} signed up"
        if not t.raised:
            return f"{said} and {counted(t.votes, 'vote')}."
        return (f"{said}, {counted(t.votes, 'vote')}, and raised {t.raised_words} for "
                f"{counted(self.raised_campaigns, 'campaign')}.")


def money_words(sums: dict[str, int]) -> str:
    """Sums per currency in words: "€340", "€340 and $50"."""
    shown = [money.format_money(amount, currency) for currency, amount in sorted(sums.items())
             if amount]
    if len(shown) < 2:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


async def reach_of(user: User) -> Reach:
    """Everything the person's share links brought, in all and per campaign."""
    rows = await (Referral.filter(sharer_id=user.id)
                  .annotate(n=Count("id"), amount_sum=Sum("amount"))
                  .group_by("campaign_id", "kind", "currency")
                  .values_list("campaign_id", "kind", "currency", "n", "amount_sum"))
    total, per_campaign = Tally(), {}
    for campaign_id, kind, currency, n, amount in rows:
        total.add(kind, n, int(amount or 0), currency)
        if campaign_id:
            per_campaign.setdefault(campaign_id, Tally()).add(kind, n, int(amount or 0),
                                                              currency)
    found = {c.id: c for c in await Campaign.filter(id__in=list(per_campaign))
             .select_related("org")} if per_campaign else {}
    campaigns = sorted((CampaignReach(found[cid], tally) for cid, tally in per_campaign.items()
                        if cid in found),
                       key=lambda c: (-c.tally.visits, -sum(c.tally.raised.values()),
                                      c.campaign.title))
    return Reach(total, campaigns, await _latest_gifts(user, found))


async def _latest_gifts(user: User, campaigns: dict[str, Campaign]) -> list[ReachGift]:
    subjects = await Referral.filter(sharer_id=user.id, kind=ReferralKind.GIFT).order_by(
        "-created_at").limit(LATEST_GIFTS).values_list("subject", flat=True)
    given = {g.id: g for g in await Gift.filter(id__in=list(subjects)).select_related("donor")}
    return [ReachGift(campaigns[g.campaign_id], gifts.public_name(g), g.amount, g.currency,
                      gifts.when(g))
            for g in (given.get(s) for s in subjects) if g and g.campaign_id in campaigns]


async def raised_by(org_id: str, user_ids: list[str]) -> dict[str, str]:
    """What each person's links raised for an organization's campaigns, in words per currency
    (for the ranking's reasons; one grouped read for a page of people)."""
    if not user_ids:
        return {}
    rows = await (Referral.filter(kind=ReferralKind.GIFT, sharer_id__in=user_ids,
                                  campaign__org_id=org_id)
                  .annotate(amount_sum=Sum("amount")).group_by("sharer_id", "currency")
                  .values_list("sharer_id", "currency", "amount_sum"))
    sums: dict[str, dict[str, int]] = {}
    for user_id, currency, amount in rows:
        if currency:
            sums.setdefault(user_id, {})[currency] = int(amount or 0)
    return {user_id: money_words(by_currency) for user_id, by_currency in sums.items()}
