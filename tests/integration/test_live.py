"""Live vote counts: a vote cast through one app process reaches a page watching through
another within a second (Redis pub/sub, Server-Sent Events), and bursts are coalesced."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta

import httpx

from cocreate.doors.realtime import InProcessBroker, RedisBroker
from cocreate.web.live import coalesced, count_html, viewers_html
from tests import services
from tests.people import launch_campaign, sign_up


async def test_a_burst_of_votes_becomes_one_message_per_window():
    broker = InProcessBroker()
    async with broker.subscribe("campaign:c") as subscription:
        batches = coalesced(subscription, window=0.3)
        first = asyncio.ensure_future(anext(batches))
        for count in range(1, 51):
            await broker.publish("campaign:c", {"event": "vote_count", "entry_id": "a",
                                                "vote_count": count})
            await broker.publish("campaign:c", {"event": "vote_count", "entry_id": "b",
                                                "vote_count": 100 - count})
        await broker.publish("campaign:c", {"event": "viewers", "count": 3})
        assert await asyncio.wait_for(first, 2) == {
            "votes-a": count_html(50), "votes-b": count_html(50), "viewers": viewers_html(3)}
        await batches.aclose()


def test_the_count_markup_matches_the_vote_button():
    assert count_html(1) == '1<span class="sr-only"> vote</span>'
    assert count_html(7) == '7<span class="sr-only"> votes</span>'
    assert viewers_html(1) == "1 person watching now"


async def test_viewers_are_counted_once_each_across_instances(redis_url):
    one, two = RedisBroker(redis_url), RedisBroker(redis_url)
    try:
        assert await one.mark_watching("campaign:w", "viewer-a") == 1
        assert await two.mark_watching("campaign:w", "viewer-b") == 2
        assert await two.mark_watching("campaign:w", "viewer-b") == 2  # still there, once
        assert await one.stop_watching("campaign:w", "viewer-a") == 1
    finally:
        await one.close()
        await two.close()
    local = InProcessBroker()
    assert await local.mark_watching("entry:x", "v1") == 1
    assert await local.stop_watching("entry:x", "v1") == 0



async def test_a_vote_on_one_instance_reaches_the_stream_of_another(settings_env, worker):
    ports = [services.free_port(), services.free_port()]
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    with services.cocreate_process(["serve", "--port", str(ports[0])],
                                   {**settings_env, "BASE_URL": bases[0]},
                                   ready_url=f"{bases[0]}/healthz"), \
            services.cocreate_process(["serve", "--port", str(ports[1])],
                                      {**settings_env, "BASE_URL": bases[1]},
                                      ready_url=f"{bases[1]}/healthz"):
        async with httpx.AsyncClient(base_url=bases[0]) as first, \
                httpx.AsyncClient(base_url=bases[1], timeout=10) as second:
            manager = await sign_up(first, "Manager")
            campaign = await launch_campaign(manager, "Live votes")
            author = await sign_up(first, "Author")
            entry = (await author.post(f"/campaigns/{campaign['slug']}/entries",
                                       {"title": "Watch me"})).json()
            voter = await sign_up(first, "Voter")
            async with second.stream("GET", f"/c/{campaign['slug']}/live") as stream:
                assert stream.headers["content-type"].startswith("text/event-stream")
                lines = stream.aiter_lines()
                await asyncio.sleep(0.5)  # the other instance is subscribed
                started = time.monotonic()
                voted = await voter.put(f"/entries/{entry['id']}/vote")
                assert voted.status_code == 200
                event = await asyncio.wait_for(_next_event(lines, "votes-"), 1.5)
                waited = time.monotonic() - started
                _, top = await asyncio.wait_for(_next_event(lines, "top-ten"), 1.5)
                async with first.stream("GET", f"/e/{entry['id']}/live"), \
                        first.stream("GET", f"/c/{campaign['slug']}/live"):
                    counted = await asyncio.wait_for(_until(lines, "2 people watching now"), 3)
            assert counted
    assert event == (f"votes-{entry['id']}", '1<span class="sr-only"> vote</span>')
    assert f'<a href="/e/{entry["id"]}">Watch me</a>' in top and "1 vote" in top
    assert waited < 1.0, waited


async def _next_event(lines, prefix: str = "") -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The next event whose name starts with `prefix`."""
    name = data = None
    async for line in lines:
        if line.startswith("event:"):
            name = line.removeprefix("event:").strip()
        elif line.startswith("data:"):
            data = line.removeprefix("data:").strip()
        elif line == "":
            if name and data is not None and name.startswith(prefix):
                return name, data
            name = data = None
    raise AssertionError("the stream ended")


async def _until(lines, html: str) -> bool:  # type: ignore[no-untyped-def]
    """Read viewers events until one says `html`."""
    while True:
        _, data = await _next_event(lines, "viewers")
        if data == html:
            return True


async def test_winners_are_revealed_to_everyone_watching_when_results_are_due(
        settings_env, worker):
    port = services.free_port()
    base = f"http://127.0.0.1:{port}"
    with services.cocreate_process(["serve", "--port", str(port)],
                                   {**settings_env, "BASE_URL": base},
                                   ready_url=f"{base}/healthz"):
        async with httpx.AsyncClient(base_url=base, timeout=10) as http:
            manager = await sign_up(http, "Manager")
            campaign = await launch_campaign(manager, "The big reveal")
            slug = campaign["slug"]
            fan = await sign_up(http, "Future winner")
            entry = (await fan.post(f"/campaigns/{slug}/entries", {"title": "Golden idea"})).json()
            prize = (await manager.put(f"/campaigns/{slug}/prizes", {"prizes": [
                {"rank": 1, "title": "Grand prize"}]})).json()["prizes"][0]
            await manager.post(f"/campaigns/{slug}/phase", {"phase": "judging"})
            await manager.post(f"/campaigns/{slug}/winners",
                               {"prize_id": prize["id"], "entry_id": entry["id"]})
            page = await http.get(f"/c/{slug}")
            empty_slot = '<div class="reveal" sse-swap="reveal" aria-live="polite"></div>'
            assert empty_slot in page.text and 'id="winners-title"' not in page.text
            async with http.stream("GET", f"/c/{slug}/live") as stream:
                lines = stream.aiter_lines()
                await asyncio.sleep(0.5)
                due = (datetime.now(UTC) + timedelta(seconds=2)).isoformat()
                scheduled = await manager.patch(f"/campaigns/{slug}", {"results_at": due})
                assert scheduled.json()["next_phase"] == "results"
                _, reveal = await asyncio.wait_for(_next_event(lines, "reveal"), 10)
    assert "Grand prize" in reveal and "Golden idea" in reveal and "Future winner" in reveal
