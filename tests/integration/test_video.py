"""Video remixes and sound in the kit: uploaded straight to S3, opened by the worker with
FFmpeg, shown with their poster frame, and kept within each campaign's size limit."""

from __future__ import annotations

from typing import Any

import httpx

from tests.clips import mp4_bytes, wav_bytes
from tests.people import Person, png_bytes, sign_up, upload, wait_for


async def _campaign(manager: Person, kind: str, **settings: Any) -> dict[str, Any]:
    org = await manager.post("/orgs", {"name": f"Video Co {manager.handle} {kind}",
                                       "kind": "brand"})
    created = await manager.post(f"/orgs/{org.json()['slug']}/campaigns", {
        "title": f"A {kind} challenge", "kind": kind, "description": "Roll camera.", **settings})
    assert created.status_code == 201, created.text
    return created.json()


async def test_a_video_remix_gets_a_poster_and_plays_on_its_page(client, make_client):
    manager = await sign_up(client, "Manager")
    fan = await sign_up(make_client(), "Filmmaker")
    campaign = await _campaign(manager, "remix")
    slug = campaign["slug"]

    sound = await upload(manager, wav_bytes(1.0), "audio/wav", "jingle.wav")
    assert sound["status"] == "ready", sound
    assert sound["kind"] == "audio" and 0.9 <= sound["seconds"] <= 1.1
    asset = await manager.post(f"/campaigns/{slug}/kit", {
        "media_id": sound["media_id"], "title": "Our jingle",
        "licence": "Use it in your remix for this challenge."})
    assert asset.status_code == 201, asset.text

    video = await upload(fan, mp4_bytes((320, 240), 2.0), "video/mp4", "remix.mp4")
    assert video["status"] == "ready", video
    assert video["kind"] == "video" and (video["width"], video["height"]) == (320, 240)
    assert video["poster_url"] and video["thumbnail_url"] and video["url"]
    async with httpx.AsyncClient() as s3:
        poster = await s3.get(video["poster_url"])
        stored = await s3.get(video["url"])
    assert poster.content.startswith(b"\xff\xd8\xff")
    assert stored.headers["content-type"] == "video/mp4"

    entry = await fan.post(f"/campaigns/{slug}/entries", {
        "title": "Jingle, remixed", "media_id": video["media_id"],
        "kit_assets": [asset.json()["id"]]})
    assert entry.status_code == 201, entry.text
    body = entry.json()
    assert body["media_kind"] == "video" and body["video_url"] and body["image_url"]
    page = await fan.client.get(f"/e/{body['id']}")
    assert "<video controls" in page.text and 'poster="' in page.text
    assert "media-src 'self' blob:" in page.headers["content-security-policy"]

    awards = await wait_for(fan, f"/users/{fan.handle}/badges",
                            lambda b: b["awards"] and b["awards"][0]["status"] == "ready")
    assert awards["awards"][0]["image_url"]  # the card was drawn from the poster


async def test_videos_stay_within_what_each_campaign_allows(client, make_client):
    manager = await sign_up(client, "Manager")
    fan = await sign_up(make_client(), "Filmmaker")
    small = await _campaign(manager, "team", max_video_mb=1, team_min_size=1)
    idea = await _campaign(manager, "idea")
    await fan.post(f"/campaigns/{small['slug']}/teams", {"name": "Just me"})

    data = mp4_bytes()
    started = await fan.post("/media/uploads", {
        "filename": "long.mp4", "content_type": "video/mp4", "size": 2 * 1024 * 1024})
    form = started.json()["upload"]
    async with httpx.AsyncClient() as s3:
        sent = await s3.post(form["url"], data=form["fields"],
                             files={"file": ("long.mp4", data, "video/mp4")})
    assert sent.status_code in (200, 201, 204)
    media_id = started.json()["media_id"]
    await fan.post(f"/media/{media_id}/complete")
    ready = await wait_for(fan, f"/media/{media_id}", lambda m: m["status"] != "processing")
    assert ready["status"] == "ready"

    too_big = await fan.post(f"/campaigns/{small['slug']}/entries",
                             {"title": "Epic", "media_id": media_id})
    assert too_big.status_code == 422 and "at most 1 MB" in too_big.text
    not_here = await fan.post(f"/campaigns/{idea['slug']}/entries",
                              {"title": "Epic", "media_id": media_id})
    assert not_here.status_code == 422 and "Videos are for remix and team" in not_here.text

    fake = await upload(fan, png_bytes(), "video/mp4", "fake.mp4")
    assert fake["status"] == "rejected" and "does not match its type" in fake["reason"]
    refused = await fan.post("/media/uploads", {
        "filename": "movie.avi", "content_type": "video/x-msvideo", "size": 1000})
    assert refused.status_code == 422 and "MP4, MOV" in refused.text
