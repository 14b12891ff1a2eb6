"""Contributor rankings: people ranked by the votes they received, in a campaign and across an
organization; a team entry's votes count for each member, joiners and leavers included."""

from __future__ import annotations

from typing import Any

from cocreate.services.operations.reconcile import reconcile
from tests.people import Person, sign_up


async def _launch(manager: Person, org: str, title: str, kind: str = "idea",
                  **settings: Any) -> str:
    created = await manager.post(f"/orgs/{org}/campaigns", {
        "title": title, "kind": kind, "description": "Go.", **settings})
    assert created.status_code == 201, created.text
    return created.json()["slug"]


async def _ranking(person: Person, path: str) -> list[tuple[int, str, int]]:
    rows = (await person.get(path)).json()["rows"]
    return [(row["rank"], row["user"]["display_name"], row["votes"]) for row in rows]


async def test_people_are_ranked_by_the_votes_they_received(client, make_client):
    manager = await sign_up(client, "Manager")
    org = (await manager.post("/orgs", {"name": f"Ranks {manager.handle}",
                                        "kind": "brand"})).json()["slug"]
    first = await _launch(manager, org, "First round")
    second = await _launch(manager, org, "Second round")
    ana, ben = await sign_up(make_client(), "Ana"), await sign_up(make_client(), "Ben")
    voters = [await sign_up(make_client(), f"Voter {n}") for n in range(3)]

    async def idea(author: Person, slug: str, title: str) -> str:
        return (await author.post(f"/campaigns/{slug}/entries", {"title": title})).json()["id"]

    ana_one, ana_two = await idea(ana, first, "Ana one"), await idea(ana, first, "Ana two")
    ben_one = await idea(ben, first, "Ben one")
    ana_later = await idea(ana, second, "Ana later")
    for entry_id, how_many in ((ana_one, 3), (ana_two, 1), (ben_one, 2), (ana_later, 1)):
        for voter in voters[:how_many]:
            assert (await voter.put(f"/entries/{entry_id}/vote")).status_code == 200

    assert await _ranking(ben, f"/campaigns/{first}/contributors") == [
        (1, "Ana", 4), (2, "Ben", 2)]
    await voters[0].delete(f"/entries/{ana_one}/vote")
    await voters[0].delete(f"/entries/{ana_two}/vote")
    assert await _ranking(ben, f"/campaigns/{first}/contributors") == [
        (1, "Ana", 2), (1, "Ben", 2)]
    assert await _ranking(ben, f"/orgs/{org}/contributors") == [
        (1, "Ana", 3), (2, "Ben", 2)]
    page = await ben.client.get(f"/o/{org}")
    assert "Power users" in page.text
    assert "Top contributors" in (await ben.client.get(f"/c/{first}")).text
    assert await reconcile() == []


async def test_a_team_entrys_votes_count_for_each_member(client, make_client):
    manager = await sign_up(client, "Manager")
    org = (await manager.post("/orgs", {"name": f"Team ranks {manager.handle}",
                                        "kind": "brand"})).json()["slug"]
    slug = await _launch(manager, org, "Team round", kind="team", team_min_size=1)
    cap, mate, late = [await sign_up(make_client(), n) for n in ("Cap", "Mate", "Late")]
    team = (await cap.post(f"/campaigns/{slug}/teams", {"name": "Crew"})).json()
    code = team["invite_url"].rsplit("/", 1)[1]
    await mate.post("/teams/join", {"code": code})
    entry = (await cap.post(f"/campaigns/{slug}/entries", {"title": "Crew idea"})).json()
    for n in range(2):
        voter = await sign_up(make_client(), f"Fan {n}")
        await voter.put(f"/entries/{entry['id']}/vote")

    assert await _ranking(cap, f"/campaigns/{slug}/contributors") == [
        (1, "Cap", 2), (1, "Mate", 2)]
    await late.post("/teams/join", {"code": code})
    await cap.delete(f"/teams/{team['id']}/members/{mate.handle}")
    assert await _ranking(cap, f"/campaigns/{slug}/contributors") == [
        (1, "Cap", 2), (1, "Late", 2)]
    assert await reconcile() == []
