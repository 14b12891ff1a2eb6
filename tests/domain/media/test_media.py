"""Uploads: refused up front when their type or size is wrong, stored under a key the server
names, and usable only once the worker has checked and re-encoded them."""

from __future__ import annotations

import pytest

from cocreate.lib.errors import Conflict, Invalid, NotFound, RateLimited
from cocreate.models import Media, MediaKind, MediaStatus
from cocreate.services.media import media
from tests.clips import mp4_bytes, wav_bytes
from tests.domain.core.story_core import recorded
from tests.domain.media.story_media import png, ready_image, uploaded
from tests.domain.story import person, run_jobs_named


@pytest.mark.parametrize(("filename", "content_type", "size", "field"), [
    ("logo.svg", "image/svg+xml", 10, "content_type"),
    ("photo.png", "image/png", 10 * 1024 * 1024 + 1, "size"),
    ("clip.mp4", "video/mp4", 200 * 1024 * 1024 + 1, "size"),
    ("photo.png", "image/png", 0, "size"),
    ("  ", "image/png", 10, "filename"),
])
async def test_types_and_sizes_outside_the_rules_are_refused_before_anything_is_kept(
        deps, filename, content_type, size, field):
    fan = await person("Fan")

    with pytest.raises(Invalid) as refused:
        await media.start_upload(deps, fan, filename, content_type, size)

    assert set(refused.value.fields) == {field}
    assert not await Media.exists()


async def test_the_server_names_the_key_and_keeps_only_the_file_name(deps):
    fan = await person("Fan")

    started, form = await media.start_upload(deps, fan, "../../etc/passwd.png", "image/png", 99)

    assert (started.filename, started.status, started.kind) == (
        "passwd.png", MediaStatus.UPLOADING, MediaKind.IMAGE)
    assert started.upload_key == f"uploads/{started.id}/original"
    assert form.fields["key"] == started.upload_key
    assert form.fields["Content-Type"] == "image/png"


async def test_completing_before_the_file_arrived_is_a_conflict(deps):
    fan = await person("Fan")
    started, _ = await media.start_upload(deps, fan, "photo.png", "image/png", 99)

    with pytest.raises(Conflict, match="has not reached storage"):
        await media.complete_upload(deps, fan, started.id)

    assert (await Media.get(id=started.id)).status == MediaStatus.UPLOADING


async def test_a_checked_image_is_re_encoded_with_a_thumbnail_and_the_original_goes(deps):
    fan = await person("Fan")
    waiting = await uploaded(deps, fan, png((640, 480)))
    await media.complete_upload(deps, fan, waiting.id)  # twice: one check queued
    assert waiting.status == MediaStatus.PROCESSING
    assert len(await recorded(media.PROCESS_JOB)) == 1
    assert media.media_urls(deps.storage, waiting)["url"] is None  # not usable yet

    await run_jobs_named(deps, media.PROCESS_JOB)

    ready = await Media.get(id=waiting.id)
    assert (ready.status, ready.width, ready.height, ready.content_type) == (
        MediaStatus.READY, 640, 480, "image/jpeg")  # an opaque picture is stored as a JPEG
    assert ready.key.startswith(f"media/{ready.id}/image") and ready.thumbnail_key
    assert await deps.storage.head(ready.upload_key) is None
    assert (await deps.storage.read(ready.key)).startswith(b"\xff\xd8")
    assert media.still_key(ready) == ready.key
    urls = media.media_urls(deps.storage, ready)
    assert urls["url"] and urls["thumbnail_url"] and urls["poster_url"] is None


async def test_a_file_that_is_not_an_image_is_rejected_with_a_reason_and_no_address(deps):
    fan = await person("Fan")
    waiting = await uploaded(deps, fan, b"%PDF-1.7 not an image at all" * 20, "image/png")

    await run_jobs_named(deps, media.PROCESS_JOB)

    rejected = await Media.get(id=waiting.id)
    assert rejected.status == MediaStatus.REJECTED
    assert "not a JPEG, PNG, WebP or GIF" in rejected.reason
    assert media.still_key(rejected) is None
    assert media.media_urls(deps.storage, rejected) == {
        "url": None, "thumbnail_url": None, "poster_url": None}
    assert await deps.storage.head(rejected.upload_key) is None


async def test_a_file_larger_than_it_said_is_rejected(deps):
    fan = await person("Fan")
    data = png((300, 300))
    waiting = await uploaded(deps, fan, data, declared=len(data) - 1)

    await run_jobs_named(deps, media.PROCESS_JOB)

    rejected = await Media.get(id=waiting.id)
    assert rejected.status == MediaStatus.REJECTED
    assert "than the size given when the upload started" in rejected.reason


async def test_a_file_gone_from_storage_before_the_check_is_rejected(deps):
    fan = await person("Fan")
    waiting = await uploaded(deps, fan, png())
    await deps.storage.delete(waiting.upload_key)

    await run_jobs_named(deps, media.PROCESS_JOB)

    assert (await Media.get(id=waiting.id)).reason == "The uploaded file is missing."


async def test_a_video_gets_a_poster_and_a_sound_its_length(deps):
    fan = await person("Fan")
    video = await uploaded(deps, fan, mp4_bytes(seconds=1.0), "video/mp4", "clip.mp4")
    sound = await uploaded(deps, fan, wav_bytes(seconds=0.5), "audio/wav", "tone.wav")

    await run_jobs_named(deps, media.PROCESS_JOB)

    video, sound = await Media.get(id=video.id), await Media.get(id=sound.id)
    assert (video.status, video.kind, video.width, video.height) == (
        MediaStatus.READY, MediaKind.VIDEO, 320, 240)
    assert media.still_key(video) == video.poster_key and video.key.endswith(".mp4")
    assert media.media_urls(deps.storage, video)["poster_url"]
    assert (sound.status, sound.kind) == (MediaStatus.READY, MediaKind.AUDIO)
    assert sound.seconds == pytest.approx(0.5, abs=0.05)
    assert media.still_key(sound) is None


async def test_nobody_can_reach_someone_elses_upload(deps):
    owner, thief = await person("Owner"), await person("Thief")
    image = await ready_image(deps, owner)

    for attempt in (media.get_owned(thief, image.id),
                    media.complete_upload(deps, thief, image.id)):
        with pytest.raises(NotFound, match="No such upload"):
            await attempt


async def test_a_fan_starts_at_most_twenty_uploads_a_minute(deps):
    fan = await person("Fan")
    for n in range(20):
        await media.start_upload(deps, fan, f"{n}.png", "image/png", 99)

    with pytest.raises(RateLimited):
        await media.start_upload(deps, fan, "21.png", "image/png", 99)
    assert await Media.filter(owner=fan).count() == 20
