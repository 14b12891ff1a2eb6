"""Request and response bodies of the fundraiser endpoints (gifts, supporters)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from cocreate.api.schemas import Body, UserOut
from cocreate.models import GiftStatus
from cocreate.services.fundraising.gift_input import GiftInput


class GiftIn(GiftInput):  # the give forms send it too
    pass


class GiftOut(BaseModel):
    """A gift as its donor and the organization's managers see it."""

    id: str
    campaign: str
    amount: int
    currency: str
    amount_display: str
    status: GiftStatus
    status_label: str = Field(description="pledged, paid, not completed or refunded")
    provider: str
    anonymous: bool
    message: str
    matched_amount: int
    page_id: str | None = Field(description="The fundraising page it was given on")
    donor: UserOut
    created_at: datetime
    paid_at: datetime | None
    refunded_at: datetime | None


class GiftStartedOut(BaseModel):
    gift: GiftOut
    checkout_url: str | None = Field(description="Where the donor pays; null for a pledge "
                                     "the organization confirms once paid")


class GiftList(BaseModel):
    gifts: list[GiftOut]


class GiftQuery(Body):
    status: GiftStatus | None = None


class SupporterOut(BaseModel):
    """A succeeded gift as everyone sees it: anonymous gifts carry no donor."""

    name: str = Field(description='"Anonymous" for anonymous gifts')
    user: UserOut | None
    amount: int
    currency: str
    amount_display: str
    message: str
    given_at: datetime


class SupporterList(BaseModel):
    supporters: list[SupporterOut]
