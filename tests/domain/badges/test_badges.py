"""Awarding a badge: once per person, badge and campaign, with one share card queued, one
notification and one line in the feeds; the catalog names and describes each badge."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import NotFound
from cocreate.models import Activity, Award, Notification
from cocreate.services.badges import badges
from cocreate.services.recognition import openbadges, org_badges
from tests.domain.core.story_core import recorded
from tests.domain.story import idea, launch, person


async def test_a_badge_awarded_twice_is_one_award_one_card_one_notification(deps):
    manager, author = await person("Manager"), await person("Ana")
    campaign = await launch(manager, "Next big flavour")
    entry = await idea(deps, author, campaign)

    first = await badges.award(author, badges.FINALIST, campaign, entry)
    again = await badges.award(author.id, badges.FINALIST, campaign, entry)

    assert again.id == first.id
    assert await Award.filter(user=author, badge=badges.FINALIST).count() == 1
    assert [job.key for job in await recorded(badges.RENDER_JOB, award_id=first.id)] == [
        f"award:{first.id}"]
    told = await Notification.filter(user=author, kind="badge", key=f"award:{first.id}")
    assert [n.text for n in told] == ["You earned the Finalist badge in “Next big flavour”."]
    assert await Activity.filter(key=f"award:{first.id}").values_list("kind", "text") == [
        ("badge", "Ana earned the Finalist badge in “Next big flavour”")]


async def test_a_first_idea_earns_the_contributor_badge_once_per_campaign(deps):
    manager, author = await person("Manager"), await person("Ana")
    campaign = await launch(manager)
    entry = await idea(deps, author, campaign, "Mango chili")
    second = await idea(deps, author, campaign, "Lime salt")

    contributor = await badges.award_for_entry(entry.id)

    assert contributor is not None and contributor.user_id == author.id
    assert await badges.award_for_entry(second.id) is None
    assert [a.badge for a in await badges.awards_of(author)] == [badges.CONTRIBUTOR]


async def test_a_win_is_told_as_a_win_in_the_feeds(deps):
    manager, author = await person("Manager"), await person("Ana")
    campaign = await launch(manager, "Next big flavour")
    entry = await idea(deps, author, campaign)

    won = await badges.award(author, badges.WINNER, campaign, entry)

    assert await Activity.filter(key=f"award:{won.id}").values_list("kind", "text") == [
        ("winner", "Ana won in “Next big flavour”")]


async def test_levels_and_an_organizations_own_badge_are_named_and_described(deps):
    manager, author = await person("Manager"), await person("Ana")
    campaign = await launch(manager, "Next big flavour")
    entry = await idea(deps, author, campaign)
    org = campaign.org
    own = await org_badges.create_badge(manager, org.slug, "Taste maker",
                                        "Found the flavour of the summer.")

    crowd = await badges.award(author, "crowd-favourite-100", campaign, entry)
    given = await org_badges.give(manager, org.slug, own.id, author.handle, campaign.slug)

    crowd, given = await badges.get_award(crowd.id), await badges.get_award(given.id)
    assert badges.label(crowd) == "Crowd favourite ×100"
    assert badges.description(crowd) == "An entry of yours won 100 votes in “Next big flavour”."
    assert (badges.label(given), badges.description(given)) == (
        "Taste maker", "Found the flavour of the summer.")
    contributor = await badges.get_award((await badges.award_for_entry(entry.id)).id)
    assert badges.description(contributor) == (
        f"Shared an entry with {org.name} in “Next big flavour”.")


async def test_a_revoked_badge_is_no_longer_the_persons_to_show(deps):
    manager, author = await person("Manager"), await person("Ana")
    campaign = await launch(manager)
    entry = await idea(deps, author, campaign)
    finalist = await badges.award(author, badges.FINALIST, campaign, entry)

    await openbadges.revoke(manager, finalist.id, "Votes were bought.")

    assert [a.badge for a in await badges.awards_of(author)] == [badges.CONTRIBUTOR]
    assert not await Activity.exists(key=f"award:{finalist.id}")


async def test_a_new_look_queues_every_card_of_the_organization_again(deps):
    manager, ana, ben = await person("Manager"), await person("Ana"), await person("Ben")
    campaign = await launch(manager)
    await idea(deps, ana, campaign, "One")
    await idea(deps, ben, campaign, "Two")
    elsewhere = await idea(deps, ana, await launch(await person("Other")), "Three")
    before = len(await recorded(badges.RENDER_JOB))

    for _ in range(2):  # each change of look is drawn again, however often it changes
        await badges.redraw_cards(campaign__org_id=campaign.org_id)

    queued = (await recorded(badges.RENDER_JOB))[before:]
    assert len(queued) == 4
    assert (await badges.award_for_entry(elsewhere.id)).id not in {
        job.payload["award_id"] for job in queued}


async def test_an_address_without_a_badge_is_not_found(deps):
    with pytest.raises(NotFound, match="no badge at this address"):
        await badges.get_award("nosuchaward1")
