"""A manager keeps the brand right: name, colour and logo, and every badge card follows."""

from __future__ import annotations

from cocreate.models import Job
from tests.browser import Browser, new_client
from tests.people import PASSWORD, launch_campaign, png_bytes, sign_up, upload, wait_for


async def test_a_new_logo_and_colour_redraw_the_badge_cards(app, client, make_client):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Brand refresh")
    org = campaign["org"]["slug"]
    fan = await sign_up(make_client(), "Fan")
    await fan.post(f"/campaigns/{campaign['slug']}/entries", {"title": "Fresh idea"})
    before = await wait_for(fan, f"/users/{fan.handle}/badges",
                            lambda b: b["awards"] and b["awards"][0]["status"] == "ready",
                            seconds=60)
    first_card = before["awards"][0]["image_url"].split("?")[0]

    assert (await fan.patch(f"/orgs/{org}", {"color": "#112233"})).status_code == 403
    bad = await manager.patch(f"/orgs/{org}", {"color": "blue", "logo_media_id": "nope"})
    assert bad.status_code == 422
    assert set(bad.json()["error"]["fields"]) == {"color", "logo_media_id"}
    logo = (await upload(manager, png_bytes((256, 256), "#ffcc00")))["media_id"]
    changed = await manager.patch(f"/orgs/{org}", {"color": "#112233", "logo_media_id": logo})
    assert changed.status_code == 200, changed.text
    assert changed.json()["color"] == "#112233" and changed.json()["logo_url"]
    award_id = before["awards"][0]["id"]
    assert await Job.filter(key__startswith=f"award:{award_id}:").count() == 1  # redrawn once

    after = await wait_for(fan, f"/users/{fan.handle}/badges",
                           lambda b: b["awards"][0]["image_url"].split("?")[0] != first_card,
                           seconds=60)
    assert after["awards"][0]["status"] == "ready"


async def test_a_manager_changes_the_brand_on_the_organization_page(app, make_client):
    manager = await sign_up(make_client(), "Page manager")
    campaign = await launch_campaign(manager, "Brand page")
    org = campaign["org"]["slug"]
    async with new_client(app) as http:
        browser = Browser(http)
        await browser.get("/login")
        await browser.post("/login", {"email": manager.email, "password": PASSWORD})
        page = await browser.get(f"/o/{org}")
        assert 'action="/o/' + org + '/settings"' in page.text
        wrong = await browser.post(f"/o/{org}/settings", {"name": "X", "color": "#000000"},
                                   htmx=True)
        assert wrong.status_code == 422 and "brand-name" in wrong.text
        saved = await browser.post(f"/o/{org}/settings", {"name": "Renamed brand",
                                                          "color": "#0e7c66"})
        assert saved.status_code == 303
        assert "Renamed brand" in (await browser.get(saved.headers["location"])).text
