"""Uploads: presigned straight to storage, then checked and re-encoded by a worker."""

from __future__ import annotations

import logging
from pathlib import PurePosixPath

import anyio
from tortoise.transactions import in_transaction

from cocreate import jobs
from cocreate.imaging import ACCEPTED_TYPES, ImageRejected, clean_image
from cocreate.models import Media, User
from cocreate.services.context import Deps
from cocreate.services.errors import Conflict, NotFound
from cocreate.services.validation import FieldErrors
from cocreate.storage import Storage, UploadForm, content_key

log = logging.getLogger(__name__)
PROCESS_JOB = "media.process"


async def start_upload(
    deps: Deps, actor: User, filename: str | None, content_type: str | None, size: int | None
) -> tuple[Media, UploadForm]:
    await deps.limiter.hit("uploads", actor.id)
    errors = FieldErrors()
    filename = errors.text("filename", filename, label="File name", max_len=255)
    if content_type not in ACCEPTED_TYPES:
        errors.add("content_type", "Upload a JPEG, PNG, WebP or GIF image.")
    limit = deps.settings.max_upload_bytes
    if not isinstance(size, int) or size <= 0:
        errors.add("size", "Give the file's size in bytes.")
    elif size > limit:
        errors.add("size", f"The file is too large; the limit is {limit // (1024 * 1024)} MB.")
    errors.raise_if_any()
    media = Media(owner=actor, filename=PurePosixPath(filename).name[:255],
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
    if media.status != "uploading":
        return media  # completing twice is harmless
    if await deps.storage.head(media.upload_key) is None:
        raise Conflict("The file has not reached storage yet; upload it first.")
    async with in_transaction():
        updated = await Media.filter(id=media.id, status="uploading").update(status="processing")
        if updated:
            await jobs.enqueue(PROCESS_JOB, {"media_id": media.id}, key=f"media:{media.id}")
    deps.jobs.kick()
    media.status = "processing"
    return media


async def _reject(media: Media, reason: str) -> None:
    await Media.filter(id=media.id).update(status="rejected", reason=reason[:255])


async def process_upload(storage: Storage, max_bytes: int, max_pixels: int, media_id: str) -> None:
    """The worker's half: check the stored object, re-encode it, make a thumbnail."""
    media = await Media.get_or_none(id=media_id)
    if media is None or media.status != "processing":
        return
    stored = await storage.head(media.upload_key)
    if stored is None:
        await _reject(media, "The uploaded file is missing.")
        return
    if stored.size > max_bytes:
        await _reject(media, f"The file is larger than {max_bytes // (1024 * 1024)} MB.")
    else:
        data = await storage.read(media.upload_key)
        try:
            clean = await anyio.to_thread.run_sync(
                clean_image, data, media.declared_type, max_pixels
            )
        except ImageRejected as rejected:
            await _reject(media, str(rejected))
        else:
            key = content_key(f"media/{media.id}", clean.data, clean.extension)
            thumb_key = content_key(f"media/{media.id}/thumb", clean.thumbnail, clean.extension)
            await storage.write(key, clean.data, clean.content_type)
            await storage.write(thumb_key, clean.thumbnail, clean.content_type)
            await Media.filter(id=media.id, status="processing").update(
                status="ready", key=key, thumbnail_key=thumb_key, content_type=clean.content_type,
                width=clean.width, height=clean.height, reason=None,
            )
    await storage.delete(media.upload_key)


def media_urls(storage: Storage, media: Media | None) -> dict[str, str | None]:
    if media is None or media.status != "ready" or not media.key:
        return {"url": None, "thumbnail_url": None}
    return {
        "url": storage.url(media.key),
        "thumbnail_url": storage.url(media.thumbnail_key or media.key),
    }
