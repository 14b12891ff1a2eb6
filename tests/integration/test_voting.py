"""One vote per person per entry, and the total always equals the ledger, under concurrency."""

from __future__ import annotations

import asyncio
import uuid

from cocreate.models import Entry, User, Vote
from cocreate.services.accounts import accounts
from tests.people import Person, launch_campaign, sign_up


async def _idea(client):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager)
    author = await sign_up(client, "Author")
    created = await author.post(f"/campaigns/{campaign['slug']}/entries", {"title": "Big idea"})
    return campaign, created.json()


async def test_fifty_people_voting_at_once_count_fifty(client, make_client):
    _, entry = await _idea(client)
    voters = await asyncio.gather(*(sign_up(make_client(), f"Voter {i}") for i in range(50)))
    responses = await asyncio.gather(*(v.put(f"/entries/{entry['id']}/vote") for v in voters))
    assert all(r.status_code == 200 for r in responses)
    stored = await Entry.get(id=entry["id"])
    assert stored.vote_count == 50 == await Vote.filter(entry_id=entry["id"]).count()


async def test_one_person_voting_fifty_times_at_once_counts_once(client):
    _, entry = await _idea(client)
    voter = await sign_up(client, "Eager")
    responses = await asyncio.gather(*(voter.put(f"/entries/{entry['id']}/vote")
                                       for _ in range(50)))
    assert {r.json()["vote_count"] for r in responses} <= {1}
    stored = await Entry.get(id=entry["id"])
    assert stored.vote_count == 1 == await Vote.filter(entry_id=entry["id"]).count()


async def test_voting_and_withdrawing_at_once_keeps_total_equal_to_ledger(client, make_client):
    _, entry = await _idea(client)
    voters = await asyncio.gather(*(sign_up(make_client(), f"Flip {i}") for i in range(20)))
    actions = [v.put(f"/entries/{entry['id']}/vote") for v in voters]
    actions += [v.delete(f"/entries/{entry['id']}/vote") for v in voters[::2]]
    await asyncio.gather(*actions)
    stored = await Entry.get(id=entry["id"])
    assert stored.vote_count == await Vote.filter(entry_id=entry["id"]).count()


async def test_gallery_sorts_by_top_and_new_with_cursor_pages(client):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager)
    author = await sign_up(client, "Prolific")
    ids = []
    for n in range(5):
        created = await author.post(f"/campaigns/{campaign['slug']}/entries",
                                    {"title": f"Idea number {n}"})
        ids.append(created.json()["id"])
    fans = await asyncio.gather(*(sign_up(client, f"Fan {i}") for i in range(3)))
    for fan in fans:
        await fan.put(f"/entries/{ids[3]}/vote")
    await fans[0].put(f"/entries/{ids[1]}/vote")

    async def all_pages(sort: str) -> list[str]:
        seen, cursor = [], None
        while True:
            params = {"sort": sort, "limit": "2", **({"cursor": cursor} if cursor else {})}
            page = (await client.get(f"/api/v1/campaigns/{campaign['slug']}/entries",
                                     params=params)).json()
            seen += [e["id"] for e in page["entries"]]
            cursor = page["next_cursor"]
            if not cursor:
                return seen

    assert await all_pages("top") == [ids[3], ids[1], ids[0], ids[2], ids[4]]
    assert await all_pages("new") == list(reversed(ids))
    bad = await client.get(f"/api/v1/campaigns/{campaign['slug']}/entries",
                           params={"sort": "random"})
    assert bad.status_code == 422


async def test_a_storm_of_three_hundred_requests_keeps_every_total_equal_to_its_ledger(
        client, make_client):
    """150 people, each voting twice at once and some taking a vote back, all simultaneous."""
    campaign, entry = await _idea(client)
    author = await sign_up(client, "Second author")
    other = (await author.post(f"/campaigns/{campaign['slug']}/entries",
                               {"title": "Second idea"})).json()
    people = []
    for n in range(150):  # stored directly: the storm is about votes, not signing up
        key = uuid.uuid4().hex[:12]
        user = await User.create(handle=f"s-{key}", email=f"{key}@example.test",
                                 password_hash="not-used", display_name=f"Storm {n}")
        token = await accounts.issue_token(user, "api", days=None)
        people.append(Person(make_client(), user.email, user.handle, token))
    requests = [p.put(f"/entries/{entry['id']}/vote") for p in people]
    requests += [p.put(f"/entries/{other['id']}/vote") for p in people[:100]]
    requests += [p.delete(f"/entries/{other['id']}/vote") for p in people[:50]]
    responses = await asyncio.gather(*requests)
    assert all(r.status_code == 200 for r in responses), {r.status_code for r in responses}
    for entry_id in (entry["id"], other["id"]):
        stored = await Entry.get(id=entry_id)
        assert stored.vote_count == await Vote.filter(entry_id=entry_id).count()
    assert (await Entry.get(id=entry["id"])).vote_count == 150
