"""Badge rules: events earn badges through the workers, once each, and every award tells
its person in the app."""

from __future__ import annotations

import asyncio
from typing import Any

from cocreate.models import Award, Campaign, Notification
from cocreate.services.recognition import badge_rules
from tests.people import Person, png_bytes, sign_up, upload, wait_for


async def _badges(person: Person, wanted: set[str]) -> set[str]:
    """Wait until the person holds at least `wanted`, and say what they hold."""
    body = await wait_for(person, f"/users/{person.handle}/badges",
                          lambda b: wanted <= {a["badge"] for a in b["awards"]})
    return {a["badge"] for a in body["awards"]}


async def _move(manager: Person, slug: str, phase: str) -> None:
    moved = await manager.post(f"/campaigns/{slug}/phase", {"phase": phase})
    assert moved.status_code == 200, moved.text


async def test_closing_the_vote_makes_finalists_and_results_make_winners(client, make_client):
    manager = await sign_up(client, "Manager")
    org = (await manager.post("/orgs", {"name": f"Snacks {manager.handle}",
                                        "kind": "brand"})).json()["slug"]
    slug = (await manager.post(f"/orgs/{org}/campaigns", {
        "title": "Next flavour", "kind": "idea", "description": "Go."})).json()["slug"]
    prize = (await manager.put(f"/campaigns/{slug}/prizes", {"prizes": [
        {"rank": 1, "title": "Grand prize"}]})).json()["prizes"][0]
    ana, ben, cy = [await sign_up(make_client(), name) for name in ("Ana", "Ben", "Cy")]
    ideas = {p.handle: (await p.post(f"/campaigns/{slug}/entries", {"title": f"Idea of {p.handle}"})
                        ).json()["id"] for p in (ana, ben, cy)}
    await cy.put(f"/entries/{ideas[ana.handle]}/vote")
    await ben.put(f"/entries/{ideas[ana.handle]}/vote")
    await ana.put(f"/entries/{ideas[ben.handle]}/vote")

    await _move(manager, slug, "judging")
    assert "finalist" in await _badges(ana, {"contributor", "finalist"})
    assert "finalist" in await _badges(ben, {"contributor", "finalist"})
    picked = await manager.post(f"/campaigns/{slug}/winners",
                                {"prize_id": prize["id"], "entry_id": ideas[ana.handle]})
    assert picked.status_code == 201
    await _move(manager, slug, "results")
    assert await _badges(ana, {"winner"}) == {"contributor", "finalist", "winner"}
    assert await _badges(cy, {"contributor"}) == {"contributor"}  # no votes, no finalist

    told = (await ana.get("/notifications")).json()
    assert told["unread"] == 3
    assert {n["text"] for n in told["notifications"]} == {
        "You earned the Contributor badge in “Next flavour”.",
        "You earned the Finalist badge in “Next flavour”.",
        "You earned the Winner badge in “Next flavour”."}
    assert all(n["url"].startswith("http") and "/b/" in n["url"] for n in told["notifications"])
    one = told["notifications"][0]["id"]
    assert (await ana.post("/notifications/read", {"ids": [one]})).json() == {
        "marked": 1, "unread": 2}
    assert (await ana.post("/notifications/read", {})).json() == {"marked": 2, "unread": 0}
    assert (await ben.post("/notifications/read", {"ids": "all"})).status_code == 422


async def test_replayed_and_concurrent_events_award_once(client, make_client):
    manager = await sign_up(client, "Manager")
    org = (await manager.post("/orgs", {"name": f"Replay {manager.handle}",
                                        "kind": "brand"})).json()["slug"]
    campaign = (await manager.post(f"/orgs/{org}/campaigns", {
        "title": "Replays", "kind": "idea", "description": "Go."})).json()
    fans = [await sign_up(make_client(), f"Fan {n}") for n in range(3)]
    idea = (await fans[0].post(f"/campaigns/{campaign['slug']}/entries", {"title": "Mine"})
            ).json()["id"]
    for fan in fans[1:]:
        await fan.put(f"/entries/{idea}/vote")
    await _move(manager, campaign["slug"], "judging")
    await _badges(fans[0], {"finalist"})
    stored = await Campaign.get(slug=campaign["slug"])
    payload: dict[str, Any] = {"event": "phase", "campaign_id": stored.id}
    await asyncio.gather(*(badge_rules.evaluate(payload) for _ in range(6)))
    assert await Award.filter(user__handle=fans[0].handle).count() == 2
    assert await Notification.filter(user__handle=fans[0].handle).count() == 2


async def test_a_remixed_entry_earns_its_author_the_remixed_badge(client, make_client):
    manager = await sign_up(client, "Brand manager")
    org = (await manager.post("/orgs", {"name": f"Remix {manager.handle}",
                                        "kind": "brand"})).json()["slug"]
    slug = (await manager.post(f"/orgs/{org}/campaigns", {
        "title": "Remix our ad", "kind": "remix", "description": "Make it yours."})
            ).json()["slug"]
    ana, ben = await sign_up(make_client(), "Ana"), await sign_up(make_client(), "Ben")
    kit = (await manager.post(f"/campaigns/{slug}/kit", {
        "media_id": (await upload(manager, png_bytes((320, 240), "#ff5a36")))["media_id"],
        "title": "Still", "licence": "Remix freely."})).json()["id"]
    first = (await ana.post(f"/campaigns/{slug}/entries", {
        "title": "Sunset", "kit_assets": [kit],
        "media_id": (await upload(ana, png_bytes((320, 240), "#00aa88")))["media_id"]})).json()
    remixed = await ben.post(f"/campaigns/{slug}/entries", {
        "title": "Sunset, slowed", "remix_of": [first["id"]],
        "media_id": (await upload(ben, png_bytes((320, 240), "#3355ff")))["media_id"]})
    assert remixed.status_code == 201, remixed.text
    assert await _badges(ana, {"remixed-1"}) == {"contributor", "remixed-1"}
    badge = next(a for a in (await ana.get(f"/users/{ana.handle}/badges")).json()["awards"]
                 if a["badge"] == "remixed-1")
    assert badge["label"] == "Remixed"
    assert badge["description"] == "Others built on your work in “Remix our ad”: remixed 1 times."


async def test_ten_votes_make_a_crowd_favourite(client, make_client):
    manager = await sign_up(client, "Manager")
    org = (await manager.post("/orgs", {"name": f"Crowd {manager.handle}",
                                        "kind": "brand"})).json()["slug"]
    slug = (await manager.post(f"/orgs/{org}/campaigns", {
        "title": "Crowd pleaser", "kind": "idea", "description": "Go."})).json()["slug"]
    author = await sign_up(make_client(), "Popular Pat")
    idea = (await author.post(f"/campaigns/{slug}/entries", {"title": "Loved idea"})
            ).json()["id"]
    voters = [await sign_up(make_client(), f"Voter {n}") for n in range(10)]
    await asyncio.gather(*(voter.put(f"/entries/{idea}/vote") for voter in voters))
    assert "crowd-favourite-10" in await _badges(author, {"crowd-favourite-10"})
    badge = next(a for a in (await author.get(f"/users/{author.handle}/badges")).json()
                 ["awards"] if a["badge"] == "crowd-favourite-10")
    assert badge["description"] == "An entry of yours won 10 votes in “Crowd pleaser”."
