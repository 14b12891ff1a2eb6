"""Fans give to an open fundraiser; offline, a gift is a pledge until a manager marks it paid.
Gifts only move forward, the totals move with them and equal the succeeded gifts, a sponsor
matches up to a cap, and an anonymous donor's name stays inside the organization."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.models import AuditEvent, Gift
from cocreate.services.campaigns import lifecycle
from cocreate.services.fundraising import gifts
from cocreate.services.operations import reconcile
from tests.domain.fundraising.story_fundraising import fundraiser, paid, totals
from tests.domain.story import launch, person


async def test_a_pledge_counts_once_a_manager_marks_it_paid_and_leaves_when_refunded(deps):
    manager, donor = await person("Manager"), await person("Donor")
    campaign = await fundraiser(manager)

    started = await gifts.give(deps, donor, campaign.slug, 2_500, message="For the otters")
    assert (started.gift.status, started.redirect_url) == ("pending", None)  # a pledge
    assert await totals(campaign) == (0, 0, 0)

    await gifts.manage(deps, manager, started.gift.id, "paid")
    assert await totals(campaign) == (2_500, 1, 0)
    with pytest.raises(Conflict, match="This gift is paid; it can't be marked paid now"):
        await gifts.manage(deps, manager, started.gift.id, "paid")
    assert await totals(campaign) == (2_500, 1, 0)

    refunded = await gifts.manage(deps, manager, started.gift.id, "refund")
    assert refunded.status == "refunded" and await totals(campaign) == (0, 0, 0)
    assert [e.action for e in await AuditEvent.filter(target_id=started.gift.id)
            .order_by("created_at")] == ["gift.paid", "gift.refund"]
    assert await reconcile.find_differences() == []


async def test_a_cancelled_pledge_never_counts_and_stays_cancelled(deps):
    manager, donor = await person("Manager"), await person("Donor")
    campaign = await fundraiser(manager)
    started = await gifts.give(deps, donor, campaign.slug, 1_000)

    await gifts.manage(deps, manager, started.gift.id, "cancel")

    for action in ("paid", "refund", "cancel"):
        with pytest.raises(Conflict, match="This gift is not completed"):
            await gifts.manage(deps, manager, started.gift.id, action)
    assert await totals(campaign) == (0, 0, 0)
    with pytest.raises(Forbidden, match="Only managers of"):
        await gifts.manage(deps, donor, started.gift.id, "paid")


async def test_a_gift_is_from_one_euro_and_says_at_most_500_characters(deps):
    manager, donor = await person("Manager"), await person("Donor")
    campaign = await fundraiser(manager)

    with pytest.raises(Invalid) as refused:
        await gifts.give(deps, donor, campaign.slug, 99, message="x" * 501)
    assert refused.value.fields == {"amount": "Give from €1 to €999,999.99.",
                                    "message": "Message can be at most 500 characters."}
    assert not await Gift.exists()


async def test_gifts_are_taken_only_while_the_fundraiser_is_open(deps):
    manager, donor = await person("Manager"), await person("Donor")
    campaign = await fundraiser(manager)
    ideas = await launch(manager)

    with pytest.raises(NotFound, match="not a fundraiser"):
        await gifts.give(deps, donor, ideas.slug, 1_000)
    await lifecycle.move_by_hand(manager, campaign, "closed")
    with pytest.raises(Forbidden, match="has closed; it no longer takes gifts"):
        await gifts.give(deps, donor, campaign.slug, 1_000)
    await lifecycle.move_by_hand(manager, campaign, "draft")
    with pytest.raises(Forbidden, match="has not opened yet"):
        await gifts.give(deps, manager, campaign.slug, 1_000)
    assert not await Gift.exists()


async def test_the_sponsor_matches_gifts_up_to_the_cap_and_a_refund_takes_its_match_back(deps):
    manager = await person("Manager")
    campaign = await fundraiser(manager, sponsor_name="River Bank", match_percent=100,
                                match_cap=10_000)
    first = await paid(deps, manager, await person("First"), campaign, 6_000)
    second = await paid(deps, manager, await person("Second"), campaign, 6_000)

    assert (first.matched_amount, second.matched_amount) == (6_000, 4_000)
    assert await totals(campaign) == (12_000, 2, 10_000)

    await gifts.manage(deps, manager, first.id, "refund")
    assert await totals(campaign) == (6_000, 1, 4_000)
    assert await reconcile.find_differences() == []


async def test_an_anonymous_donors_name_is_known_only_to_them_and_the_managers(deps):
    manager, shy, proud, stranger = [await person(n) for n in ("M", "Shy", "Proud", "Other")]
    campaign = await fundraiser(manager)
    hidden = await paid(deps, manager, shy, campaign, 1_000, anonymous=True)
    await paid(deps, manager, proud, campaign, 2_000)

    shown = [gifts.public_name(gift) for gift in await gifts.supporters(campaign)]
    assert sorted(shown) == ["Anonymous", "Proud"]
    _, book = await gifts.book(manager, campaign.slug)
    assert sorted(gift.donor.display_name for gift in book) == ["Proud", "Shy"]
    with pytest.raises(Forbidden):
        await gifts.book(shy, campaign.slug)
    assert (await gifts.view_gift(shy, hidden.id)).id == hidden.id
    with pytest.raises(NotFound, match="no gift at this address"):
        await gifts.view_gift(stranger, hidden.id)
