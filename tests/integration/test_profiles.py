"""A fan's profile is their portfolio: a picture and a line about them, entries and remixes,
teams, badges and the brands that thanked them. A new name or picture redraws their cards."""

from __future__ import annotations

from cocreate.models import Award, User
from tests.browser import Browser, new_client
from tests.people import PASSWORD, launch_campaign, png_bytes, sign_up, upload, wait_for


async def test_a_fan_changes_name_and_picture_and_their_cards_follow(app, client, make_client):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Portfolio")
    fan = await sign_up(make_client(), "Rosa")
    await fan.post(f"/campaigns/{campaign['slug']}/entries", {"title": "Rosa's idea"})
    before = await wait_for(fan, f"/users/{fan.handle}/badges",
                            lambda b: b["awards"] and b["awards"][0]["status"] == "ready",
                            seconds=60)
    first_card = before["awards"][0]["image_url"].split("?")[0]

    bad = await fan.patch("/me", {"display_name": "", "avatar_media_id": "zzzzzzzzzzzz"})
    assert bad.status_code == 422
    assert set(bad.json()["error"]["fields"]) == {"display_name", "avatar_media_id"}
    picture = (await upload(fan, png_bytes((400, 400), "#cc3366")))["media_id"]
    changed = await fan.patch("/me", {"display_name": "Rosa Parque", "bio": "I draw snacks.",
                                      "avatar_media_id": picture})
    assert changed.status_code == 200, changed.text
    assert changed.json()["display_name"] == "Rosa Parque"
    assert changed.json()["bio"] == "I draw snacks."
    assert (await User.get(handle=fan.handle)).avatar_media_id == picture

    after = await wait_for(fan, f"/users/{fan.handle}/badges",
                           lambda b: b["awards"][0]["image_url"].split("?")[0] != first_card,
                           seconds=60)
    award = await Award.get(id=after["awards"][0]["id"])
    assert award.card_keys and set(award.card_keys) == {"og", "square", "story"}
    assert set(after["awards"][0]["cards"]) == {"og", "square", "story"}

    profile = (await client.get(f"/u/{fan.handle}")).text
    assert "Rosa Parque" in profile and "I draw snacks." in profile
    assert 'class="avatar avatar-lg avatar-image"' in profile
    assert "Entries and remixes" in profile and "Rosa&#39;s idea" in profile


async def test_the_profile_form_works_without_javascript(app, make_client):
    fan = await sign_up(make_client(), "Form fan")
    async with new_client(app) as http:
        browser = Browser(http)
        await browser.get("/login")
        await browser.post("/login", {"email": fan.email, "password": PASSWORD})
        form = await browser.get("/me/profile")
        assert 'name="display_name"' in form.text and 'value="Form fan"' in form.text
        wrong = await browser.post("/me/profile", {"display_name": ""}, htmx=True)
        assert wrong.status_code == 422
        saved = await browser.post("/me/profile", {"display_name": "Form fan",
                                                   "bio": "Hello there."})
        assert saved.status_code == 303 and saved.headers["location"] == f"/u/{fan.handle}"
        mine = await browser.get(saved.headers["location"])
        assert "Hello there." in mine.text and 'href="/me/profile"' in mine.text
