"""An entry's card: queued when it goes public, again once per vote milestone and after its
title changes; it shows the title, who made it (a team by its name), the votes so far and what
a remix builds on."""

from __future__ import annotations

from cocreate.models import Entry
from cocreate.services.entries import entries, entry_edits, teams
from cocreate.services.moderation import moderation
from cocreate.services.sharing import entry_cards
from cocreate.services.voting import voting
from tests.domain.core.story_core import recorded
from tests.domain.media.story_media import ready_image
from tests.domain.story import idea, launch, launch_kind, person, run_jobs_named


async def _queued(entry: Entry) -> list[str]:
    return [job.key.rsplit(":", 1)[1] for job in
            await recorded(entry_cards.RENDER_JOB, entry_id=entry.id)]


def test_milestones_are_1_10_25_50_100_250_500_1000_then_every_thousand():
    assert [entry_cards.milestone(n) for n in (0, 1, 9, 10, 24, 99, 999, 1000, 1999, 2500)] == [
        0, 1, 1, 10, 10, 50, 500, 1000, 1000, 2000]
    assert [entry_cards.votes_line(n) for n in (0, 1, 1234)] == ["", "1 vote", "1,234 votes"]


async def test_votes_queue_one_card_per_milestone_reached(deps):
    manager, author = await person("Manager"), await person("Author")
    entry = await idea(deps, author, await launch(manager))
    assert await _queued(entry) == ["0"]  # its first card, when published

    fans = [await person(f"Fan {n}") for n in range(11)]
    for fan in fans:
        await voting.cast(deps, fan, entry.id)
    await voting.withdraw(deps, fans[0], entry.id)  # back to 10, then 11 again
    await voting.cast(deps, fans[0], entry.id)

    assert await _queued(entry) == ["0", "1", "10"]
    assert (await Entry.get(id=entry.id)).card_milestone == 10


async def test_a_pre_moderated_entry_gets_its_card_when_approved(deps):
    manager, author = await person("Manager"), await person("Author")
    entry = await idea(deps, author, await launch(manager, moderation="pre"))
    assert await _queued(entry) == []

    await moderation.act(deps, manager, entry.id, "approve")

    assert await _queued(entry) == ["0"]


async def test_a_new_title_redraws_the_card(deps):
    manager, author = await person("Manager"), await person("Author")
    entry = await idea(deps, author, await launch(manager))

    await entry_edits.edit(deps, author, entry.id, "Mango chili, milder", None)

    assert len(await _queued(entry)) == 2


async def test_a_card_queued_for_an_entry_hidden_since_is_not_drawn(deps):
    manager, author = await person("Manager"), await person("Author")
    entry = await idea(deps, author, await launch(manager))
    await moderation.act(deps, manager, entry.id, "hide", "Off topic.")

    await run_jobs_named(deps, entry_cards.RENDER_JOB)

    assert (await Entry.get(id=entry.id)).card_key is None


async def test_an_idea_card_shows_its_title_author_picture_and_votes(deps):
    manager, author = await person("Manager"), await person("Zoë Łukasiewicz")
    campaign = await launch(manager, "Next big flavour")
    picture = await ready_image(deps, author)
    entry = await entries.submit(deps, author, campaign.slug, "Mango chili", "", picture.id,
                                 accept_rules=True)
    await voting.cast(deps, await person("Fan"), entry.id)

    shown = await entry_cards.content_of(deps.storage, await entries.get_entry(entry.id))

    assert (shown.badge_label, shown.headline, shown.person_name, shown.stat) == (
        "Idea", "Mango chili", "Zoë Łukasiewicz", "1 vote")
    assert (shown.campaign_title, shown.org_name, shown.brand_color) == (
        "Next big flavour", campaign.org.name, campaign.org.color)
    assert shown.entry_image == await deps.storage.read(picture.key)
    assert shown.credit == "" and shown.link == ""
    linked = await entry_cards.content_of(deps.storage, await entries.get_entry(entry.id),
                                          "https://www.cocreate.example")
    assert linked.link == f"cocreate.example/e/{entry.id}"  # the card's short link


async def test_a_team_entry_card_shows_the_team_not_a_member(deps):
    manager, ana, ben = await person("Manager"), await person("Ana"), await person("Ben")
    campaign = await launch_kind(manager, "team")
    team = await teams.create_team(ana, campaign.slug, "The Mangoes")
    await teams.join_with_code(ben, team.invite_code)
    entry = await entries.submit(deps, ben, campaign.slug, "Mango float", "", accept_rules=True)

    shown = await entry_cards.content_of(deps.storage, await entries.get_entry(entry.id))

    assert (shown.badge_label, shown.person_name, shown.avatar_image) == (
        "Team entry", "The Mangoes", None)


async def test_until_its_card_is_drawn_an_entry_is_shared_with_the_campaign_cover(deps):
    manager, author = await person("Manager"), await person("Author")
    cover = await ready_image(deps, manager)
    with_cover = await idea(deps, author, await launch(manager, cover_media_id=cover.id))
    without = await idea(deps, author, await launch(manager, "Bare"))

    assert await entry_cards.image_key(await entries.get_entry(with_cover.id)) == cover.key
    assert await entry_cards.image_key(await entries.get_entry(without.id)) is None
