"""Power users: fans whose share links bring people, signups and votes rank by influence;
fans others answer, who open threads and help rank by conversation; managers name
ambassadors, who earn a badge once and come first in the acknowledgement inbox."""

from __future__ import annotations

import re

from cocreate.models import AuditEvent, Award, Notification
from cocreate.services.operations.reconcile import reconcile
from tests.browser import Browser, new_client
from tests.people import Person, launch_campaign, sign_up, wait_for

ITEM = re.compile(r'<li class="panel inbox-item stack" id="inbox-([a-z0-9]+)">')


async def _entry(fan: Person, campaign: dict, title: str) -> str:
    made = await fan.post(f"/campaigns/{campaign['slug']}/entries", {"title": title})
    assert made.status_code == 201, made.text
    return made.json()["id"]


async def _code(app, fan: Person, entry_id: str) -> str:  # type: ignore[no-untyped-def]
    """The fan's referral code, read off the share link of an entry's page."""
    async with new_client(app) as http:
        return await (await Browser(http).log_in(fan.email)).share_code(entry_id)


def _ranked(body: dict) -> list[tuple[str, int, str]]:
    return [(p["user"]["handle"], p["score"], p["reasons"]) for p in body["people"]]


async def test_share_links_rank_fans_by_influence_with_their_reasons(app, make_client):
    manager = await sign_up(make_client(), "Power manager")
    campaign = await launch_campaign(manager, "Bring your friends")
    org = campaign["org"]["slug"]
    sam, ola = await sign_up(make_client(), "Sam Share"), await sign_up(make_client(), "Ola")
    sams, olas = await _entry(sam, campaign, "Sam's idea"), await _entry(ola, campaign, "Ola's")
    code, ola_code = await _code(app, sam, sams), await _code(app, ola, olas)

    # Ada comes through Sam's link twice (one visit), signs up and votes for Sam's idea.
    async with new_client(app) as http:
        ada = Browser(http)
        await ada.get(f"/e/{sams}?ref={code}")
        await ada.get(f"/c/{campaign['slug']}?ref={code}")
        await ada.sign_up("Ada Friend")
        assert (await ada.post(f"/e/{sams}/vote", {"action": "vote"})).status_code == 303
        await ada.post(f"/e/{sams}/vote", {"action": "vote"})  # a replay: still one vote
    # Bea comes through it and signs up, but does not vote.
    async with new_client(app) as http:
        bea = Browser(http)
        await bea.get(f"/c/{campaign['slug']}?ref={code}")
        await bea.sign_up("Bea Friend")
    # Cal has an account already: through Sam's link he votes for both ideas, then takes
    # one vote back.
    cal = await sign_up(make_client(), "Cal")
    async with new_client(app) as http:
        browser = await Browser(http).log_in(cal.email)
        await browser.get(f"/e/{olas}?ref={code}")
        for entry_id in (sams, olas):
            await browser.post(f"/e/{entry_id}/vote", {"action": "vote"})
        await browser.post(f"/e/{olas}/vote", {"action": "unvote"})
    # Sam's own vote never counts for Sam, whatever link he came through.
    async with new_client(app) as http:
        own = await Browser(http).log_in(sam.email)
        http.cookies.set("cc_ref", code)
        await own.post(f"/e/{olas}/vote", {"action": "vote"})
    # One visitor comes through Ola's link.
    async with new_client(app) as http:
        await Browser(http).get(f"/c/{campaign['slug']}?ref={ola_code}")

    ranked = await manager.get(f"/orgs/{org}/power-users", params={"by": "influence"})
    assert ranked.status_code == 200, ranked.text
    assert _ranked(ranked.json()) == [
        (sam.handle, 3 + 2 * 5 + 2 * 2, "brought 3 visitors, 2 signed up, 2 votes"),
        (ola.handle, 1, "brought 1 visitor, 0 signed up, 0 votes"),
    ]
    assert ranked.json()["people"][0]["rank"] == 1 and not ranked.json()["has_next"]
    assert (await sam.get(f"/orgs/{org}/power-users")).status_code == 403
    bad = await manager.get(f"/orgs/{org}/power-users", params={"by": "loudness"})
    assert bad.status_code == 422 and "by" in bad.json()["error"]["fields"]
    assert await reconcile() == []

    async with new_client(app) as http:
        browser = await Browser(http).log_in(manager.email)
        assert f'href="/o/{org}/people"' in (await browser.get(f"/o/{org}")).text
        people = await browser.get(f"/o/{org}/people")
        assert people.status_code == 200
        assert "brought 3 visitors, 2 signed up, 2 votes" in people.text
        assert people.text.index(sam.handle) < people.text.index(ola.handle)
        tab = await browser.get(f"/o/{org}/people?by=conversation", htmx=True)
        assert tab.text.lstrip().startswith('<section class="stack power-users"')
        assert "Nobody yet" in tab.text and "<html" not in tab.text
    async with new_client(app) as http:
        browser = await Browser(http).log_in(sam.email)
        assert (await browser.get(f"/o/{org}/people")).status_code == 403
        profile = await browser.get(f"/u/{sam.handle}")
        assert "Your links brought 3 people, 2 signed up and 2 votes." in profile.text


async def test_replies_threads_and_helpful_reactions_rank_fans_by_conversation(make_client):
    manager = await sign_up(make_client(), "Talk manager")
    campaign = await launch_campaign(manager, "Talk to us")
    org = campaign["org"]["slug"]
    ann, cy, dee = [await sign_up(make_client(), name) for name in ("Ann", "Cy", "Dee")]
    anns = await _entry(ann, campaign, "Ann's idea")

    async def say(person: Person, body: str, parent: str | None = None) -> str:
        made = await person.post(f"/entries/{anns}/comments", {"body": body, "parent_id": parent})
        assert made.status_code == 201, made.text
        return made.json()["id"]

    opener = await say(cy, "What if it glowed?")  # Cy opens a thread on Ann's entry
    await say(ann, "Love it, Cy!", opener)  # replies to Cy count for Cy
    dees = await say(dee, "Glow in the dark, yes.", opener)
    await say(cy, "And it could hum.", opener)  # his own reply counts for nobody
    await say(ann, "Thanks all for reading.")  # her own thread on her own entry
    for person in (ann, dee, cy):  # helpful reactions from others count, his own does not
        assert (await person.put(f"/comments/{opener}/reactions/helpful")).status_code == 200
    await dee.delete(f"/comments/{opener}/reactions/helpful")
    await dee.put(f"/comments/{opener}/reactions/helpful")

    ranked = (await manager.get(f"/orgs/{org}/power-users",
                                params={"by": "conversation"})).json()
    assert _ranked(ranked) == [
        (cy.handle, 2 * 2 + 1 + 2 * 3, "received 2 replies, started 1 thread, "
         "2 helpful reactions"),
        (ann.handle, 2 + 1, "received 1 reply, started 1 thread, 0 helpful reactions"),
    ]
    assert await reconcile() == []

    # A removed or hidden comment stops counting, with the reactions it had.
    assert (await dee.delete(f"/comments/{dees}")).status_code == 200
    hidden = await manager.post(f"/comments/{opener}/hide", {"reason": "Off topic"})
    assert hidden.status_code == 200, hidden.text
    ranked = (await manager.get(f"/orgs/{org}/power-users",
                                params={"by": "conversation"})).json()
    assert _ranked(ranked) == [
        (cy.handle, 2, "received 1 reply, started 0 threads, 0 helpful reactions"),
        (ann.handle, 1, "received 0 replies, started 1 thread, 0 helpful reactions"),
    ]
    assert (await ann.delete(f"/comments/{opener}/reactions/helpful")).status_code == 403
    assert await reconcile() == []


async def test_an_ambassador_earns_the_badge_once_and_comes_first_in_the_inbox(app,
                                                                                make_client):
    manager = await sign_up(make_client(), "Ambassador manager")
    campaign = await launch_campaign(manager, "Carry our flag")
    org = campaign["org"]["slug"]
    fay, gus, eve = [await sign_up(make_client(), name) for name in ("Fay", "Gus", "Eve")]
    ids = [await _entry(person, campaign, f"Idea of {person.handle}")
           for person in (fay, gus, eve)]
    voter = await sign_up(make_client(), "Inbox voter")
    assert (await voter.put(f"/entries/{ids[1]}/vote")).status_code == 200  # Gus: top votes

    assert (await fay.put(f"/orgs/{org}/ambassadors/{eve.handle}")).status_code == 403
    assert (await fay.delete(f"/orgs/{org}/ambassadors/{eve.handle}")).status_code == 403
    long = await manager.put(f"/orgs/{org}/ambassadors/{eve.handle}", {"note": "x" * 301})
    assert long.status_code == 422 and "note" in long.json()["error"]["fields"]
    assert (await manager.put(f"/orgs/{org}/ambassadors/nobody-here")).status_code == 404

    marked = await manager.put(f"/orgs/{org}/ambassadors/{eve.handle}",
                               {"note": "Eve brings the whole town."})
    assert marked.status_code == 200, marked.text
    assert marked.json()["ambassador"] and marked.json()["note"] == "Eve brings the whole town."
    badges = await wait_for(eve, f"/users/{eve.handle}/badges", lambda body: any(
        a["badge"] == "ambassador" and a["status"] == "ready" for a in body["awards"]))
    assert [a["label"] for a in badges["awards"] if a["badge"] == "ambassador"] == ["Ambassador"]
    award = await Award.get(badge="ambassador", user__handle=eve.handle)
    assert await AuditEvent.exists(org__slug=org, action="ambassador.mark",
                                   target_id=award.user_id)

    inbox = (await manager.get(f"/orgs/{org}/inbox", params={"power_first": "true"})).json()
    assert [e["id"] for e in inbox["entries"]] == [ids[2], ids[1], ids[0]]

    again = await manager.put(f"/orgs/{org}/ambassadors/{eve.handle}")
    assert again.status_code == 200 and again.json()["note"] == ""
    dropped = await manager.delete(f"/orgs/{org}/ambassadors/{eve.handle}")
    assert dropped.status_code == 200 and not dropped.json()["ambassador"]
    inbox = (await manager.get(f"/orgs/{org}/inbox", params={"power_first": "true"})).json()
    assert [e["id"] for e in inbox["entries"]] == [ids[1], ids[0], ids[2]]
    assert (await manager.put(f"/orgs/{org}/ambassadors/{eve.handle}")).status_code == 200
    assert await Award.filter(badge="ambassador", user__handle=eve.handle).count() == 1
    assert await Notification.exists(user__handle=eve.handle, kind="badge",
                                     text__contains="ambassadors again")

    async with new_client(app) as http:
        browser = await Browser(http).log_in(manager.email)
        people = await browser.get(f"/o/{org}/people")
        assert people.status_code == 200 and "Ambassadors" in people.text
        assert "Eve" in people.text
        plain = await browser.post(f"/o/{org}/people/{fay.handle}/ambassador",
                                   {"action": "mark", "note": "Always there", "by": "influence"})
        assert plain.status_code == 303
        assert plain.headers["location"] == f"/o/{org}/people?by=influence"
        swapped = await browser.post(f"/o/{org}/people/{fay.handle}/ambassador",
                                     {"action": "unmark", "by": "conversation"}, htmx=True)
        assert swapped.status_code == 200 and "<html" not in swapped.text
        assert f"@{fay.handle} is no longer an ambassador" in swapped.text
        refused = await browser.post(f"/o/{org}/people/{fay.handle}/ambassador",
                                     {"action": "mark", "note": "y" * 301}, htmx=True)
        assert refused.status_code == 422
        assert "Note can be at most 300 characters." in refused.text
        inbox_page = await browser.get(f"/o/{org}/inbox?power=1")
        assert ITEM.findall(inbox_page.text) == [ids[2], ids[1], ids[0]]
        assert 'class="pill pill-success">Ambassador</span>' in inbox_page.text
        profile = await browser.get(f"/u/{eve.handle}")
        assert f"Ambassador of {campaign['org']['name']}" in profile.text
    async with new_client(app) as http:
        fan = await Browser(http).log_in(fay.email)
        await fan.get(f"/u/{fay.handle}")
        denied = await fan.post(f"/o/{org}/people/{eve.handle}/ambassador", {"action": "unmark"})
        assert denied.status_code == 403
    assert await Award.filter(badge="ambassador", user__handle=fay.handle).count() == 1
    assert await reconcile() == []
