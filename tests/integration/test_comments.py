"""Fans talk with each other under an entry: comments, replies to replies, mentions that
reach the person named, edits within a window, removals that keep the thread readable."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from cocreate.models import Comment, Entry
from cocreate.services.operations.reconcile import reconcile
from tests.browser import Browser, new_client
from tests.people import launch_campaign, sign_up, wait_for


async def _entry(client, make_client):  # type: ignore[no-untyped-def]
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Talk it over")
    author = await sign_up(make_client(), "Ana Author")
    entry = (await author.post(f"/campaigns/{campaign['slug']}/entries",
                               {"title": "Picnic flavour"})).json()["id"]
    return author, entry


async def test_a_thread_of_replies_with_mentions_and_notifications(client, make_client):
    author, entry = await _entry(client, make_client)
    ben, cleo = await sign_up(make_client(), "Ben"), await sign_up(make_client(), "Cleo")
    path = f"/entries/{entry}/comments"
    first = await ben.post(path, {"body": f"Love it! What do you think, @{cleo.handle}?"})
    assert first.status_code == 201, first.text
    first = first.json()
    assert "<p>Love it!" in first["body_html"] and first["depth"] == 0
    reply = (await cleo.post(path, {"body": "Yes, with **lemon**.", "parent_id": first["id"]})
             ).json()
    deeper = (await author.post(path, {"body": "Lemon it is.", "parent_id": reply["id"]})).json()
    assert (reply["depth"], deeper["depth"]) == (1, 2)
    assert "<strong>lemon</strong>" in reply["body_html"]

    thread = (await client.get(f"/api/v1{path}")).json()["comments"]
    assert [c["id"] for c in thread] == [first["id"], reply["id"], deeper["id"]]
    assert (await Entry.get(id=entry)).comment_count == 3

    told = {n["text"] for n in (await cleo.get("/notifications")).json()["notifications"]}
    assert "Ben mentioned you on “Picnic flavour”." in told
    to_ben = {n["text"] for n in (await ben.get("/notifications")).json()["notifications"]}
    assert to_ben == {"Cleo replied to you on “Picnic flavour”."}
    to_author = {n["text"] for n in (await author.get("/notifications")).json()["notifications"]}
    assert "Ben commented on your idea “Picnic flavour”." in to_author

    empty = await ben.post(path, {"body": "   "})
    assert empty.status_code == 422 and "body" in empty.json()["error"]["fields"]
    misshapen = await ben.post(path, {"body": "Hm", "parent_id": "not-here"})
    assert misshapen.status_code == 422 and "parent_id" in misshapen.json()["error"]["fields"]
    stranger = await ben.post(path, {"body": "Hm", "parent_id": "zzzzzzzzzzzz"})  # no such one
    assert stranger.status_code == 404
    assert (await client.post(f"/api/v1{path}", json={"body": "anon"})).status_code == 401
    assert await reconcile() == []


async def test_edits_within_the_window_and_removals_that_keep_replies(client, make_client):
    author, entry = await _entry(client, make_client)
    ben = await sign_up(make_client(), "Ben")
    path = f"/entries/{entry}/comments"
    mine = (await ben.post(path, {"body": "Frist!"})).json()
    reply = (await author.post(path, {"body": "Welcome!", "parent_id": mine["id"]})).json()
    fixed = await ben.patch(f"/comments/{mine['id']}", {"body": "First!"})
    assert fixed.status_code == 200 and fixed.json()["edited_at"]
    assert (await author.patch(f"/comments/{mine['id']}", {"body": "Nope"})).status_code == 403
    await Comment.filter(id=reply["id"]).update(
        created_at=datetime.now(UTC) - timedelta(minutes=16))
    late = await author.patch(f"/comments/{reply['id']}", {"body": "Welcome, Ben!"})
    assert late.status_code == 403 and "15 minutes" in late.json()["error"]["message"]

    removed = await ben.delete(f"/comments/{mine['id']}")
    assert removed.status_code == 200 and removed.json()["status"] == "removed"
    again = await ben.delete(f"/comments/{mine['id']}")
    assert again.status_code == 200
    thread = (await client.get(f"/api/v1{path}")).json()["comments"]
    assert [(c["status"], c["body"]) for c in thread] == [("removed", ""), ("visible",
                                                                             "Welcome!")]
    assert (await Entry.get(id=entry)).comment_count == 1
    assert await reconcile() == []


async def test_many_people_commenting_at_once_keep_the_count(client, make_client):
    _, entry = await _entry(client, make_client)
    people = [await sign_up(make_client(), f"Talker {n}") for n in range(8)]
    answers = await asyncio.gather(*(p.post(f"/entries/{entry}/comments",
                                            {"body": f"Comment {n}"})
                                     for n, p in enumerate(people)))
    assert {a.status_code for a in answers} == {201}
    assert (await Entry.get(id=entry)).comment_count == 8
    assert await reconcile() == []


async def test_five_replies_make_a_conversation_starter(client, make_client):
    _author, entry = await _entry(client, make_client)
    starter = await sign_up(make_client(), "Starter")
    opener = (await starter.post(f"/entries/{entry}/comments", {"body": "Thoughts?"})).json()
    for n in range(5):
        fan = await sign_up(make_client(), f"Answerer {n}")
        await fan.post(f"/entries/{entry}/comments", {"body": f"Reply {n}",
                                                      "parent_id": opener["id"]})
    held = await wait_for(starter, f"/users/{starter.handle}/badges",
                          lambda b: "conversation-starter" in {a["badge"] for a in b["awards"]},
                          seconds=60)
    assert any(a["label"] == "Conversation starter" for a in held["awards"])


async def test_the_conversation_works_on_the_page_with_and_without_javascript(app, client,
                                                                            make_client):
    _author, entry = await _entry(client, make_client)
    async with new_client(app) as http:
        fan = Browser(http)
        await fan.sign_up("Page talker")
        page = await fan.get(f"/e/{entry}")
        assert 'id="comments"' in page.text and 'hx-trigger="sse:comments"' in page.text
        plain = await fan.post(f"/e/{entry}/comments", {"body": "Plain form comment"})
        assert plain.status_code == 303 and "#comment-" in plain.headers["location"]
        swapped = await fan.post(f"/e/{entry}/comments", {"body": "Via htmx"}, htmx=True)
        assert swapped.status_code == 200 and "Via htmx" in swapped.text
        assert swapped.text.lstrip().startswith('<section class="comments stack" id="comments"')
        bad = await fan.post(f"/e/{entry}/comments", {"body": ""}, htmx=True)
        assert bad.status_code == 422 and 'id="comments"' in bad.text
    async with new_client(app) as other:
        reader = Browser(other)
        shown = await reader.get(f"/e/{entry}")
        assert "Plain form comment" in shown.text and "Log in</a> to join" in shown.text
        assert (await reader.get(f"/e/{entry}/comments")).status_code == 200


async def test_a_moderator_hides_a_comment_and_the_replies_stay(client, make_client):
    manager = await sign_up(client, "Moderating manager")
    campaign = await launch_campaign(manager, "Keep it kind")
    author = await sign_up(make_client(), "Author")
    entry = (await author.post(f"/campaigns/{campaign['slug']}/entries",
                               {"title": "Kind idea"})).json()["id"]
    troll = await sign_up(make_client(), "Troll")
    rude = (await troll.post(f"/entries/{entry}/comments", {"body": "Rude words"})).json()
    await author.post(f"/entries/{entry}/comments", {"body": "Please be kind.",
                                                     "parent_id": rude["id"]})
    assert (await troll.post(f"/comments/{rude['id']}/hide", {"reason": "Mine"})
            ).status_code == 403
    assert (await manager.post(f"/comments/{rude['id']}/hide", {"reason": ""})
            ).status_code == 422
    hidden = await manager.post(f"/comments/{rude['id']}/hide", {"reason": "Insults"})
    assert hidden.status_code == 200 and hidden.json()["status"] == "hidden"
    thread = (await client.get(f"/api/v1/entries/{entry}/comments")).json()["comments"]
    assert [(c["status"], c["body"]) for c in thread] == [("hidden", ""),
                                                          ("visible", "Please be kind.")]
    assert (await troll.patch(f"/comments/{rude['id']}", {"body": "Nice"})).status_code == 403
    assert (await Entry.get(id=entry)).comment_count == 1
    assert await reconcile() == []
    page = (await client.get(f"/e/{entry}")).text
    assert "A moderator hid this comment." in page and "Rude words" not in page


async def test_reactions_count_once_per_person_and_kind(app, client, make_client):
    _, entry = await _entry(client, make_client)
    writer = await sign_up(make_client(), "Writer")
    comment = (await writer.post(f"/entries/{entry}/comments", {"body": "Try mango."})).json()
    fans = [await sign_up(make_client(), f"Reactor {n}") for n in range(4)]
    path = f"/comments/{comment['id']}/reactions"
    answers = await asyncio.gather(*(f.put(f"{path}/helpful") for f in fans),
                                   fans[0].put(f"{path}/helpful"), fans[0].put(f"{path}/love"))
    assert {a.status_code for a in answers} == {200}
    assert (await fans[0].put(f"{path}/love")).json() == {
        "reactions": {"like": 0, "love": 1, "laugh": 0, "helpful": 4, "cheer": 0},
        "mine": ["helpful", "love"]}
    assert (await fans[1].delete(f"{path}/helpful")).json()["reactions"]["helpful"] == 3
    assert (await fans[1].put(f"{path}/shrug")).status_code == 422
    thread = (await client.get(f"/api/v1/entries/{entry}/comments")).json()["comments"]
    assert thread[0]["reactions"]["helpful"] == 3
    assert await reconcile() == []

    async with new_client(app) as http:
        reader = Browser(http)
        await reader.sign_up("Page reactor")
        await reader.get(f"/e/{entry}")
        swapped = await reader.post(f"/comments/{comment['id']}/react",
                                    {"kind": "cheer", "on": "1"}, htmx=True)
        assert swapped.status_code == 200 and 'aria-pressed="true" title="Cheers"' in swapped.text
        plain = await reader.post(f"/comments/{comment['id']}/react",
                                  {"kind": "cheer", "on": "0"})
        assert plain.status_code == 303
    assert (await Comment.get(id=comment["id"])).cheers == 0
