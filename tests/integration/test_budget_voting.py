"""Budget voting: each person has N votes for the whole campaign, one per entry at most, to
move freely while voting is open; never more, whatever arrives at once."""

from __future__ import annotations

import asyncio
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cocreate.lib.errors import Forbidden
from cocreate.models import User, Vote, VoteBudget
from cocreate.services.campaigns import campaigns
from cocreate.services.campaigns.campaigns import CampaignSettings
from cocreate.services.entries import entries
from cocreate.services.operations.reconcile import reconcile
from cocreate.services.orgs import orgs
from cocreate.services.voting import voting
from tests.people import Person, sign_up


async def _budget_campaign(manager: Person, budget: int, ideas: int) -> tuple[str, list[str]]:
    org = (await manager.post("/orgs", {"name": f"Budget {manager.handle}",
                                        "kind": "brand"})).json()["slug"]
    created = await manager.post(f"/orgs/{org}/campaigns", {
        "title": "Spend your votes", "kind": "idea", "description": "Choose well.",
        "voting_mode": "budget", "vote_budget": budget})
    assert created.status_code == 201, created.text
    assert created.json()["voting_mode"] == "budget"
    slug = created.json()["slug"]
    ids = [(await manager.post(f"/campaigns/{slug}/entries", {"title": f"Idea {n}"})).json()["id"]
           for n in range(ideas)]
    return slug, ids


async def test_a_fan_spends_and_moves_a_budget_of_votes(client, make_client):
    manager = await sign_up(client, "Manager")
    slug, (a, b, c) = await _budget_campaign(manager, budget=2, ideas=3)
    fan = await sign_up(make_client(), "Chooser")
    assert (await fan.put(f"/entries/{a}/vote")).json()["votes_left"] == 1
    assert (await fan.put(f"/entries/{a}/vote")).json()["votes_left"] == 1  # same vote again
    assert (await fan.put(f"/entries/{b}/vote")).json()["votes_left"] == 0
    refused = await fan.put(f"/entries/{c}/vote")
    assert refused.status_code == 403 and "used all 2 of your votes" in refused.text
    assert (await fan.delete(f"/entries/{a}/vote")).json()["votes_left"] == 1
    moved = await fan.put(f"/entries/{c}/vote")
    assert moved.status_code == 200 and moved.json()["votes_left"] == 0
    page = await fan.client.get(f"/c/{slug}", headers=fan.auth)
    assert page.status_code == 200
    locked = await manager.patch(f"/campaigns/{slug}", {"voting_mode": "upvote"})
    assert locked.status_code == 422 and "voting_mode" in locked.json()["error"]["fields"]
    assert await reconcile() == []


async def test_a_budget_holds_when_every_vote_arrives_at_once(client, make_client):
    manager = await sign_up(client, "Manager")
    _, ideas = await _budget_campaign(manager, budget=3, ideas=10)
    fan = await sign_up(make_client(), "Eager")
    answers = await asyncio.gather(*(fan.put(f"/entries/{e}/vote") for e in ideas))
    assert sorted(a.status_code for a in answers) == [200] * 3 + [403] * 7
    person = await User.get(handle=fan.handle)
    used = (await VoteBudget.get(user=person)).used
    assert used == 3 == await Vote.filter(user=person).count()


async def _person(name: str) -> User:
    key = uuid.uuid4().hex[:12]
    return await User.create(handle=f"b-{key}", email=f"{key}@example.test",
                             password_hash="not-used", display_name=name)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(st.tuples(st.integers(0, 1), st.integers(0, 3), st.booleans()),
                        min_size=1, max_size=20))
async def test_no_sequence_of_votes_exceeds_a_budget(app, actions):
    deps = app.state.deps
    manager = await _person("Manager")
    org = await orgs.create_org(manager, f"Budgets {uuid.uuid4().hex[:8]}", "brand")
    campaign = await campaigns.create_campaign(manager, org.slug, "idea", CampaignSettings(
        title="Budget property", description="Two votes each.", voting_mode="budget",
        vote_budget=2))
    ideas = [(await entries.submit(deps, manager, campaign.slug, f"Idea {n}", "")).id
             for n in range(4)]
    people = [await _person(f"Voter {n}") for n in range(2)]
    held: list[set[str]] = [set(), set()]
    for who, which, cast in actions:
        try:
            if cast:
                await voting.cast(deps, people[who], ideas[which])
                held[who].add(ideas[which])
            else:
                await voting.withdraw(deps, people[who], ideas[which])
                held[who].discard(ideas[which])
        except Forbidden:
            assert cast and len(held[who]) == 2 and ideas[which] not in held[who]
    for who, person in enumerate(people):
        votes = set(await Vote.filter(user=person).values_list("entry_id", flat=True))
        assert votes == held[who] and len(votes) <= 2
        budget = await VoteBudget.get_or_none(user=person)
        assert (budget.used if budget else 0) == len(votes)
