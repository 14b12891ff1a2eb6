"""What a fan's share links brought, as the fan sees it: people, signups, votes and money per
currency, in all and per campaign, and the latest gifts under the givers' public names."""

from __future__ import annotations

from cocreate.lib import urls
from cocreate.services.campaigns.fundraisers import FundraiserSettings
from cocreate.services.fundraising import gifts
from cocreate.services.influence import referrals
from cocreate.services.reach import reach
from cocreate.services.voting import voting
from tests.domain.fundraising.story_fundraising import fundraiser, paid
from tests.domain.story import idea, launch, launch_kind, person


async def test_a_fans_links_bring_people_votes_and_money_in_each_currency(deps):
    manager, sharer = await person("Manager"), await person("Sharer")
    code = await referrals.code_for(sharer)
    ideas = await launch(manager)
    entry = await idea(deps, await person("Author"), ideas, "Floating table")
    river = await fundraiser(manager)
    park = await launch_kind(manager, "fundraiser", "Plant a park", fundraiser=FundraiserSettings(
        goal=100_000, currency="USD"))
    friend, shy = await person("Friend"), await person("Shy")
    for visitor, browser in ((friend, "browser-1"), (shy, "browser-2")):
        await referrals.record_visit(code, browser, urls.campaign_path(river.slug), visitor)
    await referrals.record_visit(code, "browser-1", urls.entry_path(entry.id), friend)  # again
    await voting.cast(deps, friend, entry.id, referral_code=code)
    await paid(deps, manager, friend, river, 30_000, referral_code=code, visitor_id="browser-1")
    await paid(deps, manager, shy, park, 5_000, referral_code=code, visitor_id="browser-2",
               anonymous=True)

    brought = await reach.reach_of(sharer)

    assert (brought.total.visits, brought.total.votes, brought.total.gifts) == (2, 1, 2)
    assert brought.total.raised == {"EUR": 30_000, "USD": 5_000}
    assert brought.summary == ("Your links brought 2 people, 0 signed up, 1 vote, and raised "
                               "€300 and $50 for 2 campaigns.")
    # the most visited first, then the most raised
    assert [(c.campaign.title, c.tally.visits, c.tally.votes) for c in brought.campaigns] == [
        ("Clean the river", 2, 0), ("Plant a park", 0, 0), ("Next big flavour", 0, 1)]
    assert [(g.name, g.amount_words) for g in brought.gifts] == [
        ("Anonymous", "$50"), ("Friend", "€300")]


async def test_a_refunded_gift_no_longer_counts_for_the_sharer(deps):
    manager, sharer, friend = await person("Manager"), await person("Sharer"), await person()
    code = await referrals.code_for(sharer)
    river = await fundraiser(manager)
    await referrals.record_visit(code, "browser-1", urls.campaign_path(river.slug), friend)
    gift = await paid(deps, manager, friend, river, 30_000, referral_code=code,
                      visitor_id="browser-1")

    await gifts.manage(deps, manager, gift.id, "refund")

    brought = await reach.reach_of(sharer)
    assert (brought.total.gifts, brought.total.raised, brought.gifts) == (0, {}, [])
    assert brought.summary == "Your links brought 1 person, 0 signed up and 0 votes."


def test_money_in_several_currencies_is_said_apart_never_converted():
    assert reach.money_words({}) == ""
    assert reach.money_words({"EUR": 34_000}) == "€340"
    assert reach.money_words({"USD": 5_000, "EUR": 34_000, "JPY": 0, "GBP": 100}) == (
        "€340, £1 and $50")
