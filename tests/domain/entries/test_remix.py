"""A remix challenge hands out a kit; every remix credits what it builds on (kit assets or
other published entries), and "remixed N times" counts the published remixes."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid
from cocreate.models import Entry, EntryCredit, KitAsset
from cocreate.services.entries import entries, remix
from cocreate.services.moderation import moderation
from cocreate.services.operations import reconcile
from tests.domain.entries.story_entries import LICENCE, ready_image, remix_challenge, remix_of
from tests.domain.story import launch, person


async def test_only_managers_of_remix_or_team_challenges_fill_a_kit(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign, _ = await remix_challenge(deps, manager)
    image = await ready_image(deps, fan)

    with pytest.raises(Forbidden, match="Only managers of"):
        await remix.add_kit_asset(fan, campaign.slug, image.id, "My still", LICENCE)
    with pytest.raises(Invalid) as refused:
        await remix.add_kit_asset(manager, campaign.slug, image.id, "", "short")
    assert refused.value.fields == {
        "title": "Title is required.", "licence": "Licence needs at least 10 characters.",
        "media_id": "Use a file you uploaded that has finished processing."}  # not theirs
    ideas = await launch(manager)
    with pytest.raises(Invalid, match="Only remix and team challenges have a remix kit"):
        await remix.add_kit_asset(manager, ideas.slug, image.id, "Still", LICENCE)
    assert await KitAsset.all().count() == 1


async def test_a_remix_brings_its_own_image_and_says_what_it_remixes(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign, _ = await remix_challenge(deps, manager)
    other = await launch(manager)
    elsewhere = await entries.submit(deps, await person(), other.slug, "Not here", "",
                                     accept_rules=True)

    with pytest.raises(Invalid) as refused:
        await entries.submit(deps, fan, campaign.slug, "Sunset cut", "", accept_rules=True)
    assert refused.value.fields == {
        "media_id": "A remix needs your image or video.",
        "remixes": "Say what you remixed: an asset of the kit or other entries."}
    with pytest.raises(Invalid) as foreign:
        await remix_of(deps, fan, campaign, "Sunset cut", sources=[elsewhere])
    assert foreign.value.fields == {"remixes": "Credit published entries of this campaign."}
    assert not await Entry.filter(campaign_id=campaign.id).exists()


async def test_remixed_counts_follow_the_published_remixes_of_a_kit_asset_and_an_entry(deps):
    manager = await person("Manager")
    campaign, asset = await remix_challenge(deps, manager)
    first = await remix_of(deps, await person("First"), campaign, "Sunset cut", kit=[asset])
    second = await remix_of(deps, await person("Second"), campaign, "Sunset, slowed",
                            kit=[asset], sources=[first])

    assert (await KitAsset.get(id=asset.id)).remix_count == 2
    assert (await Entry.get(id=first.id)).remix_count == 1

    await moderation.act(deps, manager, second.id, "hide", "Uses someone else's music.")
    assert (await KitAsset.get(id=asset.id)).remix_count == 1
    assert (await Entry.get(id=first.id)).remix_count == 0
    assert await reconcile.find_differences() == []

    tree = await remix.family_tree(campaign)
    assert [(node.kit_asset.id, [c.entry.id for c in node.children]) for node in tree] == [
        (asset.id, [first.id])]


async def test_a_remixed_kit_asset_stays_in_the_kit_to_keep_its_credits(deps):
    manager = await person("Manager")
    campaign, asset = await remix_challenge(deps, manager)
    unused = await remix.add_kit_asset(manager, campaign.slug,
                                       (await ready_image(deps, manager)).id, "Logo", LICENCE)
    await remix_of(deps, await person("Fan"), campaign, "Sunset cut", kit=[asset])

    with pytest.raises(Conflict, match="it stays in the kit to keep their credits"):
        await remix.remove_kit_asset(manager, campaign.slug, asset.id)
    await remix.remove_kit_asset(manager, campaign.slug, unused.id)

    assert [a.id for a in await remix.kit(campaign)] == [asset.id]
    assert await EntryCredit.filter(kit_asset_id=asset.id).count() == 1
