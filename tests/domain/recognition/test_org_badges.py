"""Organizations' own badges: managers make them (a name of their own, what it is for) and
give one by hand to a person for one of their campaigns, once, like any other award."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid
from cocreate.models import Notification
from cocreate.services.badges import badges
from cocreate.services.recognition import org_badges
from tests.domain.story import launch, person


async def test_managers_make_badges_with_a_name_of_their_own(deps):
    manager, fan = await person("Manager"), await person("Fan")
    org = (await launch(manager)).org

    with pytest.raises(Forbidden):
        await org_badges.create_badge(fan, org.slug, "Taste maker", "Found the flavour.")
    with pytest.raises(Invalid) as refused:
        await org_badges.create_badge(manager, org.slug, "T", "")
    assert set(refused.value.fields) == {"name", "description"}
    await org_badges.create_badge(manager, org.slug, "Taste maker", "Found the flavour.")
    with pytest.raises(Conflict, match="already have a badge with that name"):
        await org_badges.create_badge(manager, org.slug, "Taste maker", "Again.")
    assert [b.name for b in await org_badges.list_badges(org.slug)] == ["Taste maker"]


async def test_a_badge_is_given_to_a_person_for_one_campaign_once(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    org = campaign.org
    elsewhere = await launch(await person("Other brand"))
    badge = await org_badges.create_badge(manager, org.slug, "Taste maker", "Found the flavour.")

    with pytest.raises(Invalid) as refused:
        await org_badges.give(manager, org.slug, badge.id, "nobody-x", elsewhere.slug)
    assert refused.value.fields == {
        "campaign": "Choose one of your organization's campaigns.",
        "handle": "There is nobody with this handle."}
    award = await org_badges.give(manager, org.slug, badge.id, f"@{fan.handle}", campaign.slug,
                                  "Mango chili was yours.")
    with pytest.raises(Conflict, match="already has “Taste maker” for this campaign"):
        await org_badges.give(manager, org.slug, badge.id, fan.handle, campaign.slug)

    assert (award.badge, award.org_badge_id, award.note) == (
        badges.org_badge_key(badge), badge.id, "Mango chili was yours.")
    assert await Notification.filter(user_id=fan.id, kind="badge").count() == 1
