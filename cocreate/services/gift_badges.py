"""The badges a gift earns: Supporter for its donor, Fundraiser for the sharer who brought them.

Evaluated by the badge worker after a gift succeeds (services/badge_rules.py), from the
state it then reads. Supporter: the donor's first gift to a campaign that succeeds, in their
own name (an anonymous donor asked not to be named, and a badge is public), once per
campaign. Fundraiser: once what friends gave through a fan's share links to a campaign
reaches the fundraiser's threshold (services/fundraisers.badge_threshold).

A refund does not take an awarded badge back: the gift was made and the friends did give,
and a badge that disappears when an organization returns money (for its own reasons, often
a mistake in the amount that is given again) would punish the fan for it.
"""

from __future__ import annotations

from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from cocreate.models import Campaign, Fundraiser, Gift, Referral
from cocreate.services import badges, fundraisers


async def raised_through_links(sharer_id: str, campaign_id: str) -> int:
    """What friends gave a campaign through someone's share links (succeeded gifts only:
    a refund removes its referral), in minor units."""
    found = await Referral.filter(sharer_id=sharer_id, kind="gift", campaign_id=campaign_id) \
        .annotate(total=Sum("amount")).group_by("sharer_id").values_list("total", flat=True)
    return int(found[0] or 0) if found else 0


async def evaluate(gift_id: str) -> None:
    """Award what a succeeded gift earns (idempotent; a gift refunded since earns nothing)."""
    gift = await Gift.get_or_none(id=gift_id, status="succeeded")
    if gift is None:
        return
    campaign = await Campaign.get(id=gift.campaign_id)
    fundraiser = await Fundraiser.get(campaign_id=campaign.id)
    async with in_transaction():
        if not gift.anonymous:
            await badges.award(gift.donor_id, badges.SUPPORTER, campaign, None)
        sharer = gift.referred_by_id
        if sharer and sharer != gift.donor_id and await raised_through_links(
                sharer, campaign.id) >= fundraisers.badge_threshold(fundraiser):
            await badges.award(sharer, badges.FUNDRAISER, campaign, None)
