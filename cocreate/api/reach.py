"""API: what the signed-in fan's share links brought, in all and per campaign."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field
from starlette.requests import Request

from cocreate.api.endpoint import Endpoint
from cocreate.services.reach import reach

if TYPE_CHECKING:
    from cocreate.models import User


class MoneyOut(BaseModel):
    amount: int = Field(description="Minor units of `currency`")
    currency: str
    display: str


class TallyOut(BaseModel):
    people: int = Field(description="People who came through your links (each once)")
    signups: int
    votes: int
    gifts: int = Field(description="Succeeded gifts from people your links brought")
    raised: list[MoneyOut] = Field(description="What they gave, one sum per currency")
    raised_display: str = Field(description='e.g. "€340" or "€340 and $50"; empty if none')


class CampaignReachOut(BaseModel):
    campaign: str = Field(description="The campaign's slug")
    title: str
    org: str = Field(description="The organization's name")
    reach: TallyOut


class ReachGiftOut(BaseModel):
    campaign: str
    name: str = Field(description='The giver\'s public name: "Anonymous" for anonymous gifts')
    amount: MoneyOut
    given_at: datetime


class ReachOut(BaseModel):
    summary: str = Field(description="In a sentence, as your profile shows it")
    total: TallyOut
    campaigns: list[CampaignReachOut]
    latest_gifts: list[ReachGiftOut]


def _money(amount: int, currency: str) -> MoneyOut:
    return MoneyOut(amount=amount, currency=currency,
                    display=reach.money_words({currency: amount}))


def _tally(found: reach.Tally) -> TallyOut:
    return TallyOut(people=found.visits, signups=found.signups, votes=found.votes,
                    gifts=found.gifts, raised_display=found.raised_words, raised=[
                        _money(amount, currency)
                        for currency, amount in sorted(found.raised.items())])


async def show_reach(request: Request, user: User) -> ReachOut:
    found = await reach.reach_of(user)
    return ReachOut(summary=found.summary, total=_tally(found.total), campaigns=[
        CampaignReachOut(campaign=row.campaign.slug, title=row.campaign.title,
                         org=row.campaign.org.name, reach=_tally(row.tally))
        for row in found.campaigns], latest_gifts=[
        ReachGiftOut(campaign=gift.campaign.slug, name=gift.name,
                     amount=_money(gift.amount, gift.currency), given_at=gift.given_at)
        for gift in found.gifts])


ENDPOINTS = [
    Endpoint("GET", "/me/reach", show_reach,
             "What your share links brought: people, signups, votes and money given, in all "
             "and per campaign, with the latest gifts", ReachOut, errors=(401,)),
]
