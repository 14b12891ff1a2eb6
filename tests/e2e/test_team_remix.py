"""Two fans form a team in headless Chromium, one invited by link, and submit a remix that
credits an asset of the brand's remix kit; the entry names both as co-authors."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import httpx
from playwright.async_api import Browser, expect

from tests.e2e.journeys import SCREENSHOTS, SLOW, Problems, new_fan
from tests.people import png_bytes, sign_up, upload


async def _team_challenge_with_a_kit(api: httpx.AsyncClient) -> str:
    manager = await sign_up(api, "Remy Manager")
    org = await manager.post("/orgs", {"name": f"Parade {uuid.uuid4().hex[:6]}",
                                       "kind": "brand"})
    campaign = await manager.post(f"/orgs/{org.json()['slug']}/campaigns", {
        "title": "Remix our parade poster", "kind": "team", "description": "Together!",
        "team_min_size": 2, "team_max_size": 4,
    })
    assert campaign.status_code == 201, campaign.text
    slug = campaign.json()["slug"]
    media = await upload(manager, png_bytes((800, 500), "#ff5a36"))
    asset = await manager.post(f"/campaigns/{slug}/kit", {
        "media_id": media["media_id"], "title": "Parade poster",
        "licence": "Remix freely for this challenge; credit Parade."})
    assert asset.status_code == 201, asset.text
    return f"/c/{slug}"


async def test_a_team_forms_by_invite_link_and_submits_a_remix_of_the_kit(
    live_server: str, chromium: Browser, tmp_path: Path
) -> None:
    async with httpx.AsyncClient(base_url=live_server) as api:
        campaign_path = await _team_challenge_with_a_kit(api)
    problems = Problems()

    captain = await new_fan(chromium, live_server, problems, "Ana Captain", campaign_path)
    await expect(captain.get_by_role("heading", name="Remix kit")).to_be_visible()
    await captain.get_by_label("Team name").fill("Owls")
    await captain.get_by_role("button", name="Create team").click()
    await expect(captain).to_have_url(re.compile(r"/t/[a-z0-9]+$"))
    team_url = captain.url
    invite = await captain.locator("#invite-url").input_value()
    invite_path = invite.removeprefix(live_server)

    friend = await new_fan(chromium, live_server, problems, "Ben Friend", invite_path)
    await expect(friend.get_by_role("heading", name="Join Owls")).to_be_visible()
    await friend.get_by_role("button", name="Join Owls").click()
    await expect(friend).to_have_url(team_url)
    members = friend.locator("#team-body")
    await expect(members.get_by_role("link", name="Ben Friend")).to_be_visible()

    await captain.goto(campaign_path)
    await expect(captain.get_by_text("You submit for Owls")).to_be_visible()
    await captain.get_by_label("Title").fill("Owls on parade")
    picture = tmp_path / "owls.png"
    picture.write_bytes(png_bytes((900, 600), "#2255aa"))
    await captain.get_by_label("Add an image").set_input_files(picture)
    await expect(captain.locator("[data-upload-status]")).to_have_text("Image ready", timeout=SLOW)
    await captain.get_by_label("Parade poster (kit)").check()
    await captain.get_by_role("button", name="Submit your team’s entry").click()
    await expect(captain).to_have_url(re.compile(r"/e/[a-z0-9]+$"))
    entry_url = captain.url
    await expect(captain.get_by_role("heading", name="Remix of")).to_be_visible()
    await expect(captain.locator(".lineage")).to_contain_text("Parade poster")
    await captain.screenshot(path=SCREENSHOTS / "cocreate-e2e-4-team-remix.png", full_page=True)

    await friend.goto(entry_url)
    byline = friend.locator(".entry-byline")
    await expect(byline).to_contain_text("Owls")
    await expect(byline).to_contain_text("Ana Captain")
    await expect(byline).to_contain_text("Ben Friend")
    await friend.goto(campaign_path)
    await expect(friend.get_by_role("heading", name="Family tree")).to_be_visible()
    tree = friend.locator(".family-tree").first
    await expect(tree).to_contain_text("Parade poster")
    await expect(tree.locator(".family-tree")).to_contain_text("Owls on parade")

    assert problems.seen == []
