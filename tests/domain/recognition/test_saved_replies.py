"""Saved replies: notes managers reuse to thank people, each with {name} where the person's
first name goes, so filled in it always names whom it thanks."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid, NotFound
from cocreate.services.recognition import saved_replies
from tests.domain.entries.story_entries import team_with
from tests.domain.story import idea, launch, launch_kind, person


async def test_a_saved_reply_names_the_person_it_thanks(deps):
    manager, fan = await person("Manager"), await person("Fan")
    org = (await launch(manager)).org

    with pytest.raises(Invalid) as nameless:
        await saved_replies.create(manager, org.slug, "Generic", "Thanks for your idea!")
    assert set(nameless.value.fields) == {"body"}
    assert "put {name} where their first name goes" in nameless.value.fields["body"]
    with pytest.raises(Forbidden):
        await saved_replies.create(fan, org.slug, "Warm", "Thanks, {name}!")
    reply = await saved_replies.create(manager, org.slug, "Warm", "Thanks, {name}: {name}!")
    with pytest.raises(Conflict) as taken:
        await saved_replies.create(manager, org.slug, "Warm", "Hi {name}")
    assert taken.value.fields == {"title": "Another saved reply has this title."}

    changed = await saved_replies.update(manager, org.slug, reply.id, body="Cheers, {name}!")
    assert (changed.title, changed.body) == ("Warm", "Cheers, {name}!")
    await saved_replies.delete(manager, org.slug, reply.id)
    with pytest.raises(NotFound):
        await saved_replies.get(manager, org.slug, reply.id)


async def test_an_organization_keeps_fifty_saved_replies_at_most(deps):
    manager = await person("Manager")
    org = (await launch(manager)).org
    for n in range(50):
        await saved_replies.create(manager, org.slug, f"Reply {n}", "Hi {name}")

    with pytest.raises(Conflict, match="50 saved replies, the most it can keep"):
        await saved_replies.create(manager, org.slug, "One more", "Hi {name}")


async def test_a_reply_is_filled_in_for_the_author_or_a_team_member(deps):
    manager, captain, mate = await person("Manager"), await person("Cap Tain"), await person("Mo")
    campaign = await launch_kind(manager, "team", team_min_size=2)
    await team_with(captain, campaign, mate)
    entry = await idea(deps, captain, campaign)
    reply = await saved_replies.create(manager, campaign.org.slug, "Warm", "Thanks, {name}!")

    assert await saved_replies.note_for(manager, entry.id, reply.id) == "Thanks, Cap!"
    assert await saved_replies.note_for(manager, entry.id, reply.id, f"@{mate.handle}") == (
        "Thanks, Mo!")
    assert await saved_replies.note_for(manager, entry.id, None) == "Thanks, Cap: "
    with pytest.raises(Invalid) as outsider:
        await saved_replies.note_for(manager, entry.id, reply.id, manager.handle)
    assert outsider.value.fields == {"handle": "Thank someone who made this entry."}
    other = await idea(deps, await person(), await launch(await person("Other brand")))
    with pytest.raises(NotFound):
        await saved_replies.note_for(manager, other.id, reply.id, org_slug=campaign.org.slug)
