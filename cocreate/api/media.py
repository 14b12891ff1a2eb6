"""API: uploads straight to storage, then checked by a worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from cocreate.api import schemas
from cocreate.api.endpoint import Endpoint
from cocreate.http import deps
from cocreate.services.media import media

if TYPE_CHECKING:
    from cocreate.models import Media, User


def _media_out(request: Request, found: Media) -> schemas.MediaOut:
    return schemas.MediaOut(
        media_id=found.id, kind=found.kind, status=found.status,  # type: ignore[arg-type]
        reason=found.reason, width=found.width, height=found.height, seconds=found.seconds,
        **media.media_urls(deps(request).storage, found),
    )


async def start_upload(request: Request, user: User, body: schemas.UploadIn) -> schemas.UploadOut:
    found, form = await media.start_upload(
        deps(request), user, body.filename, body.content_type, body.size
    )
    return schemas.UploadOut(
        media_id=found.id, upload=schemas.UploadForm(url=form.url, fields=form.fields)
    )


async def complete_upload(request: Request, user: User, media_id: str) -> schemas.MediaOut:
    return _media_out(request, await media.complete_upload(deps(request), user, media_id))


async def show_media(request: Request, user: User, media_id: str) -> schemas.MediaOut:
    return _media_out(request, await media.get_owned(user, media_id))


ENDPOINTS = [
    Endpoint("POST", "/media/uploads", start_upload,
             "Start an upload: returns a presigned POST straight to storage",
             schemas.UploadOut, status=201, body=schemas.UploadIn, errors=(401, 422, 429)),
    Endpoint("POST", "/media/{media_id:id}/complete", complete_upload,
             "Tell the server the upload finished; a worker checks it", schemas.MediaOut,
             status=202, errors=(401, 404, 409)),
    Endpoint("GET", "/media/{media_id:id}", show_media, "An upload's status and, once ready, URLs",
             schemas.MediaOut, errors=(401, 404)),
]
