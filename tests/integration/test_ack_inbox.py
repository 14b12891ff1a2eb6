"""The acknowledgement inbox: every contribution the brand has not thanked yet, oldest first,
filtered by campaign and kind, power users first when asked, thanked in place."""

from __future__ import annotations

import re

from tests.browser import Browser, new_client
from tests.people import PASSWORD, launch_campaign, sign_up

ITEM = re.compile(r'<li class="panel inbox-item stack" id="inbox-([a-z0-9]+)">')


async def _login(browser: Browser, email: str) -> None:
    await browser.get("/login")
    await browser.post("/login", {"email": email, "password": PASSWORD})


async def test_a_manager_works_through_the_inbox(app, make_client):
    manager = await sign_up(make_client(), "Inbox manager")
    first = await launch_campaign(manager, "First campaign")
    org = first["org"]["slug"]
    fans = [await sign_up(make_client(), name) for name in ("Ann Lee", "Bo Kim", "Cy Ray")]
    ids = []
    for fan in fans:
        made = await fan.post(f"/campaigns/{first['slug']}/entries",
                              {"title": f"Idea from {fan.handle}"})
        ids.append(made.json()["id"])
    # Cy is the organization's power user (the only one whose entries won votes): their
    # entries come first when asked.
    voter = await sign_up(make_client(), "Voter")
    assert (await voter.put(f"/entries/{ids[2]}/vote")).status_code == 200

    api = (await manager.get(f"/orgs/{org}/inbox", params={"power_first": "true"})).json()
    assert api["waiting"] == 3 and [e["id"] for e in api["entries"]] == [ids[2], ids[0], ids[1]]
    assert (await fans[0].get(f"/orgs/{org}/inbox")).status_code == 403

    async with new_client(app) as http:
        browser = Browser(http)
        await _login(browser, manager.email)
        inbox = await browser.get(f"/o/{org}/inbox")
        assert inbox.status_code == 200 and "3 contributions not thanked yet" in inbox.text
        assert ITEM.findall(inbox.text) == ids  # oldest first
        power = await browser.get(f"/o/{org}/inbox?power=1")
        assert ITEM.findall(power.text) == [ids[2], ids[0], ids[1]]
        assert power.text.count("Power user</span>") == 1
        people = await browser.get(f"/o/{org}/people?by=votes")  # the same power user there
        assert "Cy Ray" in people.text and "1 vote on their entries" in people.text
        assert "Ann Lee" not in people.text and "Bo Kim" not in people.text
        assert "Thanks, Ann: </textarea>" in inbox.text

        vague = await browser.post(f"/o/{org}/inbox/{ids[0]}", {"note": "Nice work."},
                                   htmx=True)
        assert vague.status_code == 422 and "Address Ann by name" in vague.text
        done = await browser.post(f"/o/{org}/inbox/{ids[0]}",
                                  {"note": "Thanks, Ann: we love this one."}, htmx=True)
        assert done.status_code == 200 and "Thanked Ann Lee" in done.text
        plain = await browser.post(f"/o/{org}/inbox/{ids[1]}",
                                   {"note": "Thanks, Bo: clever idea.", "back": "power=1"})
        assert plain.status_code == 303 and plain.headers["location"] == f"/o/{org}/inbox?power=1"
        left = await browser.get(f"/o/{org}/inbox")
        assert ITEM.findall(left.text) == [ids[2]]
        assert "1 contribution not thanked yet" in left.text

    async with new_client(app) as other:
        fan = Browser(other)
        await _login(fan, fans[0].email)
        assert (await fan.get(f"/o/{org}/inbox")).status_code == 403


async def test_the_inbox_pages_through_many_contributions(app, make_client):
    manager = await sign_up(make_client(), "Busy manager")
    campaign = await launch_campaign(manager, "Busy campaign")
    org = campaign["org"]["slug"]
    ids = []
    for writer in range(3):  # more than a page (20), within each person's submission limit
        fan = await sign_up(make_client(), f"Prolific {writer}")
        ids += [(await fan.post(f"/campaigns/{campaign['slug']}/entries",
                                {"title": f"Idea number {n}"})).json()["id"] for n in range(8)]
    async with new_client(app) as http:
        browser = Browser(http)
        await _login(browser, manager.email)
        seen: list[str] = []
        page = await browser.get(f"/o/{org}/inbox?kind=idea")
        while True:
            seen += ITEM.findall(page.text)
            older = re.search(r'href="(/o/[^"]+/inbox\?[^"]+)">Older ones', page.text)
            if not older:
                break
            page = await browser.get(older.group(1).replace("&amp;", "&"))
        assert seen == ids  # every one once, oldest first, across pages
        bad = await browser.get(f"/o/{org}/inbox?cursor=nonsense")
        assert bad.status_code == 422


async def test_a_hidden_entry_shows_through_no_refused_thank_you(app, make_client):
    """Someone who may not see an entry learns nothing of it from the inbox's answers: not a
    fan of the brand, not a manager of another brand, whatever note they send, plainly or
    the way htmx does; the API and the entry's page agree."""
    manager = await sign_up(make_client(), "Careful manager")
    campaign = await launch_campaign(manager, "Careful campaign")
    org = campaign["org"]["slug"]
    author = await sign_up(make_client(), "Quiet Author")
    made = await author.post(f"/campaigns/{campaign['slug']}/entries",
                             {"title": "Zanzibar secret recipe"})
    entry_id = made.json()["id"]
    hidden = await manager.post(f"/entries/{entry_id}/moderation",
                                {"action": "hide", "reason": "Off topic for this campaign."})
    assert hidden.status_code == 200
    fan = await sign_up(make_client(), "Curious Fan")
    rival = await sign_up(make_client(), "Rival manager")
    rival_org = (await launch_campaign(rival, "Rival campaign"))["org"]["slug"]
    assert (await fan.get(f"/entries/{entry_id}")).status_code == 404
    thanked = await fan.post(f"/entries/{entry_id}/acknowledgements",
                             {"note": "Thanks, Quiet: great."})
    assert thanked.status_code == 404 and "Zanzibar" not in thanked.text

    for person, slug in ((fan, org), (rival, rival_org), (rival, org)):
        async with new_client(app) as http:
            browser = Browser(http)
            await _login(browser, person.email)
            assert (await browser.get(f"/e/{entry_id}")).status_code == 404
            for htmx in (False, True):
                for note in ("x", "Thanks, Quiet: a lovely idea."):
                    answer = await browser.post(f"/o/{slug}/inbox/{entry_id}", {"note": note},
                                                htmx=htmx)
                    assert answer.status_code in (403, 404), (slug, htmx, answer.status_code)
                    assert "Zanzibar" not in answer.text and "Quiet" not in answer.text
            note = await browser.get(f"/o/{slug}/inbox/{entry_id}/note", htmx=True)
            assert note.status_code in (403, 404) and "Quiet" not in note.text

    async with new_client(app) as http:  # the brand's own manager still sees why
        browser = Browser(http)
        await _login(browser, manager.email)
        refused = await browser.post(f"/o/{org}/inbox/{entry_id}",
                                     {"note": "Thanks, Quiet: a lovely idea."}, htmx=True)
        assert refused.status_code == 403 and "Only public entries" in refused.text
