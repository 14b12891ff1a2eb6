"""Lineage: what a remix credits (the brand's kit, other fans' entries), the line its share
card shows, and the public remixes that build on an entry."""

from __future__ import annotations

from cocreate.models import Entry, KitAsset
from cocreate.services.entries import entries, remix
from cocreate.services.lineage import lineage
from cocreate.services.moderation import moderation
from tests.domain.media.story_media import ready_image
from tests.domain.story import idea, launch, launch_kind, person


async def _remix(deps, fan, campaign, title, kit=(), of=()) -> Entry:
    picture = await ready_image(deps, fan)
    return await entries.submit(deps, fan, campaign.slug, title, "My take.", picture.id,
                                accept_rules=True, kit_asset_ids=[a.id for a in kit],
                                remix_of=[e.id for e in of])


async def test_a_remix_credits_the_kit_and_other_fans_on_its_card_line(deps):
    manager, ana, ben = await person("Manager"), await person("Ana"), await person("Ben")
    campaign = await launch_kind(manager, "remix")
    beach = await remix.add_kit_asset(manager, campaign.slug,
                                      (await ready_image(deps, manager)).id, "Beach still",
                                      "Free to remix for this campaign.")
    anas = await _remix(deps, ana, campaign, "Sunset", kit=[beach])
    bens = await _remix(deps, ben, campaign, "Sunset at night", kit=[beach], of=[anas])

    credits = await lineage.remixes_of(bens)

    assert ([a.id for a in credits.kit_assets], [e.id for e in credits.entries]) == (
        [beach.id], [anas.id])
    org = campaign.org.name
    assert await lineage.credit_line(bens, org) == (
        f"remix of Beach still by {org}, Sunset by Ana")
    assert await lineage.credit_line(anas, org) == f"remix of Beach still by {org}"
    assert (await KitAsset.get(id=beach.id)).remix_count == 2


async def test_an_idea_that_builds_on_nothing_has_no_credit_line(deps):
    manager, ana = await person("Manager"), await person("Ana")
    entry = await idea(deps, ana, await launch(manager))

    assert (await lineage.remixes_of(entry)).empty
    assert await lineage.credit_line(entry, "Brand") == ""
    assert await lineage.remixed_by(entry) == []


async def test_only_public_remixes_are_listed_as_building_on_an_entry_newest_first(deps):
    manager, ana = await person("Manager"), await person("Ana")
    campaign = await launch(manager)
    original = await idea(deps, ana, campaign, "Mango chili")
    builds = [await entries.submit(deps, await person(f"Fan {n}"), campaign.slug,
                                   f"Mango chili {n}", "", accept_rules=True,
                                   remix_of=[original.id]) for n in range(3)]

    await moderation.act(deps, manager, builds[1].id, "hide", "Off topic.")

    assert [e.id for e in await lineage.remixed_by(original)] == [builds[2].id, builds[0].id]
    assert (await Entry.get(id=original.id)).remix_count == 2
