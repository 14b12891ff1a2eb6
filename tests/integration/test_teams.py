"""Team challenges: forming a team by invite link or request, the captain's powers, size
limits and one team per person (also under concurrent joins), and team entries whose every
member is a co-author."""

from __future__ import annotations

import asyncio
from typing import Any

from cocreate.models import Award, Team, TeamMember, User
from tests.people import Person, sign_up


async def _team_challenge(manager: Person, **settings: Any) -> dict[str, Any]:
    org = await manager.post("/orgs", {"name": f"Teamworks {manager.handle}", "kind": "brand"})
    created = await manager.post(f"/orgs/{org.json()['slug']}/campaigns", {
        "title": "Build a float for the parade", "kind": "team", "description": "Together!",
        **settings,
    })
    assert created.status_code == 201, created.text
    return created.json()


def _code(team: dict[str, Any]) -> str:
    return team["invite_url"].rsplit("/", 1)[1]


async def test_a_team_forms_submits_and_shares_the_credit(client, make_client):
    manager = await sign_up(client, "Manager")
    ana, ben, cy, dee = [await sign_up(make_client(), name) for name in ("Ana", "Ben", "Cy", "Dee")]
    campaign = await _team_challenge(manager, team_min_size=2, team_max_size=3)
    slug = campaign["slug"]
    assert (campaign["team_min_size"], campaign["team_max_size"]) == (2, 3)

    alone = await ana.post(f"/campaigns/{slug}/entries", {"title": "Dragon float"})
    assert alone.status_code == 403 and "create or join a team" in alone.json()["error"]["message"]
    owls = await ana.post(f"/campaigns/{slug}/teams", {"name": "Owls"})
    assert owls.status_code == 201, owls.text
    team = owls.json()
    assert team["captain"]["handle"] == ana.handle and team["invite_url"]
    assert not team["can_submit"]
    too_small = await ana.post(f"/campaigns/{slug}/entries", {"title": "Dragon float"})
    assert too_small.status_code == 403 and "needs 1 more member" in too_small.text
    public = (await cy.get(f"/teams/{team['id']}")).json()
    assert public["invite_url"] is None and public["requests"] == []

    joined = await ben.post("/teams/join", {"code": _code(team)})
    assert joined.status_code == 200 and joined.json()["member_count"] == 2
    second_team = await ben.post(f"/campaigns/{slug}/teams", {"name": "Bens"})
    assert second_team.status_code == 409

    asked = await cy.post(f"/teams/{team['id']}/requests")
    assert asked.status_code == 201
    not_captain = await ben.post(f"/teams/{team['id']}/requests/{asked.json()['id']}",
                                 {"accept": True})
    assert not_captain.status_code == 403
    pending = (await ana.get(f"/teams/{team['id']}")).json()["requests"]
    assert [r["user"]["handle"] for r in pending] == [cy.handle]
    accepted = await ana.post(f"/teams/{team['id']}/requests/{asked.json()['id']}",
                              {"accept": True})
    assert accepted.json()["member_count"] == 3

    full = await dee.post("/teams/join", {"code": _code(team)})
    assert full.status_code == 409 and "full" in full.json()["error"]["message"]
    removed = await ana.delete(f"/teams/{team['id']}/members/{cy.handle}")
    assert removed.json()["member_count"] == 2
    assert (await dee.post("/teams/join", {"code": _code(team)})).status_code == 200

    handed = await ana.post(f"/teams/{team['id']}/captain", {"handle": ben.handle})
    assert handed.json()["captain"]["handle"] == ben.handle
    stays = await ben.delete(f"/teams/{team['id']}/members/{ben.handle}")
    assert stays.status_code == 409  # a captain hands over before leaving

    entry = await dee.post(f"/campaigns/{slug}/entries", {"title": "Dragon float"})
    assert entry.status_code == 201, entry.text
    assert entry.json()["team"]["name"] == "Owls"
    again = await ana.post(f"/campaigns/{slug}/entries", {"title": "Second float"})
    assert again.status_code == 409
    members = {ana.handle, ben.handle, dee.handle}
    credited = await Award.filter(entry_id=entry.json()["id"], badge="contributor") \
        .values_list("user__handle", flat=True)
    assert set(credited) == members

    own = await ben.put(f"/entries/{entry.json()['id']}/vote")
    assert own.status_code == 403
    assert (await cy.put(f"/entries/{entry.json()['id']}/vote")).json()["vote_count"] == 1
    shown = (await cy.get(f"/campaigns/{slug}/teams")).json()["teams"]
    assert shown[0]["entry_id"] == entry.json()["id"] and not shown[0]["can_submit"]


async def test_concurrent_joins_never_overfill_a_team(client, make_client):
    manager = await sign_up(client, "Manager")
    captain = await sign_up(make_client(), "Captain")
    campaign = await _team_challenge(manager, team_min_size=1, team_max_size=3)
    team = (await captain.post(f"/campaigns/{campaign['slug']}/teams", {"name": "Rush"})).json()
    crowd = await asyncio.gather(*(sign_up(make_client(), f"Joiner {n}") for n in range(10)))
    answers = await asyncio.gather(*(p.post("/teams/join", {"code": _code(team)})
                                     for p in crowd))
    assert sorted(a.status_code for a in answers) == [200, 200] + [409] * 8
    stored = await Team.get(id=team["id"])
    assert stored.member_count == 3 == await TeamMember.filter(team_id=team["id"]).count()


async def test_one_person_joining_two_teams_at_once_ends_up_in_one(client, make_client):
    manager = await sign_up(client, "Manager")
    campaign = await _team_challenge(manager, team_min_size=1, team_max_size=5)
    captains = [await sign_up(make_client(), f"Captain {n}") for n in range(2)]
    codes = [_code((await c.post(f"/campaigns/{campaign['slug']}/teams",
                                 {"name": f"Team {n}"})).json())
             for n, c in enumerate(captains)]
    torn = await sign_up(make_client(), "Torn")
    answers = await asyncio.gather(*(torn.post("/teams/join", {"code": c}) for c in codes))
    assert sorted(a.status_code for a in answers) == [200, 409]
    person = await User.get(handle=torn.handle)
    assert await TeamMember.filter(user=person).count() == 1
    counts = await Team.filter(campaign__slug=campaign["slug"]).values_list(
        "member_count", flat=True)
    assert sorted(counts) == [1, 2]  # the refused join gave its place back


async def test_teams_belong_to_team_challenges_only(client, make_client):
    manager = await sign_up(client, "Manager")
    fan = await sign_up(make_client(), "Fan")
    org = await manager.post("/orgs", {"name": f"Solo {manager.handle}", "kind": "brand"})
    idea = await manager.post(f"/orgs/{org.json()['slug']}/campaigns", {
        "title": "Solo ideas", "kind": "idea", "description": "Just you."})
    refused = await fan.post(f"/campaigns/{idea.json()['slug']}/teams", {"name": "Nope"})
    assert refused.status_code == 422
    bad_sizes = await manager.post(f"/orgs/{org.json()['slug']}/campaigns", {
        "title": "Odd teams", "kind": "team", "description": "Hmm",
        "team_min_size": 4, "team_max_size": 2})
    assert bad_sizes.status_code == 422 and "team_max_size" in bad_sizes.text
    assert (await fan.post("/teams/join", {"code": "not-a-code"})).status_code == 404
