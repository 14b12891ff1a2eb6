"""The local-folder storage's HTTP face: accepts presigned uploads, serves signed reads.

Only mounted when media lives in a local folder (the embedded default); with S3 the browser
talks to S3 directly.
"""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.doors.storage import LocalStorage
from cocreate.http import deps


def _local(request: Request) -> LocalStorage:
    storage = deps(request).storage
    if not isinstance(storage, LocalStorage):
        raise HTTPException(404)
    return storage


async def accept_upload(request: Request) -> Response:
    storage = _local(request)
    form = await request.form(max_files=1, max_fields=10)
    try:
        policy = storage.read_policy(str(form.get("policy", "")))
    except ValueError as error:
        raise HTTPException(403, str(error)) from error
    upload = form.get("file")
    if (
        form.get("key") != policy["key"]
        or form.get("Content-Type") != policy["type"]
        or not isinstance(upload, UploadFile)
    ):
        raise HTTPException(400, "The upload does not match its policy.")
    data = await upload.read(policy["max"] + 1)
    if not data or len(data) > policy["max"]:
        raise HTTPException(400, "The file is empty or larger than the policy allows.")
    await storage.write(policy["key"], data, policy["type"])
    return Response(status_code=204)


async def serve(request: Request) -> Response:
    storage = _local(request)
    key = request.path_params["key"]
    params = request.query_params
    if not storage.signed_read_valid(key, params.get("e", ""), params.get("s", "")):
        raise HTTPException(403, "This link has expired.")
    stored = await storage.head(key)
    if stored is None:
        raise HTTPException(404)
    return Response(
        await storage.read(key), media_type=stored.content_type or "application/octet-stream",
        headers={"Cache-Control": "private, max-age=3600"},
    )


ROUTES = [
    Route(LocalStorage.UPLOAD_PATH, accept_upload, methods=["POST"]),
    Route(LocalStorage.READ_PATH + "{key:path}", serve),
]
