"""A campaign's story pictures: managers add their own images (shown once checked), number,
describe, reorder and remove them; the story places image:N and the rest form a gallery."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Forbidden, Invalid, NotFound
from cocreate.models import AuditEvent, CampaignImage
from cocreate.services.campaigns import campaigns, story_images
from cocreate.services.campaigns.campaigns import CampaignSettings
from cocreate.services.media import media
from tests.domain.media.story_media import png, ready_image, uploaded
from tests.domain.story import launch, person, run_jobs_named


async def _positions(campaign) -> list[tuple[str, int]]:
    return [(image.alt, image.position) for image in await story_images.images(campaign)]


async def test_only_managers_add_only_their_own_images_with_alt_text(deps):
    manager, fan = await person("Manager"), await person("Fan")
    campaign = await launch(manager)
    fans_image = await ready_image(deps, fan)
    sound = await uploaded(deps, manager, b"RIFF....WAVE", "audio/wav", "tone.wav")

    with pytest.raises(Forbidden):
        await story_images.add_image(deps, fan, campaign.slug, fans_image.id, "Mine")
    for media_id, alt, fields in [(fans_image.id, "Theirs", {"media_id"}),
                                  (sound.id, "A sound", {"media_id"}),
                                  (None, "  ", {"media_id", "alt"})]:
        with pytest.raises(Invalid) as refused:
            await story_images.add_image(deps, manager, campaign.slug, media_id, alt)
        assert set(refused.value.fields) == fields
    assert not await CampaignImage.exists()


async def test_an_image_is_numbered_and_shows_once_the_worker_has_checked_it(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    waiting = await uploaded(deps, manager, png((300, 200)))

    added = await story_images.add_image(deps, manager, campaign.slug, waiting.id,
                                         " The   kitchen\nat dawn ")

    assert (added.alt, added.position) == ("The kitchen at dawn", 1)
    assert story_images.snippet(added) == "![The kitchen at dawn](image:1)"
    assert (await story_images.story(deps.storage, campaign)).gallery == []  # not checked yet
    await run_jobs_named(deps, media.PROCESS_JOB)
    [shown] = (await story_images.story(deps.storage, campaign)).gallery
    assert (shown.ref, shown.width, shown.height) == ("image:1", 300, 200)
    assert await AuditEvent.filter(action="story_image.add").count() == 1


async def test_the_story_places_its_images_and_the_others_form_a_gallery(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    for alt in ("Kitchen", "Queue", "Bowls"):
        await story_images.add_image(deps, manager, campaign.slug,
                                     (await ready_image(deps, manager)).id, alt)
    await campaigns.update_campaign(manager, campaign.slug, CampaignSettings(
        description="Look: ![The queue](image:2) and ![gone](image:9)"))

    story = await story_images.story(deps.storage, await campaigns.get_campaign(campaign.slug))

    assert story.html.count("<img") == 1 and 'alt="The queue"' in story.html
    assert [picture.alt for picture in story.gallery] == ["Kitchen", "Bowls"]


async def test_removing_an_image_keeps_the_numbers_the_story_uses(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    added = [await story_images.add_image(deps, manager, campaign.slug,
                                          (await ready_image(deps, manager)).id, alt)
             for alt in ("One", "Two", "Three")]

    await story_images.remove_image(deps, manager, campaign.slug, added[1].id)
    after = await story_images.add_image(deps, manager, campaign.slug,
                                         (await ready_image(deps, manager)).id, "Four")

    assert await _positions(campaign) == [("One", 1), ("Three", 3), ("Four", 4)]
    assert after.position == 4
    with pytest.raises(NotFound):
        await story_images.remove_image(deps, manager, campaign.slug, added[1].id)


async def test_images_are_reordered_all_at_once_or_moved_one_step(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    one, two, three = [await story_images.add_image(deps, manager, campaign.slug,
                                                    (await ready_image(deps, manager)).id, alt)
                       for alt in ("One", "Two", "Three")]

    await story_images.reorder(deps, manager, campaign.slug, [three.id, one.id, two.id])
    assert await _positions(campaign) == [("Three", 1), ("One", 2), ("Two", 3)]
    await story_images.move_image(deps, manager, campaign.slug, three.id, +1)
    await story_images.move_image(deps, manager, campaign.slug, two.id, +1)  # last: stays
    assert await _positions(campaign) == [("One", 1), ("Three", 2), ("Two", 3)]

    for partial in ([one.id, two.id], [one.id, one.id, two.id, three.id]):
        with pytest.raises(Invalid) as refused:
            await story_images.reorder(deps, manager, campaign.slug, partial)
        assert set(refused.value.fields) == {"ids"}
    assert await _positions(campaign) == [("One", 1), ("Three", 2), ("Two", 3)]


async def test_alt_text_is_changed_by_managers_and_required(deps):
    manager = await person("Manager")
    campaign = await launch(manager)
    image = await story_images.add_image(deps, manager, campaign.slug,
                                         (await ready_image(deps, manager)).id, "Kitchen")

    changed = await story_images.set_alt(deps, manager, campaign.slug, image.id, "Our kitchen")
    with pytest.raises(Invalid):
        await story_images.set_alt(deps, manager, campaign.slug, image.id, "")

    assert changed.alt == "Our kitchen"
    other = await launch(manager, "Other")
    with pytest.raises(NotFound):
        await story_images.set_alt(deps, manager, other.slug, image.id, "Elsewhere")
