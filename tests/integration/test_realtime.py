"""Live updates: a message published on one app instance reaches subscribers on every other
instance through Redis, and in-process when there is no Redis."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from cocreate.doors.realtime import QUEUE_SIZE, InProcessBroker, RedisBroker
from tests.integration.test_voting import _idea
from tests.people import sign_up


@contextlib.asynccontextmanager
async def other_instance(redis_url: str) -> AsyncIterator[RedisBroker]:
    broker = RedisBroker(redis_url)
    await broker.start()
    try:
        yield broker
    finally:
        await broker.close()


async def test_a_message_published_on_one_instance_reaches_another(redis_url):
    async with other_instance(redis_url) as one, other_instance(redis_url) as two:
        async with two.subscribe("campaign:c1") as watching, two.subscribe("campaign:c1") as also:
            await one.publish("campaign:c1", {"event": "hello", "n": 1})
            assert await watching.next_within(1.0) == {"event": "hello", "n": 1}
            assert await also.next_within(1.0) == {"event": "hello", "n": 1}
        await one.publish("campaign:c1", {"event": "nobody listening"})
        assert not two.hub.subscriptions


async def test_subscribers_only_hear_their_own_channel(redis_url):
    async with (
        other_instance(redis_url) as broker,
        broker.subscribe("entry:a") as a,
        broker.subscribe("entry:b") as b,
    ):
        await broker.publish("entry:b", {"for": "b"})
        assert await b.next_within(1.0) == {"for": "b"}
        assert await a.next_within(0.2) is None


async def test_in_process_broker_delivers_without_redis():
    broker = InProcessBroker()
    async with broker.subscribe("entry:x") as watching:
        await broker.publish("entry:x", {"vote_count": 3})
        assert await watching.next_within(1.0) == {"vote_count": 3}
    assert not broker.hub.subscriptions


async def test_a_slow_reader_keeps_the_newest_messages_and_never_blocks_the_publisher():
    broker = InProcessBroker()
    async with broker.subscribe("entry:x") as slow:
        for n in range(QUEUE_SIZE + 10):
            await broker.publish("entry:x", {"n": n})
        assert (await slow.next_within(1.0)) == {"n": 10}


async def test_a_vote_is_announced_to_viewers_on_another_instance(client, redis_url):
    campaign, entry = await _idea(client)
    voter = await sign_up(client, "Voter")
    async with (
        other_instance(redis_url) as elsewhere,
        elsewhere.subscribe(f"entry:{entry['id']}") as entry_page,
        elsewhere.subscribe(f"campaign:{campaign['slug']}") as campaign_page,
    ):
        voted = await voter.put(f"/entries/{entry['id']}/vote")
        assert voted.status_code == 200
        expected = {"event": "vote_count", "entry_id": entry["id"], "vote_count": 1}
        assert await entry_page.next_within(1.0) == expected
        assert await campaign_page.next_within(1.0) == expected
        await voter.delete(f"/entries/{entry['id']}/vote")
        assert (await entry_page.next_within(1.0))["vote_count"] == 0
