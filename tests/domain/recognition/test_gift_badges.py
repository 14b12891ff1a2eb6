"""A succeeded gift earns its donor the Supporter badge (not an anonymous one), and a fan
whose page and share links raised the fundraiser's threshold the Fundraiser badge; a refund
does not take a badge back."""

from __future__ import annotations

from cocreate.lib import urls
from cocreate.services.fundraising import fundraising_pages, gifts
from cocreate.services.fundraising.fundraising_pages import PageInput
from cocreate.services.influence import referrals
from cocreate.services.recognition import gift_badges
from tests.domain.fundraising.story_fundraising import fundraiser, paid
from tests.domain.recognition.story_recognition import earned, run_badge_rules
from tests.domain.story import person


async def test_a_donor_in_their_own_name_is_a_supporter_once(deps):
    manager, proud, shy = await person("Manager"), await person("Proud"), await person("Shy")
    campaign = await fundraiser(manager)
    await paid(deps, manager, proud, campaign, 1_000)
    await paid(deps, manager, proud, campaign, 2_000)
    await paid(deps, manager, shy, campaign, 1_000, anonymous=True)
    pledged = await gifts.give(deps, await person("Pledger"), campaign.slug, 1_000)

    await run_badge_rules(deps)

    assert await earned(proud) == ["supporter"]
    assert await earned(shy) == []  # a badge is public: they asked not to be named
    assert await earned(pledged.gift.donor) == []


async def test_what_a_fans_page_and_links_raised_earns_the_fundraiser_badge_kept_after_refund(
        deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await fundraiser(manager, fundraiser_badge_at=5_000)
    page = await fundraising_pages.create_page(deps, fan, campaign.slug, PageInput(goal=9_000))
    code = await referrals.code_for(fan)
    friend, other = await person("Friend"), await person("Other")
    await referrals.record_visit(code, "friend-browser", urls.campaign_path(campaign.slug),
                                 friend)
    await paid(deps, manager, friend, campaign, 2_000, page_id=page.id, referral_code=code,
               visitor_id="friend-browser")  # on the page and through the link: once
    await run_badge_rules(deps)
    assert await gift_badges.raised_by(fan.id, campaign.id) == 2_000
    assert await earned(fan) == []

    last = await paid(deps, manager, other, campaign, 3_000, page_id=page.id)
    await run_badge_rules(deps)
    assert await earned(fan) == ["fundraiser"]

    await gifts.manage(deps, manager, last.id, "refund")
    assert await gift_badges.raised_by(fan.id, campaign.id) == 2_000
    assert await earned(fan) == ["fundraiser"]
