"""Fans raise money on their own page under a fundraiser: one page each, while it takes gifts;
gifts made on it count for the page, its team and the campaign; a hidden page takes no gifts
and is seen only by its owner and the moderators."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.models import FundraisingPage, Notification
from cocreate.services.campaigns import lifecycle
from cocreate.services.fundraising import fundraising_pages, gifts
from cocreate.services.fundraising.fundraising_pages import PageInput
from cocreate.services.operations import reconcile
from tests.domain.fundraising.story_fundraising import fundraiser, paid, totals
from tests.domain.story import person


async def test_a_fan_starts_one_page_with_a_goal_and_its_title_defaults_to_their_name(deps):
    manager, fan = await person("Manager"), await person("Robin")
    campaign = await fundraiser(manager)

    with pytest.raises(Invalid) as refused:
        await fundraising_pages.create_page(deps, fan, campaign.slug, PageInput(goal=0))
    assert refused.value.fields == {"goal": "Set a goal above zero, in EUR."}
    page = await fundraising_pages.create_page(deps, fan, campaign.slug,
                                               PageInput(goal=50_000, story="I *swim* here."))

    assert page.title == f"Robin for {campaign.org.name}" and page.slug == fan.handle.lower()
    assert page.story_html == "<p>I <em>swim</em> here.</p>\n"
    with pytest.raises(Conflict, match="already have a fundraising page"):
        await fundraising_pages.create_page(deps, fan, campaign.slug, PageInput(goal=1_000))


async def test_pages_start_only_while_the_fundraiser_takes_gifts(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await fundraiser(manager)
    await lifecycle.move_by_hand(manager, campaign, "closed")

    with pytest.raises(Forbidden, match="has closed"):
        await fundraising_pages.create_page(deps, fan, campaign.slug, PageInput(goal=1_000))
    assert not await FundraisingPage.exists()


async def test_a_gift_on_a_page_counts_for_the_page_and_the_campaign_and_tells_its_owner(deps):
    manager, owner, friend = await person("Manager"), await person("Owner"), await person("Al")
    campaign = await fundraiser(manager)
    page = await fundraising_pages.create_page(deps, owner, campaign.slug,
                                               PageInput(title="Robin swims", goal=10_000))

    gift = await paid(deps, manager, friend, campaign, 3_000, page_id=page.id)
    await paid(deps, manager, owner, campaign, 1_000, page_id=page.id)  # their own: no news

    counted = await FundraisingPage.get(id=page.id)
    assert (counted.raised, counted.gift_count) == (4_000, 2)
    assert await totals(campaign) == (4_000, 2, 0)
    [news] = await Notification.filter(user_id=owner.id, kind="page_gift")
    assert news.text == "Al gave €30 on your fundraising page “Robin swims”"
    assert [g.id for g in await fundraising_pages.supporters(page)][-1] == gift.id

    await gifts.manage(deps, manager, gift.id, "refund")
    counted = await FundraisingPage.get(id=page.id)
    assert (counted.raised, counted.gift_count) == (1_000, 1)
    assert await reconcile.find_differences() == []


async def test_a_hidden_page_takes_no_gifts_and_shows_only_to_its_owner_and_moderators(deps):
    manager, owner, fan = await person("Manager"), await person("Owner"), await person("Fan")
    campaign = await fundraiser(manager)
    page = await fundraising_pages.create_page(deps, owner, campaign.slug, PageInput(goal=1_000))

    with pytest.raises(Forbidden):
        await fundraising_pages.moderate(deps, fan, campaign.slug, page.slug, hide=True,
                                         reason="Spam")
    with pytest.raises(Invalid) as no_reason:
        await fundraising_pages.moderate(deps, manager, campaign.slug, page.slug, hide=True)
    assert set(no_reason.value.fields) == {"reason"}
    await fundraising_pages.moderate(deps, manager, campaign.slug, page.slug, hide=True,
                                     reason="Not about the river.")

    assert (await fundraising_pages.view_page(owner, campaign.slug, page.slug)).hidden_reason \
        == "Not about the river."
    await fundraising_pages.view_page(manager, campaign.slug, page.slug)
    with pytest.raises(NotFound):
        await fundraising_pages.view_page(fan, campaign.slug, page.slug)
    with pytest.raises(NotFound, match="no fundraising page to give on"):
        await gifts.give(deps, fan, campaign.slug, 1_000, page_id=page.id)
    with pytest.raises(Conflict, match="hidden already"):
        await fundraising_pages.moderate(deps, manager, campaign.slug, page.slug, hide=True,
                                         reason="Again.")
    assert await fundraising_pages.top_pages(campaign) == []


async def test_only_its_owner_edits_a_page(deps):
    manager, owner, fan = await person("Manager"), await person("Owner"), await person("Fan")
    campaign = await fundraiser(manager)
    page = await fundraising_pages.create_page(deps, owner, campaign.slug, PageInput(goal=1_000))

    with pytest.raises(NotFound, match="no fundraising page of yours"):
        await fundraising_pages.edit_page(deps, fan, campaign.slug, page.slug,
                                          PageInput(goal=2_000))
    edited = await fundraising_pages.edit_page(deps, owner, campaign.slug, page.slug,
                                               PageInput(goal=2_000, title="Robin swims"))
    assert (edited.goal, edited.title) == (2_000, "Robin swims")
