"""Moderation: pre-moderated entries wait for a manager, reports from the community hide an
entry until someone reviews it, and authors see why their entry is not public."""

from __future__ import annotations

from typing import Any

from cocreate.models import Award, Campaign, Report
from tests.people import Person, sign_up


async def _launch(manager: Person, **settings: Any) -> dict[str, Any]:
    org = await manager.post("/orgs", {"name": f"Mods {manager.handle}", "kind": "nonprofit"})
    assert org.status_code == 201, org.text
    created = await manager.post(f"/orgs/{org.json()['slug']}/campaigns", {
        "title": "Ideas for the park", "kind": "idea", "description": "Make it green.",
        **settings,
    })
    assert created.status_code == 201, created.text
    return created.json()


async def _gallery(person: Person, slug: str) -> list[str]:
    listed = await person.get(f"/campaigns/{slug}/entries", params={"sort": "new"})
    return [e["title"] for e in listed.json()["entries"]]


async def test_pre_moderated_entries_wait_for_approval(client, make_client):
    manager = await sign_up(client, "Manager")
    author = await sign_up(make_client(), "Author")
    stranger = await sign_up(make_client(), "Stranger")
    campaign = await _launch(manager, moderation="pre")
    slug = campaign["slug"]

    entry = (await author.post(f"/campaigns/{slug}/entries", {"title": "Bee hotel"})).json()
    assert entry["status"] == "pending"
    assert await _gallery(stranger, slug) == []
    assert (await stranger.get(f"/entries/{entry['id']}")).status_code == 404
    assert (await author.get(f"/entries/{entry['id']}")).json()["status"] == "pending"
    vote = await stranger.put(f"/entries/{entry['id']}/vote")
    assert vote.status_code == 404
    assert (await Campaign.get(slug=slug)).entry_count == 0
    assert not await Award.exists(entry_id=entry["id"])  # the badge comes with approval

    queue = (await manager.get(f"/campaigns/{slug}/moderation")).json()["items"]
    assert [item["entry"]["title"] for item in queue] == ["Bee hotel"]
    assert (await author.get(f"/campaigns/{slug}/moderation")).status_code == 403

    approved = await manager.post(f"/entries/{entry['id']}/moderation", {"action": "approve"})
    assert approved.status_code == 200 and approved.json()["status"] == "published"
    again = await manager.post(f"/entries/{entry['id']}/moderation", {"action": "approve"})
    assert again.status_code == 409
    assert await _gallery(stranger, slug) == ["Bee hotel"]
    assert (await Campaign.get(slug=slug)).entry_count == 1
    assert await Award.exists(entry_id=entry["id"], badge="contributor")
    assert (await manager.get(f"/campaigns/{slug}/moderation")).json()["items"] == []


async def test_enough_reports_hide_an_entry_until_a_moderator_reviews_it(client, make_client):
    manager = await sign_up(client, "Manager")
    author = await sign_up(make_client(), "Author")
    reporters = [await sign_up(make_client(), f"Reporter {n}") for n in range(2)]
    campaign = await _launch(manager, report_threshold=2)
    slug = campaign["slug"]
    entry = (await author.post(f"/campaigns/{slug}/entries", {"title": "Buy my pills"})).json()

    own = await author.post(f"/entries/{entry['id']}/reports", {"reason": "spam"})
    assert own.status_code == 403
    bad = await reporters[0].post(f"/entries/{entry['id']}/reports", {"reason": "boring"})
    assert bad.status_code == 422
    first = await reporters[0].post(f"/entries/{entry['id']}/reports",
                                    {"reason": "spam", "note": "An advert"})
    assert first.status_code == 201
    twice = await reporters[0].post(f"/entries/{entry['id']}/reports", {"reason": "spam"})
    assert twice.status_code == 409
    assert await _gallery(reporters[1], slug) == ["Buy my pills"]  # one report: still shown

    await reporters[1].post(f"/entries/{entry['id']}/reports", {"reason": "offensive"})
    assert await _gallery(reporters[1], slug) == []
    seen_by_author = (await author.get(f"/entries/{entry['id']}")).json()
    assert seen_by_author["status"] == "hidden"
    assert "reviews reports" in seen_by_author["moderation_reason"]
    assert (await Campaign.get(slug=slug)).entry_count == 0

    queue = (await manager.get(f"/campaigns/{slug}/moderation")).json()["items"]
    assert [r["reason"] for r in queue[0]["reports"]] == ["spam", "offensive"]  # oldest first

    dismissed = await manager.post(f"/entries/{entry['id']}/reports/dismiss")
    assert dismissed.json()["status"] == "published"
    assert await _gallery(reporters[1], slug) == ["Buy my pills"]
    assert await Report.filter(entry_id=entry["id"], status="open").count() == 0

    no_reason = await manager.post(f"/entries/{entry['id']}/moderation", {"action": "reject"})
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["error"]["fields"]
    rejected = await manager.post(f"/entries/{entry['id']}/moderation",
                                  {"action": "reject", "reason": "Advertising is not allowed."})
    assert rejected.json()["status"] == "rejected"
    mine = (await author.get(f"/entries/{entry['id']}")).json()
    assert mine["moderation_reason"] == "Advertising is not allowed."
    assert (await Campaign.get(slug=slug)).entry_count == 0


async def test_moderators_moderate_but_do_not_manage(client, make_client):
    owner = await sign_up(client, "Owner")
    moderator = await sign_up(make_client(), "Moderator")
    author = await sign_up(make_client(), "Author")
    campaign = await _launch(owner)
    slug, org = campaign["slug"], campaign["org"]["slug"]
    added = await owner.post(f"/orgs/{org}/members", {"email": moderator.email,
                                                      "role": "moderator"})
    assert added.status_code == 201 and added.json()["role"] == "moderator"
    entry = (await author.post(f"/campaigns/{slug}/entries", {"title": "Picnic tables"})).json()

    hidden = await moderator.post(f"/entries/{entry['id']}/moderation",
                                  {"action": "hide", "reason": "Duplicate of another idea."})
    assert hidden.status_code == 200 and hidden.json()["status"] == "hidden"
    restored = await moderator.post(f"/entries/{entry['id']}/moderation", {"action": "restore"})
    assert restored.json()["status"] == "published"
    assert (await moderator.patch(f"/campaigns/{slug}", {"title": "Mine now"})).status_code == 403
    assert (await moderator.post(f"/campaigns/{slug}/phase", {"phase": "voting"})
            ).status_code == 403
    fan = await author.post(f"/entries/{entry['id']}/moderation",
                            {"action": "hide", "reason": "I changed my mind"})
    assert fan.status_code == 403
    log = (await owner.get(f"/orgs/{org}/audit")).json()["events"]
    assert [e["action"] for e in log[:2]] == ["entry.restore", "entry.hide"]
