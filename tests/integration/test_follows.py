"""Fans follow people and campaigns, and read a personal feed of what those did: new entries,
badges, replies and results, newest first and a page at a time, never their own doings."""

from __future__ import annotations

import uuid

from tortoise.transactions import in_transaction

from cocreate.models import Activity, Campaign, User
from cocreate.services.notifications import activity
from tests.browser import Browser, new_client
from tests.people import PASSWORD, Person, launch_campaign, sign_up, wait_for


async def _feed(person: Person, cursor: str | None = None) -> dict:
    response = await person.get("/feed", params={"cursor": cursor} if cursor else None)
    assert response.status_code == 200, response.text
    return response.json()


async def _texts(person: Person) -> list[str]:
    return [item["text"] for item in (await _feed(person))["items"]]


async def test_ana_reads_what_ben_and_a_campaign_she_follows_did(app, client, make_client):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Summer flavours")
    elsewhere = await launch_campaign(manager, "Winter flavours")
    ana, ben = await sign_up(make_client(), "Ana"), await sign_up(make_client(), "Ben")
    cleo = await sign_up(make_client(), "Cleo")

    followed = await ana.put(f"/users/{ben.handle}/follow")
    assert followed.status_code == 200, followed.text
    assert followed.json() == {"following": True, "followers": 1}
    assert (await ana.put(f"/users/{ben.handle}/follow")).json() == {  # idempotent
        "following": True, "followers": 1}
    assert (await ana.put(f"/campaigns/{campaign['slug']}/follow")).json() == {
        "following": True, "followers": 1}
    assert (await _feed(ana)) == {"items": [], "next_cursor": None}

    shared = await ben.post(f"/campaigns/{elsewhere['slug']}/entries", {"title": "Snow cone"})
    assert shared.status_code == 201, shared.text
    entry = shared.json()["id"]
    await cleo.post(f"/campaigns/{campaign['slug']}/entries", {"title": "Melon mint"})
    await cleo.post(f"/campaigns/{elsewhere['slug']}/entries", {"title": "Not followed"})
    mine = await ana.post(f"/campaigns/{campaign['slug']}/entries", {"title": "Ana's own"})
    assert mine.status_code == 201

    feed = await _feed(ana)
    texts = [item["text"] for item in feed["items"]]
    assert texts == [
        "Cleo earned the Contributor badge in “Summer flavours”",
        "Cleo shared “Melon mint” in “Summer flavours”",
        "Ben earned the Contributor badge in “Winter flavours”",
        "Ben shared “Snow cone” in “Winter flavours”",
    ]
    first = feed["items"][3]
    assert first["kind"] == "entry" and first["url"].endswith(f"/e/{entry}")
    assert first["url"].startswith("http")
    assert first["actor"]["handle"] == ben.handle and first["campaign"] == elsewhere["slug"]
    assert feed["items"][2]["kind"] == "badge" and "/b/" in feed["items"][2]["url"]
    assert feed["next_cursor"] is None

    async with new_client(app) as http:
        browser = Browser(http)
        await browser.get("/login")
        await browser.post("/login", {"email": ana.email, "password": PASSWORD})
        page = await browser.get("/feed")
        assert page.status_code == 200
        assert "Ben shared “Snow cone” in “Winter flavours”" in page.text
        assert f'href="/e/{entry}"' in page.text
        assert "Ana&#39;s own" not in page.text and "Ana's own" not in page.text
        assert 'href="/feed"' in page.text  # the nav link


async def test_replies_and_results_reach_followers(client, make_client):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Talk and results")
    ana, ben = await sign_up(make_client(), "Ana"), await sign_up(make_client(), "Ben")
    cleo = await sign_up(make_client(), "Cleo")
    await ana.put(f"/users/{ben.handle}/follow")
    entry = (await cleo.post(f"/campaigns/{campaign['slug']}/entries",
                             {"title": "Lemon"})).json()["id"]
    comment = (await cleo.post(f"/entries/{entry}/comments", {"body": "Thoughts?"})).json()
    await ben.post(f"/entries/{entry}/comments", {"body": "Not a reply."})
    reply = await ben.post(f"/entries/{entry}/comments",
                           {"body": "Yes!", "parent_id": comment["id"]})
    assert reply.status_code == 201, reply.text
    item = (await _feed(ana))["items"][0]
    assert item["kind"] == "reply" and item["text"] == (
        "Ben replied to a comment on “Lemon”")
    assert item["url"].endswith(f"/e/{entry}#comment-{reply.json()['id']}")
    assert len((await _feed(ana))["items"]) == 1  # a plain comment is not an activity

    await ana.put(f"/campaigns/{campaign['slug']}/follow")
    for phase in ("voting", "judging", "results"):
        moved = await manager.post(f"/campaigns/{campaign['slug']}/phase", {"phase": phase})
        assert moved.status_code == 200, moved.text
    phases = [i["text"] for i in (await _feed(ana))["items"] if i["kind"] == "phase"]
    assert phases == ["“Talk and results” moved to results",
                      "“Talk and results” moved to voting"]


async def test_replaying_an_event_records_it_once(client):
    person = await sign_up(client, "Replayer")
    user = await User.get(handle=person.handle)
    key = f"test:{uuid.uuid4().hex}"
    for _ in range(2):
        async with in_transaction():
            await activity.record(user.id, None, "entry", "Did a thing", "/", key)
    assert await Activity.filter(key=key).count() == 1


async def test_the_feed_pages_through_everything_once_in_order(client, make_client):
    ana, ben = await sign_up(client, "Ana"), await sign_up(make_client(), "Ben")
    await ana.put(f"/users/{ben.handle}/follow")
    author = await User.get(handle=ben.handle)
    stamp = uuid.uuid4().hex[:8]
    for n in range(65):
        await activity.record(author.id, None, "entry", f"Item {n}", "/", f"page:{stamp}:{n}")

    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        feed = await _feed(ana, cursor)
        seen += [item["text"] for item in feed["items"]]
        pages += 1
        cursor = feed["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"Item {n}" for n in reversed(range(65))]
    assert pages == 3

    bad = await ana.get("/feed", params={"cursor": "not-a-cursor"})
    assert bad.status_code == 422 and bad.json()["error"]["fields"]["cursor"]


async def test_unfollowing_takes_past_and_future_items_away(client, make_client):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Fickle")
    ana, ben = await sign_up(make_client(), "Ana"), await sign_up(make_client(), "Ben")
    await ana.put(f"/users/{ben.handle}/follow")
    await ben.post(f"/campaigns/{campaign['slug']}/entries", {"title": "Before"})
    assert await _texts(ana)
    stopped = await ana.delete(f"/users/{ben.handle}/follow")
    assert stopped.json() == {"following": False, "followers": 0}
    assert (await ana.delete(f"/users/{ben.handle}/follow")).status_code == 200
    await ben.post(f"/campaigns/{campaign['slug']}/entries", {"title": "After"})
    assert await _texts(ana) == []

    await ana.put(f"/campaigns/{campaign['slug']}/follow")
    assert await _texts(ana)
    assert (await ana.delete(f"/campaigns/{campaign['slug']}/follow")).json() == {
        "following": False, "followers": 0}
    assert await _texts(ana) == []


async def test_what_cannot_be_followed(client, make_client):
    ana = await sign_up(client, "Ana")
    myself = await ana.put(f"/users/{ana.handle}/follow")
    assert myself.status_code == 422 and "handle" in myself.json()["error"]["fields"]
    assert (await ana.put("/users/nobody-at-all-here/follow")).status_code == 404
    assert (await ana.put("/campaigns/no-such-campaign/follow")).status_code == 404
    assert (await client.put(f"/api/v1/users/{ana.handle}/follow")).status_code == 401
    assert (await client.get("/api/v1/feed")).status_code == 401

    manager = await sign_up(make_client(), "Manager")
    draft = await launch_campaign(manager, "Secret plans")
    await Campaign.filter(slug=draft["slug"]).update(phase="draft")
    assert (await ana.put(f"/campaigns/{draft['slug']}/follow")).status_code == 404
    assert (await ana.delete(f"/campaigns/{draft['slug']}/follow")).status_code == 404
    assert (await manager.put(f"/campaigns/{draft['slug']}/follow")).status_code == 200


async def test_follow_buttons_work_with_and_without_htmx(app, make_client):
    manager = await sign_up(make_client(), "Manager")
    campaign = await launch_campaign(manager, "Buttons")
    ben = await sign_up(make_client(), "Ben Button")
    async with new_client(app) as http:
        browser = Browser(http)
        await browser.sign_up("Ana")
        profile = await browser.get(f"/u/{ben.handle}")
        assert f'action="/u/{ben.handle}/follow"' in profile.text
        assert "0 followers" in profile.text

        swapped = await browser.post(f"/u/{ben.handle}/follow", {"action": "follow"},
                                     htmx=True)
        assert swapped.status_code == 200
        assert 'value="unfollow"' in swapped.text and "1 follower" in swapped.text
        assert "<html" not in swapped.text

        back = await browser.post(f"/u/{ben.handle}/follow", {"action": "unfollow"})
        assert back.status_code == 303 and back.headers["location"] == f"/u/{ben.handle}"
        assert "0 followers" in (await browser.get(f"/u/{ben.handle}")).text

        page = await browser.get(f"/c/{campaign['slug']}")
        assert f'action="/c/{campaign["slug"]}/follow"' in page.text
        plain = await browser.post(f"/c/{campaign['slug']}/follow", {"action": "follow"},
                                   headers={"referer": f"http://testserver/c/{campaign['slug']}"})
        assert plain.status_code == 303
        assert plain.headers["location"] == f"/c/{campaign['slug']}"
        shown = await browser.get(f"/c/{campaign['slug']}")
        assert 'value="unfollow"' in shown.text and "1 follower" in shown.text

    async with new_client(app) as http:
        stranger = Browser(http)
        await stranger.get(f"/u/{ben.handle}")
        anonymous = await stranger.post(f"/u/{ben.handle}/follow", {"action": "follow"})
        assert anonymous.status_code == 303 and anonymous.headers["location"].startswith(
            "/login?next=")
        assert (await stranger.get("/feed")).headers.get("location", "").startswith("/login")


async def test_an_empty_feed_suggests_campaigns_to_follow(app, make_client):
    manager = await sign_up(make_client(), "Manager")
    campaign = await launch_campaign(manager, f"Suggested {uuid.uuid4().hex[:6]}")
    async with new_client(app) as http:
        browser = Browser(http)
        await browser.sign_up("Newcomer")
        page = await browser.get("/feed")
        assert "Nothing here yet" in page.text and "Campaigns to follow" in page.text
        assert f'action="/c/{campaign["slug"]}/follow"' in page.text
        followed = await browser.post(f"/c/{campaign['slug']}/follow", {"action": "follow"},
                                      headers={"referer": "http://testserver/feed"})
        assert followed.headers["location"] == "/feed"
        again = await browser.get("/feed")
        assert f'action="/c/{campaign["slug"]}/follow"' not in again.text


async def test_followers_hear_when_a_campaign_moves_on(client, make_client):
    manager = await sign_up(client, "Phase manager")
    campaign = await launch_campaign(manager, "Moving along")
    ana = await sign_up(make_client(), "Ana")
    assert (await ana.put(f"/campaigns/{campaign['slug']}/follow")).status_code == 200
    moved = await manager.post(f"/campaigns/{campaign['slug']}/phase", {"phase": "voting"})
    assert moved.status_code == 200
    told = await wait_for(ana, "/notifications", lambda b: b["notifications"])
    assert told["notifications"][0]["text"] == "“Moving along” moved to voting."
    assert told["notifications"][0]["url"].endswith(f"/c/{campaign['slug']}")
