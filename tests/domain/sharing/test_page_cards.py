"""A fan's fundraising page card: queued when the page is made, after each edit, and when
the percent of its goal reached moves; it shows the fan, their photo and their progress."""

from __future__ import annotations

from cocreate.models import FundraisingPage
from cocreate.services.fundraising import fundraising_pages, gifts
from cocreate.services.fundraising.fundraising_pages import PageInput
from cocreate.services.sharing import page_cards
from tests.domain.core.story_core import recorded
from tests.domain.media.story_media import ready_image
from tests.domain.sharing.story_sharing import fundraiser
from tests.domain.story import person


async def _queued(page: FundraisingPage) -> list[str]:
    return [job.key.split(":", 2)[2] for job in
            await recorded(page_cards.RENDER_JOB, page_id=page.id)]


async def test_the_card_is_queued_when_made_and_when_the_percent_moves(deps):
    manager, ana = await person("Manager"), await person("Ana")
    campaign = await fundraiser(manager)
    page = await fundraising_pages.create_page(deps, ana, campaign.slug,
                                               PageInput(title="Ana runs", goal=100_000))

    for amount in (10_000, 100):  # 10 %, then still 10 %
        started = await gifts.give(deps, await person("Friend"), campaign.slug, amount,
                                   page_id=page.id)
        await gifts.manage(deps, manager, started.gift.id, "paid")

    assert await _queued(page) == ["made", "10:10000:100000"]


async def test_every_edit_of_the_page_queues_its_card_even_two_in_a_second(deps):
    manager, ana = await person("Manager"), await person("Ana")
    campaign = await fundraiser(manager)
    page = await fundraising_pages.create_page(deps, ana, campaign.slug,
                                               PageInput(title="Ana runs", goal=10_000))

    for title in ("Ana runs 10 km", "Ana runs 12 km"):
        await fundraising_pages.edit_page(deps, ana, campaign.slug, page.slug,
                                          PageInput(title=title))

    assert len([key for key in await _queued(page) if key.startswith("edit:")]) == 2


async def test_the_card_shows_the_fan_their_photo_and_their_progress(deps):
    manager, ana = await person("Manager"), await person("Ana")
    cover = await ready_image(deps, manager, colour=(0, 90, 200))
    campaign = await fundraiser(manager, cover_media_id=cover.id)
    page = await fundraising_pages.create_page(deps, ana, campaign.slug,
                                               PageInput(title="Ana runs", goal=10_000))
    started = await gifts.give(deps, await person("Friend"), campaign.slug, 2_500,
                               page_id=page.id)
    await gifts.manage(deps, manager, started.gift.id, "paid")

    async def shown():
        found = await FundraisingPage.get(id=page.id).select_related(
            "owner", "photo", "campaign", "campaign__org", "campaign__cover")
        return await page_cards.content_of(deps.storage, found, "EUR")

    before = await shown()
    assert (before.person_name, before.headline, before.campaign_title) == (
        "Ana", "Ana runs", "Warm bowls")
    assert (before.stat, before.credit) == ("€25 of €100", "25% of the goal raised · 1 gift")
    assert before.entry_image == await deps.storage.read(cover.key)  # no photo: the cover

    photo = await ready_image(deps, ana, colour=(200, 0, 90))
    await fundraising_pages.edit_page(deps, ana, campaign.slug, page.slug,
                                      PageInput(photo_media_id=photo.id))
    assert (await shown()).entry_image == await deps.storage.read(photo.key)
    assert await page_cards.image_key(await FundraisingPage.get(id=page.id)) == photo.key
