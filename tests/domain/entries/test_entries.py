"""Fans submit entries while a campaign takes them, having accepted its rules; pre-moderated
entries wait for a moderator, published ones count, earn their author the Contributor badge
once and show in the gallery, sorted and paged on stored values."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Forbidden, Invalid, NotFound
from cocreate.models import Award, Campaign, Entry, Job
from cocreate.services.campaigns import lifecycle
from cocreate.services.entries import entries
from cocreate.services.moderation import moderation
from cocreate.services.voting import voting
from tests.domain.story import idea, launch, person


async def test_a_fan_takes_part_once_they_accept_the_rules_and_then_need_not_again(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager, rules="Be kind. Original ideas only.")

    with pytest.raises(Invalid) as refused:
        await entries.submit(deps, fan, campaign.slug, "Mango chili", "")
    assert refused.value.fields == {"accept_rules": "Please read and accept the rules to take "
                                                    "part."}
    with pytest.raises(Invalid) as short:
        await entries.submit(deps, fan, campaign.slug, " ab ", "", accept_rules=True)
    assert short.value.fields == {"title": "Title needs at least 3 characters."}
    assert not await Entry.exists()

    await entries.submit(deps, fan, campaign.slug, "Mango chili", "", accept_rules=True)
    second = await entries.submit(deps, fan, campaign.slug, "Yuzu salt", "")
    assert entries.is_published(second)


async def test_a_campaign_takes_entries_only_while_it_is_open(deps):
    manager, fan = await person("Manager"), await person("Fan")
    draft = await launch(manager)
    await lifecycle.move_by_hand(manager, draft, "draft")  # back to draft, by hand

    with pytest.raises(NotFound, match="no campaign at this address"):
        await idea(deps, fan, draft)  # a draft is for its managers' eyes only
    with pytest.raises(Forbidden, match="has not opened yet"):
        await idea(deps, manager, draft)

    await lifecycle.move_by_hand(manager, draft, "voting")
    with pytest.raises(Forbidden, match="has closed; it no longer takes entries"):
        await idea(deps, fan, draft)
    assert not await Entry.exists()


async def test_a_published_entry_counts_and_earns_its_author_the_contributor_badge_once(deps):
    manager, author = await person("Manager"), await person("Author")
    campaign = await launch(manager)

    first = await idea(deps, author, campaign, "Mango chili")
    await idea(deps, author, campaign, "Yuzu salt")

    assert (await Campaign.get(id=campaign.id)).entry_count == 2
    [badge] = await Award.filter(user=author, campaign=campaign)
    assert (badge.badge, badge.entry_id) == ("contributor", first.id)
    recorded = {job.name for job in await Job.all()}
    assert {"sharing.entry_card", "sharing.profile_card", "sharing.award_card",
            "listening.extract"} <= recorded


async def test_a_pre_moderated_entry_waits_unseen_until_a_moderator_approves_it(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    campaign = await launch(manager, moderation="pre")
    entry = await idea(deps, author, campaign)

    assert entry.status == "pending"
    assert (await entries.list_entries(campaign.slug)).entries == []
    assert (await entries.view_entry(author, entry.id)).id == entry.id
    assert (await entries.view_entry(manager, entry.id)).id == entry.id
    with pytest.raises(NotFound):
        await entries.view_entry(fan, entry.id)
    assert [e.id for e in await entries.entries_by_author(author, author)] == [entry.id]
    assert await entries.entries_by_author(author, fan) == []
    assert (await Campaign.get(id=campaign.id)).entry_count == 0
    assert not await Award.exists(user=author)

    await moderation.act(deps, manager, entry.id, "approve")

    assert (await entries.view_entry(fan, entry.id)).status == "published"
    assert (await Campaign.get(id=campaign.id)).entry_count == 1
    assert await Award.exists(user=author, badge="contributor")


async def test_the_gallery_ranks_by_votes_or_recency_and_pages_with_a_cursor(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    quiet, loved, liked = [await idea(deps, await person(f"Author {n}"), campaign, title)
                           for n, title in enumerate(["Quiet", "Loved", "Liked"])]
    voters = [await person(f"Voter {n}") for n in range(2)]
    for voter in voters:
        await voting.cast(deps, voter, loved.id)
    await voting.cast(deps, voters[0], liked.id)

    top = await entries.list_entries(campaign.slug, "top", limit=2)
    assert [e.title for e in top.entries] == ["Loved", "Liked"]
    rest = await entries.list_entries(campaign.slug, "top", top.next_cursor, limit=2)
    assert [e.title for e in rest.entries] == ["Quiet"] and rest.next_cursor is None

    newest = await entries.list_entries(campaign.slug, "new", limit=2)
    older = await entries.list_entries(campaign.slug, "new", newest.next_cursor, limit=2)
    assert [e.id for e in newest.entries + older.entries] == [liked.id, loved.id, quiet.id]

    with pytest.raises(Invalid) as refused:
        await entries.list_entries(campaign.slug, "random")
    assert refused.value.fields == {"sort": "Use top, trending or new."}
