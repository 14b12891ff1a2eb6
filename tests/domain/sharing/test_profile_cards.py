"""A fan's profile card: their name and avatar with what they have done (public entries,
badges still theirs), queued again whenever those numbers may have moved."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import NotFound
from cocreate.models import User
from cocreate.services.accounts import profiles
from cocreate.services.badges import badges
from cocreate.services.moderation import moderation
from cocreate.services.recognition import openbadges
from cocreate.services.sharing import profile_cards, share_cards
from tests.domain.core.story_core import recorded
from tests.domain.media.story_media import ready_image
from tests.domain.story import idea, launch, person


def test_the_numbers_leave_out_what_is_zero():
    assert profile_cards.numbers_line(0, 0) == ""
    assert profile_cards.numbers_line(1, 0) == "1 entry"
    assert profile_cards.numbers_line(3, 1) == "3 entries · 1 badge"
    assert profile_cards.numbers_line(0, 1200) == "1,200 badges"


async def test_the_card_counts_public_entries_and_badges_still_held(deps):
    manager, ana = await person("Manager"), await person("Ana")
    campaign = await launch(manager)
    first = await idea(deps, ana, campaign, "Mango chili")
    hidden = await idea(deps, ana, campaign, "Lime salt")
    await idea(deps, ana, await launch(await person("Other")), "Plum jam")
    finalist = await badges.award(ana, badges.FINALIST, campaign, first)

    await moderation.act(deps, manager, hidden.id, "hide", "Off topic.")
    await openbadges.revoke(manager, finalist.id, "A mistake.")

    shown = await profile_cards.content_of(deps.storage, ana)
    assert (shown.person_name, shown.stat, shown.brand_color) == (
        "Ana", "2 entries · 2 badges", share_cards.PLATFORM_COLOR)


async def test_a_published_entry_and_a_new_name_or_avatar_queue_the_card(deps):
    manager, ana = await person("Manager"), await person("Ana")
    entry = await idea(deps, ana, await launch(manager))
    assert [job.key for job in await recorded(profile_cards.RENDER_JOB)] == [
        f"profile-card:{ana.id}:entry:{entry.id}"]

    await profiles.update_profile(ana, bio="I like mangoes.")  # not on the card
    assert len(await recorded(profile_cards.RENDER_JOB)) == 1
    await profiles.update_profile(ana, display_name="Ana Maria")
    ana = await User.get(id=ana.id)
    await profiles.update_profile(ana, avatar_media_id=(await ready_image(deps, ana)).id)
    assert len(await recorded(profile_cards.RENDER_JOB)) == 3

    shown = await profile_cards.content_of(deps.storage, await User.get(id=ana.id))
    assert shown.person_name == "Ana Maria" and shown.avatar_image is not None


async def test_a_profile_without_a_drawn_card_has_none_to_give(deps):
    ana = await person("Ana")

    for handle in (ana.handle, "nobody-here"):
        with pytest.raises(NotFound, match="no share card yet"):
            await profile_cards.image_key(handle)
