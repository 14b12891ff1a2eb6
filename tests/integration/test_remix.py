"""Remix challenges: the brand's kit, remixes that must credit what they build on, and the
lineage that follows (counters, what remixed what, the family tree)."""

from __future__ import annotations

from typing import Any

from cocreate.models import Entry
from cocreate.services.lineage.lineage import credit_line
from tests.browser import Browser
from tests.people import Person, png_bytes, sign_up, upload


async def _remix_challenge(manager: Person) -> dict[str, Any]:
    org = await manager.post("/orgs", {"name": f"Remix Co {manager.handle}", "kind": "brand"})
    created = await manager.post(f"/orgs/{org.json()['slug']}/campaigns", {
        "title": "Remix our summer ad", "kind": "remix", "description": "Make it yours.",
    })
    assert created.status_code == 201, created.text
    return created.json()


async def _image(person: Person, color: str) -> str:
    media = await upload(person, png_bytes((320, 240), color))
    assert media["status"] == "ready", media
    return media["media_id"]


async def test_remixes_credit_the_kit_and_each_other(client, make_client):
    manager = await sign_up(client, "Brand manager")
    ana = await sign_up(make_client(), "Ana")
    ben = await sign_up(make_client(), "Ben")
    campaign = await _remix_challenge(manager)
    slug = campaign["slug"]

    kit_media = await _image(manager, "#ff5a36")
    asset = await manager.post(f"/campaigns/{slug}/kit", {
        "media_id": kit_media, "title": "Beach still",
        "licence": "Free to remix for this challenge, credit Remix Co."})
    assert asset.status_code == 201, asset.text
    asset_id = asset.json()["id"]
    assert (await ana.post(f"/campaigns/{slug}/kit", {
        "media_id": kit_media, "title": "Mine", "licence": "Not yours to add."})
            ).status_code == 403
    kit = (await ana.get(f"/campaigns/{slug}/kit")).json()["assets"]
    assert [a["title"] for a in kit] == ["Beach still"] and kit[0]["url"]

    ana_media = await _image(ana, "#00aa88")
    uncredited = await ana.post(f"/campaigns/{slug}/entries",
                                {"title": "Sunset remix", "media_id": ana_media})
    assert uncredited.status_code == 422 and "remixes" in uncredited.json()["error"]["fields"]
    no_media = await ana.post(f"/campaigns/{slug}/entries",
                              {"title": "Words only", "kit_assets": [asset_id]})
    assert no_media.status_code == 422 and "media_id" in no_media.json()["error"]["fields"]
    first = await ana.post(f"/campaigns/{slug}/entries", {
        "title": "Sunset remix", "media_id": ana_media, "kit_assets": [asset_id]})
    assert first.status_code == 201, first.text
    first_id = first.json()["id"]

    ben_media = await _image(ben, "#3355ff")
    second = await ben.post(f"/campaigns/{slug}/entries", {
        "title": "Sunset, slowed down", "media_id": ben_media,
        "kit_assets": [asset_id], "remix_of": [first_id]})
    assert second.status_code == 201, second.text
    second_id = second.json()["id"]
    stored = await Entry.get(id=second_id)
    assert await credit_line(stored, "Remix Co") == (
        "remix of Beach still by Remix Co, Sunset remix by Ana")
    foreign = await ben.post(f"/campaigns/{slug}/entries", {
        "title": "Bad credit", "media_id": ben_media, "remix_of": ["nope"]})
    assert foreign.status_code == 422

    assert (await ben.get(f"/entries/{first_id}")).json()["remix_count"] == 1
    assert (await ben.get(f"/campaigns/{slug}/kit")).json()["assets"][0]["remix_count"] == 2
    lineage = (await ben.get(f"/entries/{second_id}/lineage")).json()
    assert [a["title"] for a in lineage["kit_assets"]] == ["Beach still"]
    assert [e["title"] for e in lineage["remixes"]] == ["Sunset remix"]
    assert [e["title"] for e in (await ben.get(f"/entries/{first_id}/lineage")).json()[
        "remixed_by"]] == ["Sunset, slowed down"]

    tree = (await ben.get(f"/campaigns/{slug}/family-tree")).json()["roots"]
    beach = tree[0]
    assert (beach["kind"], beach["title"]) == ("kit_asset", "Beach still")
    under_beach = {child["title"]: child for child in beach["children"]}
    assert set(under_beach) == {"Sunset remix", "Sunset, slowed down"}
    assert [c["title"] for c in under_beach["Sunset remix"]["children"]] == [
        "Sunset, slowed down"]

    hidden = await manager.post(f"/entries/{second_id}/moderation",
                                {"action": "hide", "reason": "Checking the music rights."})
    assert hidden.status_code == 200
    assert (await ana.get(f"/entries/{first_id}")).json()["remix_count"] == 0
    assert (await ana.get(f"/campaigns/{slug}/kit")).json()["assets"][0]["remix_count"] == 1
    kept = await manager.delete(f"/campaigns/{slug}/kit/{asset_id}")
    assert kept.status_code == 409

    page = await ana.client.get(f"/e/{first_id}")
    assert "Beach still" in page.text
    campaign_page = await ana.client.get(f"/c/{slug}")
    assert "Remix kit" in campaign_page.text and "Family tree" in campaign_page.text


async def test_a_manager_launches_a_remix_challenge_in_the_browser_and_adds_the_kit_next(client):
    manager = Browser(client)
    await manager.sign_up("Rhea Remix")
    org_path = await manager.create_org("Remix Browser Co")
    form = await manager.get(f"{org_path}/campaigns/new")
    assert '<option value="remix"' in form.text and "Remix challenge" in form.text

    manage_path = await manager.launch_campaign(org_path, "Remix our winter ad", kind="remix")
    assert manage_path.endswith("/manage#kit")  # what fans remix comes next
    manage = await manager.get(manage_path.removesuffix("#kit"))
    assert manage.status_code == 200 and 'id="kit"' in manage.text
    assert "Remix our winter ad" in (await manager.get(manage_path.split("/manage")[0])).text
