"""Managers curate a campaign's tags: create, rename, approve or reject suggestions, merge one
tag into another and delete; each change checked, rate limited and in the audit log."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.models import AuditEvent, EntryTag, Tag
from cocreate.services.entries import entries
from cocreate.services.operations import reconcile
from cocreate.services.tags import tag_curation, tags
from tests.domain.story import launch, person
from tests.domain.tags.story_tags import count_of, curated


async def test_only_the_campaigns_managers_curate_its_tags(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)

    with pytest.raises(Forbidden, match="Only managers of"):
        await tag_curation.create(deps, fan, campaign.slug, "Sweet")
    with pytest.raises(Forbidden):
        await tag_curation.all_tags(fan, campaign.slug)
    assert not await Tag.exists()

    tag = await tag_curation.create(deps, manager, campaign.slug, "  Extra   sweet ", "#0e7c66")
    assert (tag.name, tag.slug, tag.color, tag.status) == (
        "Extra sweet", "extra-sweet", "#0e7c66", "approved")
    assert await AuditEvent.filter(action="tag.create", target_id=tag.id).count() == 1


async def test_a_tag_needs_a_name_with_letters_and_a_colour_like_0e7c66(deps):
    manager = await person("Manager")
    campaign = await launch(manager)

    with pytest.raises(Invalid) as refused:
        await tag_curation.create(deps, manager, campaign.slug, "x", "green")
    assert refused.value.fields == {"name": "A tag needs at least 2 characters.",
                                    "color": "Use a colour like #0e7c66."}
    with pytest.raises(Invalid) as symbols:
        await tag_curation.create(deps, manager, campaign.slug, "!!!")
    assert symbols.value.fields == {"name": "A tag needs letters or digits."}
    assert not await Tag.exists()


async def test_a_name_taken_by_a_suggestion_asks_the_manager_to_approve_it(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    await curated(deps, manager, campaign, "Sweet")
    await entries.submit(deps, fan, campaign.slug, "Vegan", "", accept_rules=True,
                         suggested_tag="Plant based")

    with pytest.raises(Conflict, match="approve it instead") as suggested:
        await tag_curation.create(deps, manager, campaign.slug, "Plant-based")
    assert suggested.value.fields == {"name": "“Plant based” exists already."}
    with pytest.raises(Conflict, match="merge into it instead"):
        await tag_curation.create(deps, manager, campaign.slug, "SWEET")
    assert await Tag.filter(campaign_id=campaign.id).count() == 2


async def test_a_renamed_tag_moves_to_its_new_address(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    sweet, _ = await curated(deps, manager, campaign, "Sweet", "Spicy")

    renamed = await tag_curation.update(deps, manager, campaign.slug, "sweet", "Honeyed")

    assert (renamed.id, renamed.slug) == (sweet.id, "honeyed")
    with pytest.raises(NotFound, match="no such tag"):
        await tag_curation.update(deps, manager, campaign.slug, "sweet", "Sugary")
    with pytest.raises(Conflict):
        await tag_curation.update(deps, manager, campaign.slug, "honeyed", "Spicy")
    audit = await AuditEvent.get(action="tag.update")
    assert audit.summary == "Renamed the tag “Sweet” to “Honeyed”"


async def test_a_rejected_suggestion_comes_off_its_entries_but_approved_tags_are_deleted(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    await curated(deps, manager, campaign, "Sweet")
    entry = await entries.submit(deps, fan, campaign.slug, "Gummy", "", accept_rules=True,
                                 tag_slugs=["sweet"], suggested_tag="Chewy")

    with pytest.raises(Conflict, match="approved already; delete it instead"):
        await tag_curation.reject(deps, manager, campaign.slug, "sweet")
    await tag_curation.reject(deps, manager, campaign.slug, "chewy")

    assert [t.slug for t in (await tags.for_entries(fan, [entry]))[entry.id]] == ["sweet"]
    await tag_curation.delete(deps, manager, campaign.slug, "sweet")
    assert not await EntryTag.filter(entry_id=entry.id).exists()
    assert [e.action for e in await AuditEvent.filter(action__startswith="tag.").order_by(
        "created_at")] == ["tag.create", "tag.reject", "tag.delete"]


async def test_merging_moves_the_entries_and_tags_each_entry_once(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    spicy, hot = await curated(deps, manager, campaign, "Spicy", "Hot")
    both = await entries.submit(deps, await person("A"), campaign.slug, "Ghost pepper", "",
                                accept_rules=True, tag_slugs=["spicy", "hot"])
    only_hot = await entries.submit(deps, await person("B"), campaign.slug, "Wasabi pea", "",
                                    accept_rules=True, tag_slugs=["hot"])

    kept = await tag_curation.merge(deps, manager, campaign.slug, "hot", "spicy")

    assert kept.id == spicy.id and kept.entry_count == 2
    assert not await Tag.exists(id=hot.id)
    assert sorted(await EntryTag.filter(tag_id=spicy.id).values_list("entry_id", flat=True)) \
        == sorted([both.id, only_hot.id])
    assert await reconcile.find_differences() == []
    audit = await AuditEvent.get(action="tag.merge")
    assert audit.summary == "Merged the tag “Hot” into “Spicy” (1 entries moved)"


async def test_a_tag_merges_only_into_another_tag_of_the_campaign(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    [sweet] = await curated(deps, manager, campaign, "Sweet")

    for into, message in ((None, "Choose another tag."), ("sweet", "Choose another tag."),
                          ("sour", "This campaign has no such tag.")):
        with pytest.raises(Invalid) as refused:
            await tag_curation.merge(deps, manager, campaign.slug, "sweet", into)
        assert refused.value.fields == {"into": message}
    assert await count_of(sweet) == 0 and await Tag.exists(id=sweet.id)
