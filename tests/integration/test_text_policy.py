"""One text policy at both doors, on PostgreSQL: what the profile form refuses the API refuses
in the same words; a NUL is a 422 naming its field (PostgreSQL cannot store one, and it is
never stored anywhere else either); an address with a NUL names no page."""

from __future__ import annotations

from tests.browser import Browser
from tests.people import launch_campaign, sign_up


async def test_a_display_name_with_a_line_break_is_refused_on_the_form_and_over_the_api(
        make_client):
    ana = await sign_up(make_client(), "Ana")
    browser = await Browser(make_client()).log_in(ana.email)
    await browser.get("/me/profile")

    on_form = await browser.post("/me/profile", {
        "display_name": "Ana\r\nBcc: everyone@example.test", "bio": "Mango person."})
    assert on_form.status_code == 422
    assert "Display name must be on one line." in on_form.text
    over_api = await ana.patch("/me", {"display_name": "Ana\nMaria"})
    assert over_api.status_code == 422
    assert over_api.json()["error"]["fields"] == {
        "display_name": "Display name must be on one line."}

    me = (await ana.get("/me")).json()
    assert (me["display_name"], me["bio"]) == ("Ana", "")


async def test_a_bio_with_a_nul_is_refused_and_a_bio_keeps_its_lines(make_client):
    ana = await sign_up(make_client(), "Ana")
    browser = await Browser(make_client()).log_in(ana.email)
    await browser.get("/me/profile")

    over_api = await ana.patch("/me", {"bio": "hi\u0000there"})
    assert over_api.status_code == 422
    assert set(over_api.json()["error"]["fields"]) == {"bio"}
    on_form = await browser.post("/me/profile", {"display_name": "Ana", "bio": "hi\x00there"})
    assert on_form.status_code == 422
    assert "cannot contain control characters" in on_form.text
    assert "\x00" not in on_form.text  # what was typed comes back without it

    kept = await ana.patch("/me", {"bio": "Mango person.\r\nLikes spice."})
    assert kept.status_code == 200, kept.text
    assert (await ana.get("/me")).json()["bio"] == "Mango person.\nLikes spice."


async def test_a_nul_anywhere_in_an_api_body_is_named(make_client):
    manager = await sign_up(make_client(), "Manager")
    campaign = await launch_campaign(manager)

    refused = await manager.post(f"/campaigns/{campaign['slug']}/tags", {"name": "Ve\u0000gan"})

    assert refused.status_code == 422
    assert refused.json()["error"]["fields"] == {
        "name": "This field cannot contain control characters (such as NUL)."}


async def test_an_address_with_a_nul_names_no_page(make_client):
    fan = await sign_up(make_client(), "Fan")
    campaign = await launch_campaign(await sign_up(make_client(), "Manager"))
    visitor = make_client()

    assert (await visitor.get("/u/%00")).status_code == 404
    tagged = await visitor.get(f"/c/{campaign['slug']}?tag=%00")
    assert tagged.status_code == 400
    assert "control characters" in tagged.text
    api = await fan.get(f"/campaigns/{campaign['slug']}/entries?tag=%00")
    assert api.status_code == 400
    assert api.json()["error"]["code"] == "bad_query"
    assert (await visitor.get(f"/c/{campaign['slug']}?tag=vegan")).status_code == 200
