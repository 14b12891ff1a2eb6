"""Fans tag their entries with the campaign's tags (at most three) and may suggest a new one,
which others see only once a manager approves it; a tag counts the published entries that
carry it."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid
from cocreate.models import EntryTag, Tag
from cocreate.services.campaigns.fundraisers import FundraiserSettings
from cocreate.services.entries import entries
from cocreate.services.moderation import moderation
from cocreate.services.operations import reconcile
from cocreate.services.tags import tag_curation, tags
from tests.domain.story import idea, launch, launch_kind, person
from tests.domain.tags.story_tags import count_of, curated


async def test_a_fan_tags_an_idea_with_three_tags_at_most_and_nothing_is_written_past_that(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    await curated(deps, manager, campaign, "Sweet", "Spicy", "Sour", "Salty")

    with pytest.raises(Invalid) as refused:
        await entries.submit(deps, fan, campaign.slug, "Mango chili", "", accept_rules=True,
                             tag_slugs=["sweet", "spicy", "sour", "salty"])
    assert refused.value.fields == {"tags": "Choose at most 3 tags."}

    with pytest.raises(Invalid) as unknown:
        await entries.submit(deps, fan, campaign.slug, "Mango chili", "", accept_rules=True,
                             tag_slugs=["umami"])
    assert unknown.value.fields == {"tags": "“umami” is not one of this campaign's tags."}
    assert not await EntryTag.exists()

    entry = await entries.submit(deps, fan, campaign.slug, "Mango chili", "", accept_rules=True,
                                 tag_slugs=["sweet", "spicy"])
    shown = (await tags.for_entries(None, [entry]))[entry.id]
    assert [tag.slug for tag in shown] == ["spicy", "sweet"]
    assert [tag.entry_count for tag in await tags.approved(campaign)] == [1, 1, 0, 0]


async def test_a_suggested_tag_shows_to_its_author_and_the_managers_until_it_is_approved(deps):
    manager, author, other = await person("Manager"), await person("Author"), await person()
    campaign = await launch(manager)
    entry = await entries.submit(deps, author, campaign.slug, "Oat milk swirl", "",
                                 accept_rules=True, suggested_tag="Dairy free")
    suggestion = await Tag.get(campaign_id=campaign.id, slug="dairy-free")
    assert (suggestion.status, suggestion.suggested_by_id) == ("suggested", author.id)

    def seen_by(viewer, manager=False):  # type: ignore[no-untyped-def]
        return tags.for_entries(viewer, [entry], manager=manager)

    assert [t.slug for t in (await seen_by(author))[entry.id]] == ["dairy-free"]
    assert [t.slug for t in (await seen_by(manager, manager=True))[entry.id]] == ["dairy-free"]
    assert await seen_by(other) == {}
    assert await seen_by(None) == {}
    assert [t.slug for t in (await tags.listed(author, campaign.slug))[1]] == ["dairy-free"]
    assert (await tags.listed(other, campaign.slug))[1] == []
    assert await tags.approved(campaign) == []

    await tag_curation.approve(deps, manager, campaign.slug, "dairy-free")

    assert [t.slug for t in (await seen_by(other))[entry.id]] == ["dairy-free"]
    assert [t.slug for t in (await tags.listed(other, campaign.slug))[1]] == ["dairy-free"]
    assert [t.entry_count for t in await tags.approved(campaign)] == [1]


async def test_suggesting_a_name_the_campaign_has_picks_that_tag_instead(deps):
    manager, fan = await person("Manager"), await person()
    campaign = await launch(manager)
    [sweet] = await curated(deps, manager, campaign, "Sweet")

    entry = await entries.submit(deps, fan, campaign.slug, "Honey drop", "", accept_rules=True,
                                 suggested_tag="  sweet ")

    assert await Tag.filter(campaign_id=campaign.id).count() == 1
    assert [t.id for t in (await tags.for_entries(fan, [entry]))[entry.id]] == [sweet.id]
    assert await count_of(sweet) == 1


async def test_only_the_author_and_the_managers_tag_an_entry(deps):
    manager, author, other = await person("Manager"), await person("Author"), await person()
    campaign = await launch(manager)
    await curated(deps, manager, campaign, "Sweet", "Spicy")
    entry = await idea(deps, author, campaign)

    with pytest.raises(Forbidden, match="Only its author and the campaign's managers"):
        await tags.set_entry_tags(deps, other, entry.id, ["sweet"])

    assert [t.slug for t in await tags.set_entry_tags(deps, author, entry.id, ["sweet"])] == [
        "sweet"]
    assert [t.slug for t in await tags.set_entry_tags(deps, manager, entry.id,
                                                      ["sweet", "spicy"])] == ["spicy", "sweet"]


async def test_changing_an_entrys_tags_moves_each_tags_count(deps):
    manager, author = await person("Manager"), await person("Author")
    campaign = await launch(manager)
    sweet, spicy = await curated(deps, manager, campaign, "Sweet", "Spicy")
    entry = await entries.submit(deps, author, campaign.slug, "Mango chili", "",
                                 accept_rules=True, tag_slugs=["sweet"])

    await tags.set_entry_tags(deps, author, entry.id, ["spicy"])

    assert (await count_of(sweet), await count_of(spicy)) == (0, 1)
    await tags.set_entry_tags(deps, author, entry.id, [])
    assert (await count_of(sweet), await count_of(spicy)) == (0, 0)
    assert await reconcile.find_differences() == []


async def test_a_tag_counts_only_published_entries_as_moderation_moves_them(deps):
    manager, author = await person("Manager"), await person("Author")
    campaign = await launch(manager, moderation="pre")
    [sweet] = await curated(deps, manager, campaign, "Sweet")
    entry = await entries.submit(deps, author, campaign.slug, "Mango chili", "",
                                 accept_rules=True, tag_slugs=["sweet"])
    assert await count_of(sweet) == 0  # waiting for a moderator

    await moderation.act(deps, manager, entry.id, "approve")
    assert await count_of(sweet) == 1
    await moderation.act(deps, manager, entry.id, "hide", "Off topic for this brand.")
    assert await count_of(sweet) == 0
    await moderation.act(deps, manager, entry.id, "restore")
    assert await count_of(sweet) == 1
    assert await reconcile.find_differences() == []


async def test_a_fundraiser_has_no_tags(deps):
    manager = await person("Manager")
    fundraiser = await launch_kind(manager, "fundraiser", "Clean the river",
                                   fundraiser=FundraiserSettings(goal=100_000, currency="EUR"))

    with pytest.raises(Conflict, match="is a fundraiser: it takes gifts, not entries"):
        await tags.listed(manager, fundraiser.slug)
    with pytest.raises(Conflict):
        await tag_curation.create(deps, manager, fundraiser.slug, "Plastic")
