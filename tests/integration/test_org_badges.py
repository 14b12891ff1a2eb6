"""An organization makes a badge of its own and gives it to a fan by hand, with a note."""

from __future__ import annotations

import io

from PIL import Image

from cocreate.models import AuditEvent, Award
from cocreate.services.badges import badges
from cocreate.services.sharing import award_cards
from tests.browser import Browser, new_client
from tests.people import PASSWORD, launch_campaign, png_bytes, sign_up, upload, wait_for


async def test_a_brand_thanks_a_fan_with_a_badge_of_its_own(client, make_client):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Coupon hunt")
    org = campaign["org"]["slug"]
    fan = await sign_up(make_client(), "Helpful Hana")

    refused = await fan.post(f"/orgs/{org}/badges", {"name": "Sharp eye",
                                                      "description": "Found the bug."})
    assert refused.status_code == 403
    unclear = await manager.post(f"/orgs/{org}/badges", {"name": "", "description": "x"})
    assert unclear.status_code == 422
    assert set(unclear.json()["error"]["fields"]) == {"name", "description"}
    created = await manager.post(f"/orgs/{org}/badges", {
        "name": "Sharp eye", "description": "Spotted what everyone else missed."})
    assert created.status_code == 201, created.text
    twice = await manager.post(f"/orgs/{org}/badges", {"name": "Sharp eye",
                                                        "description": "Again."})
    assert twice.status_code == 409
    badge = created.json()["id"]
    assert [b["name"] for b in (await fan.get(f"/orgs/{org}/badges")).json()["badges"]] == [
        "Sharp eye"]

    nobody = await manager.post(f"/orgs/{org}/badges/{badge}/awards", {
        "handle": "nobody-here", "campaign": "nope"})
    assert nobody.status_code == 422
    assert set(nobody.json()["error"]["fields"]) == {"handle", "campaign"}
    given = await manager.post(f"/orgs/{org}/badges/{badge}/awards", {
        "handle": f"@{fan.handle}", "campaign": campaign["slug"],
        "note": "Thanks, Hana: good catch on the coupon date."})
    assert given.status_code == 201, given.text
    assert given.json()["label"] == "Sharp eye"
    assert given.json()["description"] == "Spotted what everyone else missed."
    again = await manager.post(f"/orgs/{org}/badges/{badge}/awards", {
        "handle": fan.handle, "campaign": campaign["slug"]})
    assert again.status_code == 409

    held = await wait_for(fan, f"/users/{fan.handle}/badges",
                          lambda b: b["awards"] and b["awards"][0]["status"] == "ready",
                          seconds=60)
    assert [a["label"] for a in held["awards"]] == ["Sharp eye"]
    told = (await fan.get("/notifications")).json()["notifications"]
    assert told[0]["text"] == "You earned the Sharp eye badge in “Coupon hunt”."
    assert await AuditEvent.filter(action="badge.give").exists()

    profile = (await client.get(f"/u/{fan.handle}")).text
    award = given.json()["id"]
    assert '<details class="share-menu">' in profile
    assert f"https://twitter.com/intent/tweet?url=http%3A%2F%2Ftestserver%2Fb%2F{award}" in profile
    assert f'href="/b/{award}/card.png" download' in profile
    assert f'Thanked by <a href="/o/{org}">' in profile


async def test_a_manager_gives_a_badge_from_the_page(app, make_client):
    manager = await sign_up(make_client(), "Page manager")
    campaign = await launch_campaign(manager, "Page badges")
    org = campaign["org"]["slug"]
    fan = await sign_up(make_client(), "Fan")
    async with new_client(app) as http:
        browser = Browser(http)
        await browser.get("/login")
        await browser.post("/login", {"email": manager.email, "password": PASSWORD})
        made = await browser.post(f"/o/{org}/badges", {"name": "Early bird",
                                                        "description": "First to the party."})
        assert made.status_code == 303
        listing = await browser.get(f"/o/{org}/badges")
        assert "Early bird" in listing.text
        badge = (await manager.get(f"/orgs/{org}/badges")).json()["badges"][0]["id"]
        wrong = await browser.post(f"/o/{org}/badges/{badge}/give",
                                   {"handle": "nobody-at-all", "campaign": campaign["slug"]},
                                   htmx=True)
        assert wrong.status_code == 422 and "There is nobody with this handle." in wrong.text
        done = await browser.post(f"/o/{org}/badges/{badge}/give",
                                  {"handle": fan.handle, "campaign": campaign["slug"],
                                   "note": "You were first."})
        assert done.status_code == 303 and "given=" in done.headers["location"]
    async with new_client(app) as other:
        stranger = Browser(other)
        await stranger.sign_up("Stranger")
        assert (await stranger.get(f"/o/{org}/badges")).status_code == 403


async def test_a_badge_of_our_own_shows_its_artwork_on_the_card(app, client, make_client):
    manager = await sign_up(client, "Artful manager")
    campaign = await launch_campaign(manager, "Artful")
    org = campaign["org"]["slug"]
    art = (await upload(manager, png_bytes((300, 300), "#ffaa00")))["media_id"]
    badge = (await manager.post(f"/orgs/{org}/badges", {
        "name": "Golden ear", "description": "Heard it first.", "artwork_media_id": art})
             ).json()
    assert badge["artwork_url"]
    fan = await sign_up(make_client(), "Listener")
    given = (await manager.post(f"/orgs/{org}/badges/{badge['id']}/awards", {
        "handle": fan.handle, "campaign": campaign["slug"]})).json()
    found = await Award.get(id=given["id"]).select_related(*badges.AWARD_RELATED,
                                                          "entry__media")
    content = await award_cards.content_of(app.state.deps.storage, found)
    assert content.badge_label == "Golden ear" and content.entry_image
    pixel = Image.open(io.BytesIO(content.entry_image)).getpixel((150, 150))[:3]
    assert all(abs(got - want) <= 4 for got, want in zip(pixel, (255, 170, 0), strict=True))
