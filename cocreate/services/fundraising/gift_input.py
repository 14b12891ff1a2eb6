"""A gift as it comes in, from a give form (the fundraiser's page or a fan's own page) or as
the API's JSON body: one shape for both, handed to gifts.give, which checks it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from cocreate.services.core.validation import MultiLineText, SingleLineText
from cocreate.services.fundraising import gifts

if TYPE_CHECKING:
    from cocreate.models import User
    from cocreate.services.core.context import Deps


class GiftInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: int = Field(description="Minor units of the fundraiser's currency (2500 = €25.00)")
    anonymous: bool = Field(False, description="Hide your name from everyone but the "
                            "organization")
    message: MultiLineText = Field(
        "", description="A message of support, shown with the gift (at most "
        f"{gifts.MAX_MESSAGE} characters)",
        json_schema_extra={"maxLength": gifts.MAX_MESSAGE})
    page_id: SingleLineText | None = Field(None, max_length=16, description="Give on a fan's "
                                "fundraising page (its id): the gift counts for the page, "
                                "its team and the fundraiser")


async def give(deps: Deps, actor: User, campaign_slug: str, wanted: GiftInput, *,
               referral_code: str | None = None,
               visitor_id: str | None = None) -> gifts.Started:
    """`referral_code` and `visitor_id`: the share link and browser that brought the donor
    (a page's cookies; API clients have none)."""
    return await gifts.give(deps, actor, campaign_slug, wanted.amount,
                            anonymous=wanted.anonymous, message=wanted.message,
                            page_id=wanted.page_id, referral_code=referral_code,
                            visitor_id=visitor_id)
