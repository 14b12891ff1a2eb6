"""Live vote counts over Server-Sent Events, for the htmx SSE extension.

A campaign page listens to `campaign:<slug>` and an entry page to `entry:<id>`; the votes
service publishes there (through Redis, so a vote on any app instance reaches every viewer).
A burst of votes is coalesced: the first change opens a short window, and when it closes only
the latest count of each entry goes out, so a stream carries at most a few messages a second.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from markupsafe import Markup, escape
from sse_starlette import EventSourceResponse, ServerSentEvent
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cocreate.http import current_user, deps
from cocreate.realtime import Broker
from cocreate.services import campaigns, entries

COALESCE_SECONDS = 0.4
PING_SECONDS = 15


def count_html(count: int) -> str:
    """What the vote button's count shows (the same markup as _vote_button.html)."""
    word = "vote" if count == 1 else "votes"
    return str(Markup("{}<span class=\"sr-only\"> {}</span>").format(count, escape(word)))


async def coalesced_counts(broker: Broker, channel: str,
                           window: float = COALESCE_SECONDS) -> AsyncIterator[dict[str, int]]:
    """Batches of {entry_id: latest vote count}, at most one batch per `window`."""
    async with broker.subscribe(channel) as subscription:
        loop = asyncio.get_running_loop()
        while True:
            first = await subscription.next_within(PING_SECONDS)
            if first is None:
                continue
            latest = {first["entry_id"]: first["vote_count"]}
            closes = loop.time() + window
            while (left := closes - loop.time()) > 0:
                more = await subscription.next_within(left)
                if more is None:
                    break
                latest[more["entry_id"]] = more["vote_count"]
            yield latest


async def _stream(broker: Broker, channel: str) -> AsyncIterator[ServerSentEvent]:
    async for batch in coalesced_counts(broker, channel):
        for entry_id, count in batch.items():
            yield ServerSentEvent(data=count_html(count), event=f"votes-{entry_id}")


def _respond(request: Request, channel: str) -> Response:
    return EventSourceResponse(_stream(deps(request).realtime, channel), ping=PING_SECONDS,
                               headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})


async def campaign_live(request: Request) -> Response:
    found = await campaigns.view_campaign(current_user(request), request.path_params["campaign"])
    return _respond(request, f"campaign:{found.slug}")


async def entry_live(request: Request) -> Response:
    found = await entries.view_entry(current_user(request), request.path_params["entry"])
    return _respond(request, f"entry:{found.id}")


ROUTES = [
    Route("/c/{campaign}/live", campaign_live, methods=["GET"]),
    Route("/e/{entry}/live", entry_live, methods=["GET"]),
]
