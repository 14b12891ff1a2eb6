"""Managers name the fans who carry their organization ambassadors: the first time earns the
Ambassador badge (in the newest public campaign), naming them again awards nothing more, and
unnaming keeps the badge."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Forbidden, Invalid
from cocreate.models import Ambassador, Notification
from cocreate.services.campaigns import lifecycle
from cocreate.services.recognition import ambassadors
from tests.domain.recognition.story_recognition import earned
from tests.domain.story import launch, person


async def test_an_ambassador_earns_the_badge_once_and_keeps_it(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    org = campaign.org

    with pytest.raises(Forbidden):
        await ambassadors.mark(deps, fan, org.slug, fan.handle)
    named = await ambassadors.mark(deps, manager, org.slug, f"@{fan.handle}", "Brings friends")
    assert (named.user_id, named.note) == (fan.id, "Brings friends")
    assert await earned(fan, campaign) == ["ambassador"]

    await ambassadors.unmark(deps, manager, org.slug, fan.handle)
    assert await ambassadors.ids_of(org) == set()
    await ambassadors.mark(deps, manager, org.slug, fan.handle)

    assert await earned(fan) == ["ambassador"]
    assert [n.text for n in await Notification.filter(user_id=fan.id).order_by("created_at")][
        -1] == f"{org.name} made you one of its ambassadors again."
    assert await ambassadors.orgs_of(fan) == [org]
    assert await Ambassador.filter(org=org).count() == 1


async def test_an_organization_needs_a_public_campaign_to_show_the_badge_in(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    await lifecycle.move_by_hand(manager, campaign, "draft")

    with pytest.raises(Invalid) as refused:
        await ambassadors.mark(deps, manager, campaign.org.slug, fan.handle)
    assert refused.value.fields == {"handle": "No public campaign yet."}
