"""A fundraiser's parts of the campaign page: progress, supporters, the give form, the share
card and fans' fundraising pages. The progress and supporters API endpoints read the same
functions, so a page and its API show the same amount raised and the same supporters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cocreate.services.campaigns import campaigns, fundraisers
from cocreate.services.fundraising import fundraising_pages, fundraising_teams, gifts
from cocreate.services.influence import referrals
from cocreate.services.sharing import fundraiser_cards

if TYPE_CHECKING:
    from cocreate.models import Campaign, FundraisingPage, FundraisingTeam, Gift, User
    from cocreate.services.campaigns.fundraisers import Progress

LEADERBOARD_SIZE = 5  # fans' pages and teams on the fundraiser's own page


@dataclass(frozen=True)
class GivePanel:
    """The give form: the amounts to suggest and whether gifts are taken, and the viewer's
    own gifts (the form says how each went)."""

    progress: Progress
    my_gifts: list[Gift]


@dataclass(frozen=True)
class FundraiserView:
    progress: Progress
    supporters: list[Gift]  # the latest succeeded gifts; show them through gifts.public_name
    my_gifts: list[Gift]
    card_ready: bool  # its own share card is drawn
    has_image: bool  # its card, or until then its cover, can stand for it when shared
    referral_code: str | None  # the viewer's, carried by the share links
    my_page: FundraisingPage | None  # the viewer's own fundraising page
    top_pages: list[FundraisingPage]
    top_teams: list[FundraisingTeam]


async def view(viewer: User | None, campaign: Campaign) -> FundraiserView:
    """The fundraiser's parts of its page (`campaign` as campaign.visible gave it)."""
    fundraiser = await fundraisers.of(campaign)
    return FundraiserView(
        progress=fundraisers.progress(campaign, fundraiser),
        supporters=await gifts.supporters(campaign),
        my_gifts=await gifts.my_gifts(viewer, campaign),
        card_ready=bool(fundraiser.card_key),
        has_image=await fundraiser_cards.image_key(fundraiser, campaign.cover_id) is not None,
        referral_code=await referrals.code_for(viewer) if viewer else None,
        my_page=await fundraising_pages.page_of(viewer, campaign),
        top_pages=await fundraising_pages.top_pages(campaign, limit=LEADERBOARD_SIZE),
        top_teams=await fundraising_teams.top_teams(campaign, limit=LEADERBOARD_SIZE),
    )


async def give_panel(viewer: User | None, campaign: Campaign) -> GivePanel:
    return GivePanel(await fundraisers.current_progress(campaign),
                     await gifts.my_gifts(viewer, campaign))


async def progress(viewer: User | None, slug: str) -> Progress:
    """A fundraiser's progress, if `viewer` may see it (NotFound for other campaigns)."""
    return await fundraisers.current_progress(await campaigns.view_campaign(viewer, slug))


async def supporters(viewer: User | None, slug: str) -> list[Gift]:
    """A fundraiser's latest supporters, as its page lists them."""
    campaign = await campaigns.view_campaign(viewer, slug)
    await fundraisers.of(campaign)
    return await gifts.supporters(campaign)
