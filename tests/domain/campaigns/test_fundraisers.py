"""Fundraiser settings: the money fields a manager sets are checked one by one, the currency
stays once people gave, and the progress everyone sees counts gifts and the sponsor's match."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cocreate.lib.errors import Invalid, NotFound
from cocreate.models import Campaign, Fundraiser
from cocreate.services.campaigns import campaigns, fundraisers
from cocreate.services.campaigns.campaigns import CampaignSettings
from cocreate.services.campaigns.fundraisers import FundraiserSettings
from cocreate.services.fundraising import gifts
from tests.domain.sharing.story_sharing import fundraiser, paid_gift
from tests.domain.story import launch, launch_kind, person


async def test_a_launch_with_bad_money_fields_names_each_one_and_creates_nothing(deps):
    manager = await person("Manager")
    org = (await launch(manager)).org

    with pytest.raises(Invalid) as refused:
        await campaigns.create_campaign(manager, org.slug, "fundraiser", CampaignSettings(
            title="Warm bowls", description="Soup for all.",
            dates={"voting_ends_at": datetime.now(UTC) + timedelta(days=9)},
            fundraiser=FundraiserSettings(goal=0, currency="XYZ", suggested_amounts=[500, 100],
                                          match_percent=75, match_cap=1_000)))

    assert set(refused.value.fields) == {"goal", "currency", "suggested_amounts",
                                         "match_percent", "sponsor_name", "voting_ends_at"}
    assert refused.value.fields["voting_ends_at"] == (
        "A fundraiser has no voting: leave this date empty.")
    assert await Campaign.all().count() == 1


async def test_the_currency_stays_once_people_gave_and_the_goal_still_moves(deps):
    manager = await person("Manager")
    campaign = await fundraiser(manager)
    await campaigns.update_campaign(manager, campaign.slug, CampaignSettings(
        fundraiser=FundraiserSettings(currency="usd")))
    await gifts.give(deps, await person("Donor"), campaign.slug, 1_000)  # a pledge

    with pytest.raises(Invalid) as refused:
        await campaigns.update_campaign(manager, campaign.slug, CampaignSettings(
            fundraiser=FundraiserSettings(currency="EUR")))
    assert refused.value.fields == {
        "currency": "People have given already; the currency stays as it is."}
    await campaigns.update_campaign(manager, campaign.slug, CampaignSettings(
        fundraiser=FundraiserSettings(goal=900_000)))

    stored = await Fundraiser.get(campaign_id=campaign.id)
    assert (stored.currency, stored.goal) == ("USD", 900_000)


async def test_the_progress_counts_gifts_and_the_sponsors_match_up_to_its_cap(deps):
    manager = await person("Manager")
    campaign = await launch_kind(manager, "fundraiser", "Warm bowls", fundraiser=(
        FundraiserSettings(goal=100_000, currency="EUR", sponsor_name="Soup Co",
                           match_percent=100, match_cap=15_000)))
    await paid_gift(deps, manager, campaign, 10_000)
    await paid_gift(deps, manager, campaign, 10_000)  # matched only up to the cap
    await gifts.give(deps, await person("Pledger"), campaign.slug, 50_000)  # not paid

    progress = await fundraisers.current_progress(await campaigns.get_campaign(campaign.slug))

    assert (progress.raised, progress.matched, progress.total, progress.gift_count) == (
        20_000, 15_000, 35_000, 2)
    assert (progress.percent, progress.bar_percent, progress.match_left) == (35, 35, 0)
    assert progress.takes_gifts and progress.show(progress.total) == "€350"


def test_the_countdown_says_whole_days_and_one_on_the_last_day():
    now = datetime(2026, 12, 1, 12, tzinfo=UTC)

    def left(hours: float | None) -> int | None:
        closes = None if hours is None else now + timedelta(hours=hours)
        return fundraisers.Progress(100, "EUR", 0, 0, 0, "", 0, 0, closes, True, (), 0) \
            .days_left(now)

    assert [left(h) for h in (None, 80, 36, 2, -1)] == [None, 3, 1, 1, 0]
    over = fundraisers.Progress(100, "EUR", 250, 0, 3, "", 0, 0, None, False, (), 0)
    assert (over.percent, over.bar_percent) == (250, 100)


async def test_the_fundraiser_badge_threshold_is_a_hundred_units_unless_chosen(deps):
    manager = await person("Manager")
    euros = await fundraiser(manager)
    yen = await launch_kind(manager, "fundraiser", "Ramen", fundraiser=FundraiserSettings(
        goal=1_000_000, currency="JPY"))

    assert fundraisers.badge_threshold(await Fundraiser.get(campaign_id=euros.id)) == 10_000
    assert fundraisers.badge_threshold(await Fundraiser.get(campaign_id=yen.id)) == 100
    await campaigns.update_campaign(manager, euros.slug, CampaignSettings(
        fundraiser=FundraiserSettings(fundraiser_badge_at=2_500)))
    assert fundraisers.badge_threshold(await Fundraiser.get(campaign_id=euros.id)) == 2_500


async def test_a_campaign_of_ideas_has_no_fundraiser(deps):
    campaign = await launch(await person("Manager"))

    with pytest.raises(NotFound, match="not a fundraiser"):
        await fundraisers.of(campaign)
