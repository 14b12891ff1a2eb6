"""Comments are moderated like entries: fans report a comment, enough reports hide it until a
moderator looks, and moderators hide, restore or dismiss the reports from the thread or the
moderation queue; the comment's author is told, and the conversation's count stays right."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from cocreate.models import Campaign, CommentReport, Entry
from cocreate.services.moderation import moderation
from cocreate.services.operations.reconcile import reconcile
from tests.browser import Browser, new_client
from tests.people import PASSWORD, Person, launch_campaign, sign_up


async def _conversation(client: httpx.AsyncClient, make_client: Any,
                        threshold: int = 2) -> dict[str, Any]:
    """A campaign whose comments hide after `threshold` reports, an entry, and a rude comment
    with a kind reply under it."""
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "Keep it kind")
    changed = await manager.patch(f"/campaigns/{campaign['slug']}",
                                  {"report_threshold": threshold})
    assert changed.status_code == 200, changed.text
    author = await sign_up(make_client(), "Entry Author")
    entry = (await author.post(f"/campaigns/{campaign['slug']}/entries",
                               {"title": "Picnic tables"})).json()["id"]
    troll = await sign_up(make_client(), "Troll")
    rude = (await troll.post(f"/entries/{entry}/comments", {"body": "Rude words"})).json()
    await author.post(f"/entries/{entry}/comments", {"body": "Please be kind.",
                                                     "parent_id": rude["id"]})
    return {"manager": manager, "campaign": campaign, "author": author, "entry": entry,
            "troll": troll, "comment": rude["id"]}


async def _comment_count(entry_id: str) -> int:
    return (await Entry.get(id=entry_id)).comment_count


async def _told(person: Person) -> list[str]:
    listed = (await person.get("/notifications")).json()["notifications"]
    return [n["text"] for n in listed if n["kind"] == "moderation"]


async def _thread(person: Person, entry_id: str) -> list[dict[str, Any]]:
    return (await person.get(f"/entries/{entry_id}/comments")).json()["comments"]


async def test_enough_reports_hide_a_comment_until_a_moderator_restores_it(client, make_client):
    talk = await _conversation(client, make_client)
    manager, troll, comment = talk["manager"], talk["troll"], talk["comment"]
    fans = [await sign_up(make_client(), f"Reporter {n}") for n in range(3)]
    report = f"/comments/{comment}/report"

    own = await troll.post(report, {"reason": "spam"})
    assert own.status_code == 403
    unknown = await fans[0].post(report, {"reason": "boring"})
    assert unknown.status_code == 422 and "reason" in unknown.json()["error"]["fields"]
    first = await fans[0].post(report, {"reason": "offensive", "note": "Insults people"})
    assert first.status_code == 201, first.text
    assert first.json()["reporter"]["handle"] == fans[0].handle
    twice = await fans[0].post(report, {"reason": "spam"})
    assert twice.status_code == 409
    assert "already reported" in twice.json()["error"]["message"]
    assert (await _thread(fans[1], talk["entry"]))[0]["status"] == "visible"  # one: still shown
    assert await _comment_count(talk["entry"]) == 2

    second = await fans[1].post(report, {"reason": "spam"})
    assert second.status_code == 201
    seen = (await _thread(fans[2], talk["entry"]))[0]
    assert (seen["status"], seen["pending_review"], seen["body"]) == ("hidden", True, "")
    assert seen["moderation_reason"] is None
    mine = (await _thread(troll, talk["entry"]))[0]
    assert mine["body"] == "Rude words" and "reviews reports" in mine["moderation_reason"]
    assert await _comment_count(talk["entry"]) == 1
    late = await fans[2].post(report, {"reason": "spam"})
    assert late.status_code == 409  # nothing left to report
    assert await moderation.queue_size(await Campaign.get(slug=talk["campaign"]["slug"])) == 1

    queue = await manager.get(f"/campaigns/{talk['campaign']['slug']}/moderation")
    assert queue.json()["items"] == []
    [waiting] = queue.json()["comments"]
    assert waiting["comment"]["body"] == "Rude words"
    assert waiting["entry"]["title"] == "Picnic tables"
    assert [(r["reason"], r["reporter"]["handle"]) for r in waiting["reports"]] == [
        ("offensive", fans[0].handle), ("spam", fans[1].handle)]  # oldest first
    assert (await fans[0].get(f"/campaigns/{talk['campaign']['slug']}/moderation")
            ).status_code == 403
    meddling = await fans[0].post(f"/comments/{comment}/moderate", {"action": "restore"})
    assert meddling.status_code == 403

    restored = await manager.post(f"/comments/{comment}/moderate",
                                  {"action": "restore", "reason": "Strong words, but fair."})
    assert restored.status_code == 200 and restored.json()["status"] == "visible"
    again = await manager.post(f"/comments/{comment}/moderate", {"action": "restore"})
    assert again.status_code == 409
    assert (await _thread(fans[2], talk["entry"]))[0]["body"] == "Rude words"
    assert await _comment_count(talk["entry"]) == 2
    assert not await CommentReport.exists(comment_id=comment, status="open")
    assert (await manager.get(f"/campaigns/{talk['campaign']['slug']}/moderation")
            ).json()["comments"] == []
    assert await _told(troll) == [
        "A moderator restored your comment on “Picnic tables”. Reason: Strong words, but fair."]
    log = (await manager.get(f"/orgs/{talk['campaign']['org']['slug']}/audit")).json()
    assert log["events"][0]["action"] == "comment.restore"
    assert await reconcile() == []


async def test_dismissing_reports_brings_a_comment_back_and_a_hide_tells_its_author_why(
        client, make_client):
    talk = await _conversation(client, make_client, threshold=1)
    manager, troll, comment = talk["manager"], talk["troll"], talk["comment"]
    fans = [await sign_up(make_client(), f"Reporter {n}") for n in range(2)]
    moderate = f"/comments/{comment}/moderate"

    await fans[0].post(f"/comments/{comment}/report", {"reason": "spam"})
    assert (await _thread(fans[1], talk["entry"]))[0]["status"] == "hidden"
    dismissed = await manager.post(moderate, {"action": "dismiss"})
    assert dismissed.status_code == 200 and dismissed.json()["status"] == "visible"
    assert (await manager.post(moderate, {"action": "dismiss"})).status_code == 409
    assert await _comment_count(talk["entry"]) == 2
    assert await _told(troll) == ["A moderator restored your comment on “Picnic tables”."]

    await fans[1].post(f"/comments/{comment}/report", {"reason": "offensive"})
    assert await _comment_count(talk["entry"]) == 1
    no_reason = await manager.post(moderate, {"action": "hide"})
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["error"]["fields"]
    unknown = await manager.post(moderate, {"action": "delete", "reason": "Gone"})
    assert unknown.status_code == 422
    hidden = await manager.post(moderate, {"action": "hide", "reason": "Insults people"})
    assert hidden.status_code == 200
    assert (hidden.json()["status"], hidden.json()["pending_review"]) == ("hidden", False)
    assert await _comment_count(talk["entry"]) == 1  # the reports had already hidden it
    mine = (await _thread(troll, talk["entry"]))[0]
    assert mine["moderation_reason"] == "Insults people"
    assert "A moderator hid your comment on “Picnic tables”. Reason: Insults people" in (
        await _told(troll))
    assert (await manager.post(moderate, {"action": "hide", "reason": "Twice"})
            ).status_code == 409
    assert (await manager.get(f"/campaigns/{talk['campaign']['slug']}/moderation")
            ).json()["comments"] == []
    actions = [e["action"] for e in (await manager.get(
        f"/orgs/{talk['campaign']['org']['slug']}/audit")).json()["events"][:2]]
    assert actions == ["comment.hide", "comment.dismiss"]
    assert await reconcile() == []


async def test_two_moderators_deciding_at_once_change_the_count_once(client, make_client):
    talk = await _conversation(client, make_client, threshold=1)
    manager, troll, comment = talk["manager"], talk["troll"], talk["comment"]
    colleague = await sign_up(make_client(), "Moderator")
    added = await manager.post(f"/orgs/{talk['campaign']['org']['slug']}/members",
                               {"email": colleague.email, "role": "moderator"})
    assert added.status_code == 201
    moderate = f"/comments/{comment}/moderate"

    both = await asyncio.gather(*(m.post(moderate, {"action": "hide", "reason": "Insults"})
                                  for m in (manager, colleague)))
    assert sorted(r.status_code for r in both) == [200, 409]
    assert await _comment_count(talk["entry"]) == 1
    both = await asyncio.gather(*(m.post(moderate, {"action": "restore"})
                                  for m in (manager, colleague)))
    assert sorted(r.status_code for r in both) == [200, 409]
    assert await _comment_count(talk["entry"]) == 2

    reporter = await sign_up(make_client(), "Reporter")
    await reporter.post(f"/comments/{comment}/report", {"reason": "spam"})
    both = await asyncio.gather(*(m.post(moderate, {"action": "dismiss"})
                                  for m in (manager, colleague)))
    assert sorted(r.status_code for r in both) == [200, 409]
    assert await _comment_count(talk["entry"]) == 2
    assert len(await _told(troll)) == 3  # hid, restored, restored: once each
    assert await reconcile() == []


async def _logged_in(http: httpx.AsyncClient, person: Person) -> Browser:
    browser = Browser(http)
    await browser.get("/login")
    signed_in = await browser.post("/login", {"email": person.email, "password": PASSWORD})
    assert signed_in.status_code == 303, signed_in.text
    await browser.get("/")
    return browser


async def test_reporting_and_moderating_comments_on_the_pages(app, client, make_client):
    talk = await _conversation(client, make_client)
    comment, entry_path = talk["comment"], f"/e/{talk['entry']}"
    slug = talk["campaign"]["slug"]
    async with new_client(app) as http:
        fan = Browser(http)
        await fan.sign_up("Page reporter")
        page = await fan.get(entry_path)
        assert f'id="report-{comment}"' in page.text
        bad = await fan.post(f"/comments/{comment}/report", {"reason": ""}, htmx=True)
        assert bad.status_code == 422 and "Choose why" in bad.text
        sent = await fan.post(f"/comments/{comment}/report",
                              {"reason": "offensive", "note": "Mean"}, htmx=True)
        assert sent.status_code == 200
        assert sent.text.lstrip().startswith(f'<div class="comment-report" id="report-{comment}"')
        assert "Thanks for telling us" in sent.text
        twice = await fan.post(f"/comments/{comment}/report", {"reason": "spam"})
        assert twice.status_code == 409 and "already reported" in twice.text
    async with new_client(app) as http:
        other = Browser(http)
        await other.sign_up("Plain reporter")
        await other.get(entry_path)
        plain = await other.post(f"/comments/{comment}/report", {"reason": "spam"})
        assert plain.status_code == 303
        assert plain.headers["location"] == (
            f"{entry_path}?reported_comment={comment}#comment-{comment}")
        back = await other.get(plain.headers["location"])
        assert "Thanks for telling us" in back.text
        assert "Hidden pending review" in back.text and "Rude words" not in back.text
        refused = await other.post(f"/comments/{comment}/moderate", {"action": "restore"})
        assert refused.status_code == 403

    async with new_client(app) as http:
        troll = await _logged_in(http, talk["troll"])
        own = await troll.get(entry_path)
        assert "Rude words" in own.text and "Only you and the moderators" in own.text
        assert f'id="report-{comment}"' not in own.text

    async with new_client(app) as http:
        manager = await _logged_in(http, talk["manager"])
        manage = await manager.get(f"/c/{slug}/manage")
        assert 'class="pill pill-warning">1</span>' in manage.text
        queue = await manager.get(f"/c/{slug}/moderation")
        assert queue.status_code == 200 and f'id="queue-comment-{comment}"' in queue.text
        assert "Rude words" in queue.text and "Picnic tables" in queue.text
        assert "Page reporter" in queue.text and "Plain reporter" in queue.text
        from_queue = {"Referer": f"http://testserver/c/{slug}/moderation"}
        unexplained = await manager.post(f"/comments/{comment}/moderate",
                                         {"action": "hide", "in": "queue", "campaign": slug},
                                         headers=from_queue)
        assert unexplained.status_code == 422 and "at least 3 characters" in unexplained.text
        restored = await manager.post(f"/comments/{comment}/moderate",
                                      {"action": "restore", "in": "queue", "campaign": slug},
                                      headers=from_queue)
        assert restored.status_code == 303
        assert restored.headers["location"] == f"/c/{slug}/moderation"
        assert "All clear" in (await manager.get(f"/c/{slug}/moderation")).text

        await manager.get(entry_path)
        empty = await manager.post(f"/comments/{comment}/moderate", {"action": "hide"},
                                   htmx=True)
        assert empty.status_code == 422 and 'id="comments"' in empty.text
        assert "at least 3 characters" in empty.text
        hidden = await manager.post(f"/comments/{comment}/moderate",
                                    {"action": "hide", "reason": "Insults"}, htmx=True)
        assert hidden.status_code == 200 and "A moderator hid this comment." in hidden.text
        assert "Restore comment" in hidden.text
    shown = (await client.get(entry_path)).text
    assert "A moderator hid this comment." in shown and "Rude words" not in shown
    assert await _comment_count(talk["entry"]) == 1
    assert await reconcile() == []
