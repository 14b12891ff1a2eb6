"""The brand answers an idea with a status and a note; voters, the author and the people in
its conversation are told."""

from __future__ import annotations

from tests.browser import Browser, new_client
from tests.people import PASSWORD, launch_campaign, sign_up, wait_for


async def test_a_manager_marks_an_idea_planned_and_its_people_hear_of_it(app, client,
                                                                         make_client):
    manager = await sign_up(client, "Status manager")
    campaign = await launch_campaign(manager, "Roadmap")
    author = await sign_up(make_client(), "Idea author")
    entry = (await author.post(f"/campaigns/{campaign['slug']}/entries",
                               {"title": "Night mode"})).json()["id"]
    voter, talker = await sign_up(make_client(), "Voter"), await sign_up(make_client(), "Talker")
    await voter.put(f"/entries/{entry}/vote")
    await talker.post(f"/entries/{entry}/comments", {"body": "Yes please"})

    assert (await author.put(f"/entries/{entry}/status", {"status": "done"})).status_code == 403
    assert (await manager.put(f"/entries/{entry}/status", {"status": "maybe"})
            ).status_code == 422
    marked = await manager.put(f"/entries/{entry}/status",
                               {"status": "planned", "note": "Coming in **spring**."})
    assert marked.status_code == 200, marked.text
    assert marked.json()["idea_status"] == "planned"
    for person in (author, voter, talker):
        told = await wait_for(person, "/notifications", lambda b: any(
            n["text"].endswith("marked “Night mode” planned.") for n in b["notifications"]))
        assert told
    page = (await client.get(f"/e/{entry}")).text
    assert "Planned" in page and "<strong>spring</strong>" in page

    async with new_client(app) as http:
        browser = Browser(http)
        await browser.get("/login")
        await browser.post("/login", {"email": manager.email, "password": PASSWORD})
        wrong = await browser.post(f"/e/{entry}/status", {"status": ""}, htmx=True)
        assert wrong.status_code == 422 and 'id="idea-status"' in wrong.text
        done = await browser.post(f"/e/{entry}/status", {"status": "done", "note": ""})
        assert done.status_code == 303
    assert (await client.get(f"/api/v1/entries/{entry}")).json()["idea_status"] == "done"
