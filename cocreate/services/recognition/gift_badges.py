"""The badges a gift earns: Supporter for its donor, Fundraiser for the sharer who brought them.

Evaluated by the badge worker after a gift succeeds (services/recognition/badge_rules.py), from the
state it then reads. Supporter: the donor's first gift to a campaign that succeeds, in their
own name (an anonymous donor asked not to be named, and a badge is public), once per
campaign. Fundraiser: once what a fan raised for a campaign, the gifts made on their own
fundraising page and those friends made through their share links (each gift once),
reaches the fundraiser's threshold (services/fundraisers.badge_threshold).

A refund does not take an awarded badge back: the gift was made and the friends did give,
and a badge that disappears when an organization returns money (for its own reasons, often
a mistake in the amount that is given again) would punish the fan for it.
"""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from cocreate.models import Campaign, Fundraiser, FundraisingPage, Gift, GiftStatus
from cocreate.services.badges import badges
from cocreate.services.campaigns import fundraisers


async def raised_by(fan_id: str, campaign_id: str) -> int:
    """What a fan raised for a campaign in minor units: succeeded gifts made on their
    fundraising page or through their share links, each gift counted once."""
    page_ids = await FundraisingPage.filter(campaign_id=campaign_id, owner_id=fan_id) \
        .values_list("id", flat=True)
    raised_for_them = Q(referred_by_id=fan_id)
    if page_ids:
        raised_for_them |= Q(page_id__in=list(page_ids))
    found = await Gift.filter(raised_for_them, campaign_id=campaign_id,
                              status=GiftStatus.SUCCEEDED) \
        .annotate(total=Sum("amount")).first().values_list("total", flat=True)
    return int(found or 0)


async def evaluate(gift_id: str) -> None:
    """Award what a succeeded gift earns (idempotent; a gift refunded since earns nothing)."""
    gift = await Gift.get_or_none(id=gift_id, status=GiftStatus.SUCCEEDED)
    if gift is None:
        return
    campaign = await Campaign.get(id=gift.campaign_id)
    fundraiser = await Fundraiser.get(campaign_id=campaign.id)
    async with in_transaction():
        if not gift.anonymous:
            await badges.award(gift.donor_id, badges.SUPPORTER, campaign, None)
        raisers = {gift.referred_by_id}
        if gift.page_id:
            raisers.add(await FundraisingPage.filter(id=gift.page_id).first().values_list(
                "owner_id", flat=True))
        for fan in raisers - {None, gift.donor_id}:
            if await raised_by(fan, campaign.id) >= fundraisers.badge_threshold(fundraiser):
                await badges.award(fan, badges.FUNDRAISER, campaign, None)
