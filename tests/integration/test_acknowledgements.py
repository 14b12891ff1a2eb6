"""The brand thanks a fan by name: the note shows on the entry, the fan hears of it at once
and earns the Recognized badge, and the brand appears on their profile."""

from __future__ import annotations

from cocreate.models import Entry
from tests.browser import Browser, new_client
from tests.people import PASSWORD, launch_campaign, sign_up, wait_for


async def test_a_manager_thanks_a_fan_by_name(app, client, make_client):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Coupon ideas")
    fan = await sign_up(make_client(), "Hana Ito")
    entry = (await fan.post(f"/campaigns/{campaign['slug']}/entries",
                            {"title": "Fix the coupon date"})).json()["id"]
    path = f"/entries/{entry}/acknowledgements"

    assert (await fan.post(path, {"note": "Thanks, Hana: great."})).status_code == 403
    vague = await manager.post(path, {"note": "Thanks for your contribution!"})
    assert vague.status_code == 422
    assert vague.json()["error"]["fields"]["note"] == (
        "Address Hana by name: a personal note says who it thanks.")
    stranger = await manager.post(path, {"note": "Thanks, Hana: well spotted.",
                                         "handle": manager.handle})
    assert stranger.status_code == 422 and "handle" in stranger.json()["error"]["fields"]
    assert (await Entry.get(id=entry)).acknowledged_at is None

    thanked = await manager.post(path, {"note": "Thanks, Hana: good catch on the coupon date."})
    assert thanked.status_code == 201, thanked.text
    assert thanked.json()["recipient"]["handle"] == fan.handle
    twice = await manager.post(path, {"note": "Thanks again, Hana: still great."})
    assert twice.status_code == 409
    assert (await Entry.get(id=entry)).acknowledged_at is not None

    listed = (await client.get(f"/api/v1{path}")).json()["acknowledgements"]
    assert [a["note"] for a in listed] == ["Thanks, Hana: good catch on the coupon date."]
    told = (await fan.get("/notifications")).json()["notifications"]
    assert told[0]["text"].endswith("thanked you for “Fix the coupon date”: Thanks, Hana: "
                                    "good catch on the coupon date.")
    held = await wait_for(fan, f"/users/{fan.handle}/badges",
                          lambda b: "recognized" in {a["badge"] for a in b["awards"]},
                          seconds=60)
    recognized = next(a for a in held["awards"] if a["badge"] == "recognized")
    assert recognized["label"] == "Recognized"
    entry_page = (await client.get(f"/e/{entry}")).text
    assert "good catch on the coupon date" in entry_page
    profile = (await client.get(f"/u/{fan.handle}")).text
    assert f'Thanked by <a href="/o/{campaign["org"]["slug"]}">' in profile


async def test_a_manager_thanks_from_the_entry_page(app, make_client):
    manager = await sign_up(make_client(), "Page manager")
    campaign = await launch_campaign(manager, "Page thanks")
    fan = await sign_up(make_client(), "Omar")
    entry = (await fan.post(f"/campaigns/{campaign['slug']}/entries",
                            {"title": "A sunny idea"})).json()["id"]
    async with new_client(app) as http:
        browser = Browser(http)
        await browser.get("/login")
        await browser.post("/login", {"email": manager.email, "password": PASSWORD})
        page = await browser.get(f"/e/{entry}")
        assert 'action="/e/' + entry + '/thanks"' in page.text
        assert "Thanks, Omar: </textarea>" in page.text  # the note starts with their name
        short = await browser.post(f"/e/{entry}/thanks", {"note": "Thanks!"}, htmx=True)
        assert short.status_code == 422 and 'id="thanks"' in short.text
        greeting = await browser.post(f"/e/{entry}/thanks", {"note": "Thanks, Omar: "},
                                      htmx=True)  # the greeting the form starts with, alone
        assert greeting.status_code == 422 and "the greeting alone is not a" in greeting.text
        done = await browser.post(f"/e/{entry}/thanks",
                                  {"note": "Thanks, Omar: this made our day."}, htmx=True)
        assert done.status_code == 200 and "this made our day" in done.text
    async with new_client(app) as other:
        reader = Browser(other)
        shown = await reader.get(f"/e/{entry}")
        assert "thanked" in shown.text and 'action="/e/' + entry + '/thanks"' not in shown.text
