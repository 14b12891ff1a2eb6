"""Trending: recent votes weigh more than old ones, the order is read from a stored number,
pages follow a cursor, and the number always matches the votes behind it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cocreate.services.operations.reconcile import reconcile
from cocreate.services.voting import trending
from tests.people import launch_campaign, sign_up


def test_a_vote_counts_e_times_more_than_one_a_day_older():
    start = datetime(2027, 1, 1, tzinfo=UTC)
    today = trending.weight(start + timedelta(days=3), start)
    yesterday = trending.weight(start + timedelta(days=2), start)
    assert abs(today / yesterday - 2.718281828) < 1e-6
    # three votes two days ago weigh less than two votes today
    assert 3 * trending.weight(start + timedelta(days=1), start) < 2 * today


async def test_recent_votes_lift_an_entry_in_the_trending_order(client, make_client):
    manager = await sign_up(client, "Manager")
    campaign = await launch_campaign(manager, "What is hot")
    slug = campaign["slug"]
    author = await sign_up(make_client(), "Author")
    early = (await author.post(f"/campaigns/{slug}/entries", {"title": "Early"})).json()
    late = (await author.post(f"/campaigns/{slug}/entries", {"title": "Late"})).json()
    voters = [await sign_up(make_client(), f"Voter {n}") for n in range(3)]
    for entry in (early, late):  # the same votes, the later ones a moment later
        for voter in voters:
            await voter.put(f"/entries/{entry['id']}/vote")

    async def order(sort: str) -> list[str]:
        listed = await author.get(f"/campaigns/{slug}/entries", params={"sort": sort})
        return [e["title"] for e in listed.json()["entries"]]

    assert await order("top") == ["Early", "Late"]  # a tie: earlier first
    assert await order("trending") == ["Late", "Early"]  # a tie in votes: fresher first
    first_page = (await author.get(f"/campaigns/{slug}/entries",
                                   params={"sort": "trending", "limit": 1})).json()
    second_page = (await author.get(f"/campaigns/{slug}/entries", params={
        "sort": "trending", "limit": 1, "cursor": first_page["next_cursor"]})).json()
    assert [e["title"] for e in first_page["entries"] + second_page["entries"]] == [
        "Late", "Early"]

    await voters[0].delete(f"/entries/{late['id']}/vote")
    assert await order("trending") == ["Early", "Late"]
    page = await author.client.get(f"/c/{slug}?sort=trending")
    assert 'aria-current="page">Trending' in page.text
    assert [d for d in await reconcile() if d.counter == "entries.trend"] == []
