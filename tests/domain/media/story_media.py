"""Uploading as a browser does (the bytes go straight to storage), and the worker's check."""

from __future__ import annotations

import io

from PIL import Image

from cocreate.models import Media, User
from cocreate.services.core.context import Deps
from cocreate.services.media import media
from tests.domain.story import run_jobs_named


def png(size: tuple[int, int] = (64, 48), colour: tuple[int, int, int] = (255, 90, 54)
        ) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


async def uploaded(deps: Deps, owner: User, data: bytes, content_type: str = "image/png",
                   filename: str = "photo.png", declared: int | None = None) -> Media:
    """Started, sent to storage and completed: waiting for the worker (processing)."""
    started, _form = await media.start_upload(deps, owner, filename, content_type,
                                              declared or len(data))
    await deps.storage.write(started.upload_key, data, content_type)
    return await media.complete_upload(deps, owner, started.id)


async def ready_image(deps: Deps, owner: User, size: tuple[int, int] = (64, 48),
                      colour: tuple[int, int, int] = (255, 90, 54)) -> Media:
    """An image of the owner's that the worker has checked and re-encoded."""
    found = await uploaded(deps, owner, png(size, colour))
    await run_jobs_named(deps, media.PROCESS_JOB)
    return await Media.get(id=found.id)
