"""Pub/sub for live updates: Redis when configured, so a message published by one app instance
reaches subscribers on every instance; in-process otherwise.

Publishing never fails the caller: a live update is a courtesy, the database is the truth.
Each subscriber has a small bounded queue; a slow reader loses the oldest messages, never
blocks the publisher. Subscribing while Redis is down raises ServiceUnavailable, so a stream
can tell its reader to come back later instead of hanging silent.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any, Protocol

import redis.asyncio

from cocreate.lib.errors import ServiceUnavailable
from cocreate.settings import Settings

log = logging.getLogger(__name__)

Message = dict[str, Any]
QUEUE_SIZE = 64
REDIS_PREFIX = "cocreate:live:"
WATCH_PREFIX = "cocreate:watching:"
REDIS_TIMEOUT_SECONDS = 2.0


class Subscription:
    """Messages of one channel for one subscriber, in order, as an async iterator."""

    def __init__(self, channel: str) -> None:
        self.channel = channel
        self.queue: asyncio.Queue[Message] = asyncio.Queue(QUEUE_SIZE)

    def offer(self, message: Message) -> None:
        if self.queue.full():
            self.queue.get_nowait()
        self.queue.put_nowait(message)

    async def next_within(self, seconds: float) -> Message | None:
        """The next message, or None when `seconds` pass without one."""
        try:
            return await asyncio.wait_for(self.queue.get(), seconds)
        except TimeoutError:
            return None

    def __aiter__(self) -> AsyncIterator[Message]:
        return self

    async def __anext__(self) -> Message:
        return await self.queue.get()


class _LocalHub:
    """Fans a message out to this process's subscribers of its channel."""

    def __init__(self) -> None:
        self.subscriptions: dict[str, set[Subscription]] = defaultdict(set)

    def add(self, channel: str) -> tuple[Subscription, bool]:
        """A new subscription, and whether it is the channel's first in this process."""
        subscription = Subscription(channel)
        first = not self.subscriptions[channel]
        self.subscriptions[channel].add(subscription)
        return subscription, first

    def remove(self, subscription: Subscription) -> bool:
        """Drop a subscription; True when its channel has no subscribers left here."""
        subscribers = self.subscriptions.get(subscription.channel, set())
        subscribers.discard(subscription)
        if subscribers:
            return False
        self.subscriptions.pop(subscription.channel, None)
        return True

    def deliver(self, channel: str, message: Message) -> None:
        for subscription in list(self.subscriptions.get(channel, ())):
            subscription.offer(message)


class Broker(Protocol):
    """Publish and subscribe to channels, and count who is watching one."""

    async def start(self) -> None: ...
    async def close(self) -> None: ...
    async def available(self) -> bool: ...
    async def publish(self, channel: str, message: Message) -> None: ...
    def subscribe(self, channel: str) -> contextlib.AbstractAsyncContextManager[Subscription]: ...
    async def mark_watching(self, channel: str, viewer: str) -> int: ...
    async def stop_watching(self, channel: str, viewer: str) -> int: ...


WATCH_SECONDS = 45  # a viewer who has not said they are still there for this long is gone


class _LocalPresence:
    """Who watches what in this process: viewer id -> when they stop counting."""

    def __init__(self) -> None:
        self.viewers: dict[str, dict[str, float]] = defaultdict(dict)

    def mark(self, channel: str, viewer: str, now: float) -> int:
        self.viewers[channel][viewer] = now + WATCH_SECONDS
        return self.count(channel, now)

    def remove(self, channel: str, viewer: str, now: float) -> int:
        self.viewers[channel].pop(viewer, None)
        return self.count(channel, now)

    def count(self, channel: str, now: float) -> int:
        alive = {v: until for v, until in self.viewers[channel].items() if until > now}
        self.viewers[channel] = alive
        if not alive:
            self.viewers.pop(channel, None)
        return len(alive)


class InProcessBroker:
    """The embedded default: subscribers in this process only."""

    def __init__(self) -> None:
        self.hub = _LocalHub()
        self.presence = _LocalPresence()

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        return None

    async def available(self) -> bool:
        return True

    async def publish(self, channel: str, message: Message) -> None:
        self.hub.deliver(channel, message)

    async def mark_watching(self, channel: str, viewer: str) -> int:
        """Count `viewer` as watching `channel` for a while; returns how many watch now."""
        return self.presence.mark(channel, viewer, time.time())

    async def stop_watching(self, channel: str, viewer: str) -> int:
        return self.presence.remove(channel, viewer, time.time())

    @contextlib.asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[Subscription]:
        subscription, _ = self.hub.add(channel)
        try:
            yield subscription
        finally:
            self.hub.remove(subscription)


class RedisBroker:
    """One Redis pub/sub connection per process, shared by all of its subscribers."""

    def __init__(self, url: str) -> None:
        self.client = redis.asyncio.Redis.from_url(
            url, socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            socket_timeout=REDIS_TIMEOUT_SECONDS)
        self.pubsub = self.client.pubsub(ignore_subscribe_messages=True)
        self.hub = _LocalHub()
        self._reader: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    async def start(self) -> None:
        self._reader = asyncio.create_task(self._read_forever(), name="realtime-reader")

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        with contextlib.suppress(Exception):
            await self.pubsub.aclose()
        await self.client.aclose()

    async def available(self) -> bool:
        """Whether Redis answers now (a stream opened while it does not cannot carry news)."""
        try:
            return bool(await self.client.ping())
        except Exception:
            return False

    async def publish(self, channel: str, message: Message) -> None:
        try:
            await self.client.publish(REDIS_PREFIX + channel, json.dumps(message))
        except Exception:
            log.warning("live update to %s not published: Redis unavailable", channel)

    async def mark_watching(self, channel: str, viewer: str) -> int:
        """Viewers of every instance, in one sorted set scored by when they stop counting."""
        return await self._presence(channel, viewer, add=True)

    async def stop_watching(self, channel: str, viewer: str) -> int:
        return await self._presence(channel, viewer, add=False)

    async def _presence(self, channel: str, viewer: str, add: bool) -> int:
        key, now = WATCH_PREFIX + channel, time.time()
        try:
            async with self.client.pipeline(transaction=True) as pipe:
                if add:
                    pipe.zadd(key, {viewer: now + WATCH_SECONDS})
                else:
                    pipe.zrem(key, viewer)
                pipe.zremrangebyscore(key, "-inf", now)
                pipe.zcard(key)
                pipe.expire(key, WATCH_SECONDS * 2)
                *_, count, _ = await pipe.execute()
            return int(count)
        except Exception:
            log.warning("viewer count of %s unavailable: Redis unavailable", channel)
            return 0

    @contextlib.asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[Subscription]:
        async with self._lock:
            subscription, first = self.hub.add(channel)
            if first:
                try:
                    await self.pubsub.subscribe(REDIS_PREFIX + channel)
                except Exception as error:
                    self.hub.remove(subscription)
                    log.warning("live updates of %s: Redis unavailable (%s)", channel,
                                type(error).__name__)
                    raise ServiceUnavailable("Live updates are not available right now.") \
                        from error
        try:
            yield subscription
        finally:
            async with self._lock:
                if self.hub.remove(subscription):
                    with contextlib.suppress(Exception):
                        await self.pubsub.unsubscribe(REDIS_PREFIX + channel)

    async def _read_forever(self) -> None:
        while True:
            if not self.pubsub.subscribed:
                await asyncio.sleep(0.05)
                continue
            try:
                raw = await self.pubsub.get_message(timeout=1.0)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("live updates: Redis connection lost; retrying")
                await asyncio.sleep(1.0)
                continue
            if raw is not None and raw.get("type") == "message":
                self._dispatch(raw["channel"], raw["data"])

    def _dispatch(self, channel: bytes | str, data: bytes | str) -> None:
        name = channel.decode() if isinstance(channel, bytes) else channel
        try:
            message = json.loads(data)
        except ValueError:
            log.warning("live updates: ignored a message that is not JSON on %s", name)
            return
        self.hub.deliver(name.removeprefix(REDIS_PREFIX), message)


def create_broker(settings: Settings) -> Broker:
    return RedisBroker(settings.redis_url) if settings.redis_url else InProcessBroker()
