"""The brand thanks one person by name for one public contribution: a note that names them,
once per person and entry, told to them at once and in the audit log."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid
from cocreate.models import AuditEvent, Entry, Notification
from cocreate.services.recognition import acknowledgements
from tests.domain.entries.story_entries import team_with
from tests.domain.story import idea, launch, launch_kind, person


async def test_a_manager_thanks_the_author_by_name_once(deps):
    manager, author, fan = await person("Manager"), await person("Ana Lima"), await person()
    entry = await idea(deps, author, await launch(manager), "Floating table")

    with pytest.raises(Forbidden, match="Only managers of"):
        await acknowledgements.acknowledge(fan, entry.id, "Thanks, Ana: lovely!")
    with pytest.raises(Invalid) as impersonal:
        await acknowledgements.acknowledge(manager, entry.id, "Thanks for your idea!")
    assert impersonal.value.fields == {
        "note": "Address Ana by name: a personal note says who it thanks."}
    assert acknowledgements.draft(author) == "Thanks, Ana: "
    for greeting_alone in ("Thanks, Ana: ", "Thank you so much, Ana Lima!", "Hi Ana, thanks"):
        with pytest.raises(Invalid) as empty:
            await acknowledgements.acknowledge(manager, entry.id, greeting_alone)
        assert empty.value.fields["note"] == (
            "Say what you thank Ana for: the greeting alone is not a thank-you.")

    thanks = await acknowledgements.acknowledge(manager, entry.id, "Thanks, ana: we love it!")
    assert thanks.recipient_id == author.id
    assert (await Entry.get(id=entry.id)).acknowledged_at is not None
    [told] = await Notification.filter(user_id=author.id, kind="acknowledgement")
    assert told.text == f"{entry.campaign.org.name} thanked you for “Floating table”: " \
                        "Thanks, ana: we love it!"
    assert await AuditEvent.exists(action="entry.acknowledge", target_id=entry.id)
    with pytest.raises(Conflict, match="thanked for this entry already"):
        await acknowledgements.acknowledge(manager, entry.id, "Thanks again, Ana!")
    assert [a.id for a in await acknowledgements.of_entry(entry)] == [thanks.id]


async def test_each_member_of_a_team_is_thanked_by_their_own_name(deps):
    manager, captain, mate = await person("Manager"), await person("Cap"), await person("Mo")
    campaign = await launch_kind(manager, "team", team_min_size=2)
    await team_with(captain, campaign, mate)
    entry = await idea(deps, captain, campaign)

    thanks = await acknowledgements.acknowledge(manager, entry.id, "Thanks, Mo: great edit!",
                                                handle=f"@{mate.handle}")
    assert thanks.recipient_id == mate.id
    with pytest.raises(Invalid) as outsider:
        await acknowledgements.acknowledge(manager, entry.id, "Thanks, Manager: hm",
                                           handle=manager.handle)
    assert outsider.value.fields == {"handle": "Thank someone who made this entry."}
    with pytest.raises(Invalid) as nobody:
        await acknowledgements.acknowledge(manager, entry.id, "Thanks, X: hmm", handle="nobody-x")
    assert nobody.value.fields == {"handle": "There is nobody with this handle."}


async def test_only_public_entries_are_thanked(deps):
    manager, author = await person("Manager"), await person("Ana")
    entry = await idea(deps, author, await launch(manager, moderation="pre"))

    with pytest.raises(Forbidden, match="Only public entries can be acknowledged"):
        await acknowledgements.acknowledge(manager, entry.id, "Thanks, Ana: lovely!")
