"""A fundraiser's card: queued at launch, when the percent of the goal reached moves (not
at every gift), and when a manager changes what it shows; it shows the progress in money."""

from __future__ import annotations

from cocreate.models import Fundraiser
from cocreate.services.campaigns import campaigns
from cocreate.services.campaigns.campaigns import CampaignSettings
from cocreate.services.campaigns.fundraisers import FundraiserSettings
from cocreate.services.fundraising import gifts
from cocreate.services.sharing import fundraiser_cards
from tests.domain.core.story_core import recorded
from tests.domain.media.story_media import png, ready_image
from tests.domain.sharing.story_sharing import fundraiser, paid_gift
from tests.domain.story import person


async def _queued() -> list[str]:
    return [job.key.split(":", 2)[2] for job in await recorded(fundraiser_cards.RENDER_JOB)]


async def test_the_card_is_queued_at_launch_and_whenever_the_percent_moves(deps):
    manager = await person("Manager")
    campaign = await fundraiser(manager, goal=500_000)
    assert await _queued() == ["0:0:500000"]

    first = await paid_gift(deps, manager, campaign, 10_000)  # 2 %
    await paid_gift(deps, manager, campaign, 100)  # still 2 %: no new card
    await gifts.give(deps, await person("Pledger"), campaign.slug, 90_000)  # not paid yet
    await gifts.manage(deps, manager, first.id, "refund")  # back to 0 %

    assert await _queued() == ["0:0:500000", "2:10000:500000", "0:100:500000"]
    assert (await Fundraiser.get(campaign_id=campaign.id)).card_percent == 0


async def test_a_new_title_or_goal_redraws_the_card_and_a_new_description_does_not(deps):
    manager = await person("Manager")
    campaign = await fundraiser(manager, goal=500_000)

    await campaigns.update_campaign(manager, campaign.slug,
                                    CampaignSettings(description="Now with a story."))
    assert len(await _queued()) == 1
    await campaigns.update_campaign(manager, campaign.slug, CampaignSettings(
        title="Warm bowls for winter", fundraiser=FundraiserSettings(goal=1_000_000)))
    assert len(await _queued()) == 2  # 0 % of either goal, yet the card shows the goal
    await campaigns.update_campaign(manager, campaign.slug, CampaignSettings(
        cover_media_id=(await ready_image(deps, manager)).id))
    assert len(await _queued()) == 3


async def test_the_card_shows_the_brand_the_cover_and_the_progress_in_money(deps):
    manager = await person("Manager")
    cover = await ready_image(deps, manager, colour=(20, 120, 200))
    campaign = await fundraiser(manager, goal=500_000, cover_media_id=cover.id)
    await paid_gift(deps, manager, campaign, 10_000)
    found = await Fundraiser.get(campaign_id=campaign.id).select_related(
        "campaign", "campaign__org", "campaign__cover")

    shown = await fundraiser_cards.content_of(deps.storage, found)

    assert (shown.badge_label, shown.headline, shown.person_name, shown.brand_color) == (
        "Fundraiser", "Warm bowls", campaign.org.name, campaign.org.color)
    assert (shown.stat, shown.credit) == ("€100 of €5,000", "2% of the goal raised · 1 gift")
    assert shown.entry_image == await deps.storage.read(cover.key)
    assert shown.entry_image != png()


async def test_until_its_card_is_drawn_a_fundraiser_is_shared_with_its_cover(deps):
    manager = await person("Manager")
    cover = await ready_image(deps, manager)
    campaign = await fundraiser(manager, cover_media_id=cover.id)
    bare = await fundraiser(manager)
    found = await Fundraiser.get(campaign_id=campaign.id)

    assert await fundraiser_cards.image_key(found, campaign.cover_id) == cover.key
    assert await fundraiser_cards.image_key(await Fundraiser.get(campaign_id=bare.id),
                                            None) is None
    found.card_key = "cards/drawn-og.png"
    assert await fundraiser_cards.image_key(found, campaign.cover_id) == "cards/drawn-og.png"
