"""Live vote counts over Server-Sent Events, for the htmx SSE extension.

A campaign page listens to `campaign:<slug>` and an entry page to `entry:<id>`; the votes
service publishes there (through Redis, so a vote on any app instance reaches every viewer).
A burst of votes is coalesced: the first change opens a short window, and when it closes only
the latest count of each entry goes out, so a stream carries at most a few messages a second.
Each open stream also counts as one viewer ("12 people watching now"), across instances.
While Redis is down a stream cannot carry news: the reader is told to come back later (503
with Retry-After, and an SSE `retry:` for readers that look at the body), never left hanging.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import anyio
from markupsafe import Markup, escape
from sse_starlette import EventSourceResponse, ServerSentEvent
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.doors.realtime import Broker, Message, Subscription
from cocreate.http import current_user, deps
from cocreate.lib.errors import ServiceUnavailable
from cocreate.lib.ids import new_id
from cocreate.services.campaigns import campaigns, fundraisers
from cocreate.services.entries import entries
from cocreate.services.fundraising import gifts
from cocreate.services.judging import prizes
from cocreate.templating import render_fragment

COALESCE_SECONDS = 0.4
PING_SECONDS = 15
RETRY_SECONDS = 5  # how long a reader waits before reconnecting while live updates are down


def count_html(count: int) -> str:
    """What the vote button's count shows (the same markup as _vote_button.html)."""
    word = "vote" if count == 1 else "votes"
    return str(Markup("{}<span class=\"sr-only\"> {}</span>").format(count, escape(word)))


def viewers_html(count: int) -> str:
    return f"{count} {'person' if count == 1 else 'people'} watching now"


def as_event(message: Message) -> tuple[str, str] | None:
    """The SSE event (name, HTML) a broker message becomes, or None for others."""
    if message.get("event") == "vote_count":
        return f"votes-{message['entry_id']}", count_html(int(message["vote_count"]))
    if message.get("event") == "viewers":
        return "viewers", viewers_html(int(message["count"]))
    if message.get("event") == "phase":
        return "phase", str(message["phase"])
    if message.get("event") == "comment":  # readers of the thread fetch the new comments
        return "comments", "new"
    if message.get("event") == "gift":  # a fundraiser's totals moved: see campaign_live
        return "gift", str(message.get("status", ""))
    return None


async def coalesced(subscription: Subscription, window: float = COALESCE_SECONDS,
                    idle: float = PING_SECONDS) -> AsyncIterator[dict[str, str]]:
    """Batches of {event name: latest HTML}, at most one per `window`; {} after `idle`
    seconds without news (the caller's cue to say it is still watching)."""
    loop = asyncio.get_running_loop()
    while True:
        first = await subscription.next_within(idle)
        if first is None:
            yield {}
            continue
        latest = dict(filter(None, [as_event(first)]))
        closes = loop.time() + window
        while (left := closes - loop.time()) > 0:
            more = await subscription.next_within(left)
            if more is None:
                break
            latest.update(filter(None, [as_event(more)]))
        if latest:
            yield latest


Extra = Callable[[dict[str, str]], Awaitable[list[ServerSentEvent]]]


async def _stream(broker: Broker, channel: str, extra: Extra | None = None
                  ) -> AsyncIterator[ServerSentEvent]:
    """Vote counts and the viewers count of one channel, plus what `extra` makes of each
    batch; this viewer counts while connected. Ends with a `retry:` when Redis goes away."""
    viewer = new_id()
    try:
        async with broker.subscribe(channel) as subscription:
            watching = await broker.mark_watching(channel, viewer)
            await broker.publish(channel, {"event": "viewers", "count": watching})
            try:
                async for batch in coalesced(subscription):
                    if not batch:  # quiet for a while: still here, and some may have gone
                        watching = await broker.mark_watching(channel, viewer)
                        await broker.publish(channel, {"event": "viewers", "count": watching})
                    for name, html in batch.items():
                        yield ServerSentEvent(data=html, event=name)
                    for event in await extra(batch) if extra and batch else []:
                        yield event
            finally:
                with anyio.CancelScope(shield=True):
                    left = await broker.stop_watching(channel, viewer)
                    await broker.publish(channel, {"event": "viewers", "count": left})
    except ServiceUnavailable:  # Redis went away between the check and the subscription
        yield ServerSentEvent(retry=RETRY_SECONDS * 1000, comment="live updates unavailable")


def _retry_later() -> Response:
    """503 with Retry-After; the body repeats it in SSE words (`retry:` in milliseconds)."""
    return Response(f": live updates unavailable\nretry: {RETRY_SECONDS * 1000}\n\n",
                    status_code=503, media_type="text/event-stream",
                    headers={"Retry-After": str(RETRY_SECONDS), "Cache-Control": "no-store"})


async def _respond(request: Request, channel: str, extra: Extra | None = None) -> Response:
    broker = deps(request).realtime
    if not await broker.available():
        return _retry_later()
    return EventSourceResponse(_stream(broker, channel, extra),
                               ping=PING_SECONDS,
                               headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


async def campaign_live(request: Request) -> Response:
    viewer = current_user(request)
    found = await campaigns.view_campaign(viewer, request.path_params["campaign"])

    def fragment(name: str, context: dict[str, Any]) -> str:
        return " ".join(render_fragment(request, name, context).split())

    async def extra(batch: dict[str, str]) -> list[ServerSentEvent]:
        """The top ten when votes moved; the winners when the results come out; a
        fundraiser's progress and supporters when a gift succeeded or was refunded."""
        events = []
        if "gift" in batch and found.kind == fundraisers.KIND:
            fresh = await campaigns.get_campaign(found.slug)
            events.append(ServerSentEvent(data=fragment("partials/_fundraiser_progress.html", {
                "progress": await fundraisers.current_progress(fresh)}), event="progress"))
            events.append(ServerSentEvent(data=fragment("partials/_supporters.html", {
                "supporters": await gifts.supporters(fresh), "public_name": gifts.public_name,
            }), event="supporters"))
        if any(name.startswith("votes-") for name in batch):
            top = await entries.leaderboard(found.slug, limit=10, viewer=viewer)
            events.append(ServerSentEvent(
                data=fragment("partials/_top_ten.html", {"top": top}), event="top-ten"))
        if batch.get("phase") == "results":
            fresh = await campaigns.get_campaign(found.slug)
            winners = await prizes.winners(None, fresh)
            events.append(ServerSentEvent(
                data=fragment("partials/_winners.html", {"winners": winners}), event="reveal"))
        return events

    return await _respond(request, f"campaign:{found.slug}", extra)


async def entry_live(request: Request) -> Response:
    found = await entries.view_entry(current_user(request), request.path_params["entry"])
    return await _respond(request, f"entry:{found.id}")


ROUTES = [
    Route("/c/{campaign:campaign_slug}/live", campaign_live, methods=["GET"]),
    Route("/e/{entry:id}/live", entry_live, methods=["GET"]),
]
