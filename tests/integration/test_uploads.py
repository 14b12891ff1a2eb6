"""Uploads go straight to S3 under a signed policy; a worker rejects what isn't a safe image."""

from __future__ import annotations

import base64
import io
import json

from PIL import Image

from tests.people import sign_up, upload


async def test_the_presigned_post_binds_key_type_and_size(client, settings):
    fan = await sign_up(client)
    started = await fan.post("/media/uploads", {
        "filename": "../../etc/passwd.png", "content_type": "image/png", "size": 1000,
    })
    assert started.status_code == 201
    form = started.json()["upload"]
    assert form["url"].startswith(settings.s3_endpoint_url)
    policy = json.loads(base64.b64decode(form["fields"]["policy"]))
    conditions = policy["conditions"]
    assert {"Content-Type": "image/png"} in conditions
    assert ["content-length-range", 1, settings.max_upload_bytes] in conditions
    assert {"key": f"uploads/{started.json()['media_id']}/original"} in conditions


async def test_a_png_bomb_is_rejected_with_a_reason(client):
    buffer = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(buffer, "PNG", optimize=True)
    fan = await sign_up(client)
    media = await upload(fan, buffer.getvalue())
    assert media["status"] == "rejected"
    assert "too many pixels" in media["reason"]
    assert media["url"] is None


async def test_a_file_that_is_not_an_image_is_rejected_with_a_reason(client):
    fan = await sign_up(client)
    media = await upload(fan, b"%PDF-1.7 not an image at all" * 20, "image/png", "doc.png")
    assert media["status"] == "rejected"
    assert "not a JPEG, PNG, WebP or GIF" in media["reason"]


async def test_types_and_sizes_outside_the_rules_are_refused_up_front(client, settings):
    fan = await sign_up(client)
    svg = await fan.post("/media/uploads",
                         {"filename": "x.svg", "content_type": "image/svg+xml", "size": 10})
    assert svg.status_code == 422 and "content_type" in svg.json()["error"]["fields"]
    huge = await fan.post("/media/uploads", {
        "filename": "x.png", "content_type": "image/png", "size": settings.max_upload_bytes + 1,
    })
    assert huge.status_code == 422 and "size" in huge.json()["error"]["fields"]


async def test_completing_before_the_file_arrived_is_a_conflict(client):
    fan = await sign_up(client)
    started = await fan.post("/media/uploads",
                             {"filename": "a.png", "content_type": "image/png", "size": 10})
    response = await fan.post(f"/media/{started.json()['media_id']}/complete")
    assert response.status_code == 409


async def test_nobody_can_attach_someone_elses_upload(client):
    owner = await sign_up(client)
    media = await upload(owner, _small_png())
    thief = await sign_up(client)
    seen = await thief.get(f"/media/{media['media_id']}")
    assert seen.status_code == 404


def _small_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "#00aa88").save(buffer, "PNG")
    return buffer.getvalue()
