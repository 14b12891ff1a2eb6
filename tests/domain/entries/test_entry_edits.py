"""Authors reword their entry while the campaign takes entries and before anyone has voted
for it; never once a moderator stepped in or approved it as it is."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Forbidden, Invalid
from cocreate.models import Entry, Job
from cocreate.services.campaigns import lifecycle
from cocreate.services.entries import entries, entry_edits
from cocreate.services.moderation import moderation
from cocreate.services.voting import voting
from tests.domain.story import idea, launch, person


async def test_the_author_rewords_an_idea_and_its_terms_and_card_follow(deps):
    manager, author = await person("Manager"), await person("Author")
    entry = await idea(deps, author, await launch(manager), "Refillable bottles")

    edited = await entry_edits.edit(deps, author, entry.id, "Solar lockers",
                                    "Charge your **phone** while you shop.")

    assert (edited.title, edited.edited_at is not None) == ("Solar lockers", True)
    assert "<strong>phone</strong>" in edited.body_html
    terms = await Job.filter(name="listening.extract").count()
    cards = await Job.filter(name="sharing.entry_card").count()
    assert (terms, cards) == (2, 2)  # for the new idea, then again for its new words


async def test_only_the_author_rewords_an_entry_not_even_a_manager(deps):
    manager, author, other = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager), "Refillable bottles")

    for stranger in (other, manager):
        with pytest.raises(Forbidden, match="Only its author can change this entry"):
            await entry_edits.edit(deps, stranger, entry.id, "Solar lockers", None)
    with pytest.raises(Invalid) as blank:
        await entry_edits.edit(deps, author, entry.id, " x ", None)
    assert blank.value.fields == {"title": "Title needs at least 3 characters."}
    assert (await Entry.get(id=entry.id)).title == "Refillable bottles"


async def test_once_someone_voted_the_entry_stays_as_they_voted_for_it(deps):
    manager, author, fan = await person("Manager"), await person("Author"), await person()
    entry = await idea(deps, author, await launch(manager))
    await voting.cast(deps, fan, entry.id)

    with pytest.raises(Conflict, match="People have voted for this entry"):
        await entry_edits.edit(deps, author, entry.id, "Something else", None)
    assert not await entry_edits.can_edit(author, await entries.get_entry(entry.id))


async def test_entries_stay_as_they_are_once_entries_close(deps):
    manager, author = await person("Manager"), await person("Author")
    campaign = await launch(manager)
    entry = await idea(deps, author, campaign)
    await lifecycle.move_by_hand(manager, campaign, "voting")

    with pytest.raises(Conflict, match="only while the campaign takes them"):
        await entry_edits.edit(deps, author, entry.id, "Something else", None)


async def test_a_pre_moderated_entry_is_reworded_while_pending_but_not_once_approved(deps):
    manager, author = await person("Manager"), await person("Author")
    campaign = await launch(manager, moderation="pre")
    entry = await idea(deps, author, campaign, "First words")

    assert (await entry_edits.edit(deps, author, entry.id, "Better words", None)).title == (
        "Better words")
    await moderation.act(deps, manager, entry.id, "approve")

    with pytest.raises(Forbidden, match="approved this entry as it is"):
        await entry_edits.edit(deps, author, entry.id, "Sneaky words", None)


async def test_an_entry_a_moderator_took_down_is_not_changed(deps):
    manager, author = await person("Manager"), await person("Author")
    entry = await idea(deps, author, await launch(manager))
    await moderation.act(deps, manager, entry.id, "hide", "Not about this campaign.")

    with pytest.raises(Forbidden, match="A moderator took this entry down"):
        await entry_edits.edit(deps, author, entry.id, "Something else", None)
