"""Share links: what a fan's link brings (visits, signups, votes) counts for them, once per
action, in the campaign it happened in, and never their own actions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cocreate.models import Referral
from cocreate.services.accounts import accounts
from cocreate.services.influence import referrals
from cocreate.services.voting import voting
from tests.domain.influence.story_influence import counters, only
from tests.domain.story import PASSWORD, idea, launch, person


async def test_a_fan_keeps_one_code_for_every_link(deps):
    sharer = await person("Sharer")

    code = await referrals.code_for(sharer)

    assert code == await referrals.code_for(sharer) and code.isalnum()
    assert (await referrals.sharer_of(code)).id == sharer.id
    assert await referrals.sharer_of("not-a-code!") is None
    assert referrals.with_code("/c/x", code) == f"/c/x?ref={code}"
    assert referrals.with_code("/c/x?sort=new", code) == f"/c/x?sort=new&ref={code}"


async def test_a_visit_counts_once_per_visitor_and_never_the_sharers_own(deps):
    manager, sharer = await person("Manager"), await person("Sharer")
    campaign = await launch(manager)
    code = await referrals.code_for(sharer)
    page = f"/c/{campaign.slug}"

    for _ in range(2):
        assert (await referrals.record_visit(code, "browser-1", page)).id == sharer.id
    await referrals.record_visit(code, "browser-2", page)
    assert await referrals.record_visit(code, "browser-3", page, visitor=sharer) is None

    assert await Referral.filter(kind="visit").count() == 2
    assert await counters(campaign.org_id, sharer) == only(visits=2, influence=2)


async def test_the_pages_of_a_campaign_name_it_and_other_pages_count_for_no_campaign(deps):
    manager, author, sharer = await person("Manager"), await person("Author"), await person()
    campaign = await launch(manager)
    entry = await idea(deps, author, campaign)
    code = await referrals.code_for(sharer)

    for path in (f"/c/{campaign.slug}", f"/e/{entry.id}/", "/e/nosuchentry"):
        await referrals.record_visit(code, path, path)  # one browser per page
    await referrals.record_visit(code, "elsewhere", "/about")

    assert dict(await Referral.filter(kind="visit").values_list("path", "campaign_id")) == {
        "/about": None, f"/c/{campaign.slug}": campaign.id, f"/e/{entry.id}/": campaign.id,
        "/e/nosuchentry": None}
    assert await counters(campaign.org_id, sharer) == only(visits=2, influence=2)


async def test_a_signup_through_a_link_counts_in_the_campaign_of_the_visit(deps):
    manager, sharer = await person("Manager"), await person("Sharer")
    campaign = await launch(manager)
    code = await referrals.code_for(sharer)
    await referrals.record_visit(code, "browser-1", f"/c/{campaign.slug}")

    newcomer = await accounts.signup(deps, "new@example.test", PASSWORD, "Newcomer",
                                     "203.0.113.5", referral_code=code, visitor_id="browser-1")
    await referrals.record_signup(code, newcomer, "browser-1")  # replayed: counted once

    assert await Referral.filter(kind="signup").values_list("subject", "campaign_id") == [
        (newcomer.id, campaign.id)]
    assert await counters(campaign.org_id, sharer) == only(visits=1, signups=1, influence=6)


async def test_a_vote_a_link_brought_counts_until_it_is_taken_back(deps):
    manager, author, sharer = await person("Manager"), await person("Author"), await person()
    voter = await person("Voter")
    campaign = await launch(manager)
    entry = await idea(deps, author, campaign)
    code = await referrals.code_for(sharer)
    other = await idea(deps, await person("Other"), campaign, "Another")

    await voting.cast(deps, voter, entry.id, referral_code=code)
    await voting.cast(deps, sharer, other.id, referral_code=code)  # the sharer's own vote
    assert await counters(campaign.org_id, sharer) == only(votes=1, influence=2)

    await voting.withdraw(deps, voter, entry.id)

    assert not await Referral.exists(kind="vote")
    assert await counters(campaign.org_id, sharer) == only()


async def test_a_gift_counts_for_the_first_link_a_donor_came_through_within_30_days(deps):
    manager, sharer, donor = await person("Manager"), await person("Sharer"), await person()
    campaign = await launch(manager)
    code = await referrals.code_for(sharer)
    await referrals.record_visit(code, "browser-1", f"/c/{campaign.slug}")
    now = datetime.now(UTC)

    assert (await referrals.gift_referrer(code, donor, "browser-1", now)).id == sharer.id
    assert await referrals.gift_referrer(code, donor, "browser-2", now) is None  # no visit
    assert await referrals.gift_referrer(code, donor, None, now) is None
    assert await referrals.gift_referrer(code, sharer, "browser-1", now) is None  # own link
    assert await referrals.gift_referrer(code, donor, "browser-1",
                                         now + timedelta(days=31)) is None
