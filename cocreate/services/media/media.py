"""Uploads: presigned straight to storage, then checked and re-encoded by a worker."""

from __future__ import annotations

import logging
from pathlib import PurePosixPath

import anyio
from tortoise.transactions import in_transaction

from cocreate.doors import jobs
from cocreate.doors.storage import Storage, UploadForm, content_key
from cocreate.lib.errors import Conflict, NotFound
from cocreate.lib.imaging import ACCEPTED_TYPES, CleanImage, ImageRejected, clean_image
from cocreate.lib.video import (
    AUDIO_TYPES,
    VIDEO_TYPES,
    MediaRejected,
    check_audio,
    check_video,
    poster_bytes,
    without_metadata,
)
from cocreate.models import Media, MediaKind, MediaStatus, User
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import FieldErrors
from cocreate.settings import Settings

log = logging.getLogger(__name__)
PROCESS_JOB = "media.process"
EXTENSIONS = {
    "video/mp4": "mp4", "video/quicktime": "mov", "video/webm": "webm", "audio/mpeg": "mp3",
    "audio/mp4": "m4a", "audio/ogg": "ogg", "audio/wav": "wav", "audio/webm": "weba",
}


def kind_of(content_type: str | None) -> MediaKind | None:
    if content_type in ACCEPTED_TYPES:
        return MediaKind.IMAGE
    if content_type in VIDEO_TYPES:
        return MediaKind.VIDEO
    if content_type in AUDIO_TYPES:
        return MediaKind.AUDIO
    return None


def size_limit(settings: Settings, kind: str | None) -> int:
    return settings.max_upload_bytes if kind == MediaKind.IMAGE else settings.max_video_bytes


async def start_upload(
    deps: Deps, actor: User, filename: str | None, content_type: str | None, size: int | None
) -> tuple[Media, UploadForm]:
    await deps.limiter.hit("uploads", actor.id)
    errors = FieldErrors()
    filename = errors.text("filename", filename, label="File name", max_len=255)
    kind = kind_of(content_type)
    if kind is None:
        errors.add("content_type", "Upload a JPEG, PNG, WebP or GIF image, an MP4, MOV or "
                   "WebM video, or an MP3, M4A, OGG or WAV sound.")
    limit = size_limit(deps.settings, kind)
    if not isinstance(size, int) or size <= 0:
        errors.add("size", "Give the file's size in bytes.")
    elif size > limit:
        errors.add("size", f"The file is too large; the limit is {limit // (1024 * 1024)} MB.")
    errors.raise_if_any()
    media = Media(owner=actor, filename=PurePosixPath(filename).name[:255], kind=kind,
                  declared_type=content_type, declared_size=size, upload_key="")
    media.upload_key = f"uploads/{media.id}/original"
    await media.save()
    form = await deps.storage.presigned_upload(media.upload_key, content_type, limit)
    return media, form


async def get_owned(actor: User, media_id: str) -> Media:
    media = await Media.get_or_none(id=media_id, owner=actor)
    if media is None:
        raise NotFound("No such upload.")
    return media


async def complete_upload(deps: Deps, actor: User, media_id: str) -> Media:
    media = await get_owned(actor, media_id)
    if media.status != MediaStatus.UPLOADING:
        return media  # completing twice is harmless
    if await deps.storage.head(media.upload_key) is None:
        raise Conflict("The file has not reached storage yet; upload it first.")
    async with in_transaction():
        updated = await Media.filter(id=media.id, status=MediaStatus.UPLOADING).update(
            status=MediaStatus.PROCESSING)
        if updated:
            await jobs.enqueue(PROCESS_JOB, {"media_id": media.id}, key=f"media:{media.id}")
    deps.jobs.kick()
    media.status = MediaStatus.PROCESSING
    return media


async def _reject(media: Media, reason: str) -> None:
    await Media.filter(id=media.id).update(status=MediaStatus.REJECTED, reason=reason[:255])


async def process_upload(storage: Storage, settings: Settings, media_id: str) -> None:
    """The worker's half: check the stored object, re-encode images, take a video's poster."""
    media = await Media.get_or_none(id=media_id)
    if media is None or media.status != MediaStatus.PROCESSING:
        return
    stored = await storage.head(media.upload_key)
    limit = size_limit(settings, media.kind)
    if stored is None:
        await _reject(media, "The uploaded file is missing.")
        return
    if stored.size > limit or stored.size > media.declared_size:
        await _reject(media, f"The file is larger than {limit // (1024 * 1024)} MB, or than "
                      "the size given when the upload started.")
    else:
        data = await storage.read(media.upload_key)
        try:
            if media.kind == MediaKind.IMAGE:
                await _store_image(storage, settings, media, data)
            elif media.kind == MediaKind.VIDEO:
                await _store_video(storage, settings, media, data)
            else:
                await _store_audio(storage, media, data)
        except (ImageRejected, MediaRejected) as rejected:
            await _reject(media, str(rejected))
    await storage.delete(media.upload_key)


async def _store_still(storage: Storage, media: Media, clean: CleanImage, name: str
                       ) -> tuple[str, str]:
    key = content_key(f"media/{media.id}/{name}", clean.data, clean.extension)
    thumb_key = content_key(f"media/{media.id}/thumb", clean.thumbnail, clean.extension)
    await storage.write(key, clean.data, clean.content_type)
    await storage.write(thumb_key, clean.thumbnail, clean.content_type)
    return key, thumb_key


async def _store_image(storage: Storage, settings: Settings, media: Media, data: bytes) -> None:
    clean = await anyio.to_thread.run_sync(
        clean_image, data, media.declared_type, settings.max_image_pixels)
    key, thumb_key = await _store_still(storage, media, clean, "image")
    await Media.filter(id=media.id, status=MediaStatus.PROCESSING).update(
        status=MediaStatus.READY, key=key, thumbnail_key=thumb_key, content_type=clean.content_type,
        width=clean.width, height=clean.height, reason=None,
    )


async def _store_video(storage: Storage, settings: Settings, media: Media, data: bytes) -> None:
    info = await anyio.to_thread.run_sync(check_video, data, media.declared_type)
    poster = await anyio.to_thread.run_sync(
        clean_image, poster_bytes(info.poster), "image/jpeg", settings.max_image_pixels)
    poster_key, thumb_key = await _store_still(storage, media, poster, "poster")
    data = await anyio.to_thread.run_sync(without_metadata, data, media.declared_type)
    key = content_key(f"media/{media.id}", data, EXTENSIONS[media.declared_type])
    await storage.write(key, data, media.declared_type)
    await Media.filter(id=media.id, status=MediaStatus.PROCESSING).update(
        status=MediaStatus.READY, key=key, poster_key=poster_key, thumbnail_key=thumb_key,
        content_type=media.declared_type, width=info.width, height=info.height,
        seconds=info.seconds, reason=None,
    )


async def _store_audio(storage: Storage, media: Media, data: bytes) -> None:
    info = await anyio.to_thread.run_sync(check_audio, data, media.declared_type)
    data = await anyio.to_thread.run_sync(without_metadata, data, media.declared_type)
    key = content_key(f"media/{media.id}", data, EXTENSIONS[media.declared_type])
    await storage.write(key, data, media.declared_type)
    await Media.filter(id=media.id, status=MediaStatus.PROCESSING).update(
        status=MediaStatus.READY, key=key, content_type=media.declared_type, seconds=info.seconds,
        reason=None,
    )


def still_key(media: Media | None) -> str | None:
    """The picture that stands for the media: the image itself, or a video's poster."""
    if media is None or media.status != MediaStatus.READY:
        return None
    if media.kind == MediaKind.VIDEO:
        return media.poster_key
    return media.key if media.kind == MediaKind.IMAGE else None


def media_urls(storage: Storage, media: Media | None) -> dict[str, str | None]:
    if media is None or media.status != MediaStatus.READY or not media.key:
        return {"url": None, "thumbnail_url": None, "poster_url": None}
    thumbnail = media.thumbnail_key or still_key(media)
    poster = media.poster_key
    return {
        "url": storage.url(media.key),
        "thumbnail_url": storage.url(thumbnail) if thumbnail else None,
        "poster_url": storage.url(poster) if poster else None,
    }
