"""Velocity rules: a cluster of new accounts voting from one network is held out of the
public total until a manager accepts or voids it; voided votes stay in the ledger, marked."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import httpx

from cocreate.models import AuditEvent, User, Vote, VoteBudget
from cocreate.services.operations.reconcile import reconcile
from tests.browser import Browser, new_client
from tests.people import PASSWORD, Person, launch_campaign, sign_up


@asynccontextmanager
async def network(app, prefix: str) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    """A client on one network, say a single office or a farm of phones."""
    transport = httpx.ASGITransport(app=app, client=(f"{prefix}.77", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def _voters(make_client, count: int, *, days_old: int = 0) -> list[Person]:  # type: ignore[no-untyped-def]
    """People who signed up (each from their own address), `days_old` days ago."""
    people = [await sign_up(make_client(), f"Voter {n}") for n in range(count)]
    if days_old:
        await User.filter(handle__in=[p.handle for p in people]).update(
            created_at=datetime.now(UTC) - timedelta(days=days_old))
    return people


async def _idea(manager: Person, author: Person, **settings: object) -> tuple[str, str]:
    campaign = await launch_campaign(manager, "Held votes")
    if settings:
        changed = await manager.patch(f"/campaigns/{campaign['slug']}", settings)
        assert changed.status_code == 200, changed.text
    entry = await author.post(f"/campaigns/{campaign['slug']}/entries", {"title": "Mine"})
    return campaign["slug"], entry.json()["id"]


async def test_new_accounts_voting_from_one_network_are_held_until_a_manager_decides(
        app, client, make_client):
    manager = await sign_up(client, "Manager")
    slug, entry = await _idea(manager, await sign_up(make_client(), "Author"))
    farm = await _voters(make_client, 6)
    async with network(app, "203.0.113") as office:
        counts = [(await dataclasses.replace(v, client=office).put(f"/entries/{entry}/vote")
                   ).json()["vote_count"] for v in farm]
    # The first five count; the sixth shows the cluster, and all six leave the total.
    assert counts == [1, 2, 3, 4, 5, 0]
    assert (await manager.get(f"/entries/{entry}")).json()["vote_count"] == 0
    assert await reconcile() == []

    held = (await manager.get(f"/campaigns/{slug}/held-votes")).json()
    (group,) = held["groups"]
    assert group["reason"] == ("6 accounts less than 24 hours old voted for this entry from "
                               "network 203.0.113.0/24 within 10 minutes")
    assert sorted(v["voter"]["handle"] for v in group["votes"]) == sorted(
        v.handle for v in farm)
    ids = [v["id"] for v in group["votes"]]

    outsider = await farm[0].post(f"/campaigns/{slug}/held-votes/review",
                                  {"vote_ids": ids, "decision": "accept"})
    assert outsider.status_code == 403
    unclear = await manager.post(f"/campaigns/{slug}/held-votes/review",
                                 {"vote_ids": ids, "decision": "maybe"})
    assert unclear.status_code == 422

    accepted = await manager.post(f"/campaigns/{slug}/held-votes/review",
                                  {"vote_ids": ids[:4], "decision": "accept"})
    voided = await manager.post(f"/campaigns/{slug}/held-votes/review",
                                {"vote_ids": ids[4:], "decision": "void"})
    again = await manager.post(f"/campaigns/{slug}/held-votes/review",
                               {"vote_ids": ids, "decision": "void"})
    assert [r.json()["changed"] for r in (accepted, voided, again)] == [4, 2, 0]
    assert (await manager.get(f"/entries/{entry}")).json()["vote_count"] == 4
    statuses = sorted(await Vote.filter(entry_id=entry).values_list("status", flat=True))
    assert statuses == ["counted"] * 4 + ["voided"] * 2  # voided votes stay, marked
    assert await AuditEvent.filter(action__in=("votes.accept", "votes.void")).count() >= 2

    # Accepted votes are never held again; one more newcomer from the farm is.
    late = (await _voters(make_client, 1))[0]
    async with network(app, "203.0.113") as office:
        answer = await dataclasses.replace(late, client=office).put(f"/entries/{entry}/vote")
    assert answer.json()["vote_count"] == 4
    assert (await Vote.get(user__handle=late.handle)).status == "held"

    # Taking back a voided vote changes nothing: it stays on record.
    voided_handle = (await Vote.get(id=ids[5]).select_related("user")).user.handle
    voided_voter = next(v for v in farm if v.handle == voided_handle)
    await voided_voter.delete(f"/entries/{entry}/vote")
    assert await Vote.filter(id=ids[5], status="voided").exists()
    assert await reconcile() == []


async def test_established_accounts_and_separate_networks_count_at_once(app, client, make_client):
    manager = await sign_up(client, "Manager")
    _, entry = await _idea(manager, await sign_up(make_client(), "Author"))
    regulars = await _voters(make_client, 7, days_old=30)
    async with network(app, "198.51.100") as cafe:
        for regular in regulars:
            await dataclasses.replace(regular, client=cafe).put(f"/entries/{entry}/vote")
    newcomers = await _voters(make_client, 7)
    for n, newcomer in enumerate(newcomers):
        async with network(app, f"192.0.{n}") as home:
            await dataclasses.replace(newcomer, client=home).put(f"/entries/{entry}/vote")
    assert (await manager.get(f"/entries/{entry}")).json()["vote_count"] == 14
    assert not await Vote.filter(entry_id=entry, status="held").exists()


async def test_a_voided_vote_gives_the_budget_back(app, client, make_client):
    manager = await sign_up(client, "Manager")
    slug, entry = await _idea(manager, await sign_up(make_client(), "Author"),
                              voting_mode="budget", vote_budget=2)
    farm = await _voters(make_client, 6)
    async with network(app, "203.0.113") as office:
        for voter in farm:
            left = (await dataclasses.replace(voter, client=office).put(f"/entries/{entry}/vote")
                    ).json()["votes_left"]
            assert left == 1  # a held vote still uses the budget
    ids = [v["id"] for v in (await manager.get(f"/campaigns/{slug}/held-votes")).json()
           ["groups"][0]["votes"]]
    await manager.post(f"/campaigns/{slug}/held-votes/review", {"vote_ids": ids,
                                                                "decision": "void"})
    assert set(await VoteBudget.filter(user__handle__in=[v.handle for v in farm])
               .values_list("used", flat=True)) == {0}
    assert await reconcile() == []


async def test_a_manager_reviews_held_votes_on_a_page(app, make_client):
    async with new_client(app) as browser_client:
        manager = await sign_up(make_client(), "Page manager")
        browser = Browser(browser_client)
        await browser.get("/login")
        logged_in = await browser.post("/login", {"email": manager.email, "password": PASSWORD})
        assert logged_in.status_code == 303
        slug, entry = await _idea(manager, await sign_up(make_client(), "Author"))
        farm = await _voters(make_client, 6)
        async with network(app, "203.0.113") as office:
            for voter in farm:
                await dataclasses.replace(voter, client=office).put(f"/entries/{entry}/vote")
        manage = await browser.get(f"/c/{slug}/manage")
        assert 'href="/c/' + slug + '/votes/held">Held votes' in manage.text
        listing = await browser.get(f"/c/{slug}/votes/held")
        assert "6 accounts less than 24 hours old" in listing.text
        ids = await Vote.filter(entry_id=entry).values_list("id", flat=True)
        form = {"csrf_token": browser.csrf, "decision": "accept", "vote": list(ids)}
        done = await browser_client.post(f"/c/{slug}/votes/held", data=form)
        assert done.status_code == 303
        assert "Accepted 6 vote(s)." in (await browser.get(done.headers["location"])).text
        assert (await manager.get(f"/entries/{entry}")).json()["vote_count"] == 6
        nothing = await browser.post(f"/c/{slug}/votes/held", {"decision": "void"}, htmx=True)
        assert nothing.status_code == 422 and "Pick from 1 to" in nothing.text
    async with new_client(app) as other:
        fan = Browser(other)
        await fan.sign_up("Curious fan")
        assert (await fan.get(f"/c/{slug}/votes/held")).status_code == 403
