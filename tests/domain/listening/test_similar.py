"""Similar ideas on the embedded default (SQLite FTS5, porter stemming, bm25): a fan typing an
idea sees the campaign's published ideas like it, word forms and half-typed words included,
and which of them they voted for already."""

from __future__ import annotations

from cocreate.models import Campaign, Entry, User
from cocreate.services.core.context import Deps
from cocreate.services.entries import entry_edits
from cocreate.services.listening import similar
from cocreate.services.moderation import moderation
from cocreate.services.voting import voting
from tests.domain.story import idea, launch, person


async def _titles(deps: Deps, viewer: User, campaign: Campaign, text: str) -> list[str]:
    found = await similar.search(deps, viewer, campaign.slug, text, "192.0.2.1")
    return [entry.title for entry in found.ideas]


async def test_a_fan_typing_an_idea_finds_the_ones_like_it_in_the_campaign_only(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    floating = await idea(deps, await person(), campaign, "Floating picnic tables")
    await idea(deps, await person(), campaign, "Solar lockers")
    await idea(deps, await person(), await launch(manager), "Picnic table elsewhere")

    assert await _titles(deps, fan, campaign, "a picnic table") == ["Floating picnic tables"]
    assert await _titles(deps, fan, campaign, "flo") == ["Floating picnic tables"]  # typing
    assert await _titles(deps, fan, campaign, "pi") == []  # too short to ask
    assert await _titles(deps, fan, campaign, 'NEAR("picnic" OR *)') == [
        "Floating picnic tables"]  # what FTS5 would read as syntax is just words

    await voting.cast(deps, fan, floating.id)
    found = await similar.search(deps, fan, campaign.slug, "picnic", "192.0.2.1")
    assert found.voted_ids == {floating.id}


async def test_the_title_weighs_more_than_the_description_and_one_idea_can_be_left_out(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    in_body = await idea(deps, await person(), campaign, "Shade sails")
    in_title = await idea(deps, await person(), campaign, "Umbrella stands")
    await entry_edits.edit(deps, in_body.author, in_body.id, None, "Better than an umbrella.")

    assert [e.id for e in await similar.similar_ideas(campaign, "umbrella")] == [
        in_title.id, in_body.id]
    assert [e.id for e in await similar.similar_ideas(campaign, "umbrella",
                                                      exclude=in_title.id)] == [in_body.id]


async def test_the_index_follows_edits_and_moderation(deps):
    manager, author = await person("Manager"), await person("Author")
    campaign = await launch(manager)
    entry = await idea(deps, author, campaign, "Refillable bottles")

    await entry_edits.edit(deps, author, entry.id, "Solar lockers", None)
    assert [e.id for e in await similar.similar_ideas(campaign, "solar locker")] == [entry.id]
    assert await similar.similar_ideas(campaign, "refillable bottles") == []

    await moderation.act(deps, manager, entry.id, "hide", "Duplicate of an older idea.")
    assert await similar.similar_ideas(campaign, "solar locker") == []


async def test_the_index_follows_rows_written_past_the_services(deps):
    """The FTS5 triggers, not the services, keep the index in step: a bulk update and a
    deleted row (as a script or a cascade would write them) are found or gone at once."""
    manager = await person("Manager")
    campaign = await launch(manager)
    renamed = await idea(deps, await person(), campaign, "Solar chargers")
    gone = await idea(deps, await person(), campaign, "Compostable coffee pods")

    await Entry.filter(id=renamed.id).update(title="Soap refills by post")
    await gone.delete()

    assert [e.id for e in await similar.similar_ideas(campaign, "soap")] == [renamed.id]
    assert await similar.similar_ideas(campaign, "solar") == []
    assert await similar.similar_ideas(campaign, "coffee pods") == []
