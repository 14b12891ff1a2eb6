"""Rate limits per action and identity: Redis when configured, memory otherwise.

A limit never fails open. When Redis stops answering, each process counts in its own memory
(so a client gets at most the limit per process) and says so once in the log; it asks Redis
again every few seconds and goes back to it, saying so once, when it answers.
"""

from __future__ import annotations

import logging
import time

import redis.asyncio
from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter

from cocreate.lib.errors import RateLimited
from cocreate.settings import Settings

log = logging.getLogger(__name__)

RETRY_SECONDS = 5.0  # while Redis is down, how often one request tries it again
REDIS_TIMEOUT_SECONDS = 1.0  # a hung Redis must not hang the request that asks it


class Limiter:
    def __init__(self, settings: Settings) -> None:
        self.rules = {
            "login": parse(settings.rate_limit_login),
            "signup": parse(settings.rate_limit_signup),
            "votes": parse(settings.rate_limit_votes),
            "votes_ip": parse(settings.rate_limit_votes_per_ip),
            "uploads": parse(settings.rate_limit_uploads),
            "submissions": parse(settings.rate_limit_submissions),
            "comments": parse(settings.rate_limit_comments),
            "moderation": parse(settings.rate_limit_moderation),
            "ambassadors": parse(settings.rate_limit_ambassadors),
            "tags": parse(settings.rate_limit_tags),
            "searches": parse(settings.rate_limit_searches),
            "gifts": parse(settings.rate_limit_gifts),
        }
        self._pool = (
            redis.asyncio.ConnectionPool.from_url(
                settings.redis_url, socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
                socket_timeout=REDIS_TIMEOUT_SECONDS,
            )
            if settings.redis_url else None
        )
        self.storage: Storage = (
            RedisStorage(
                "async+" + (settings.redis_url or ""), implementation="redispy",
                key_prefix="cocreate", connection_pool=self._pool,
            )
            if self._pool is not None
            else MemoryStorage()
        )
        self.limiter = MovingWindowRateLimiter(self.storage)
        self._local = MovingWindowRateLimiter(MemoryStorage())
        self._down_since: float | None = None  # when Redis stopped answering
        self._next_try = 0.0

    @property
    def degraded(self) -> bool:
        """Whether limits are counted in this process only, because Redis is down."""
        return self._down_since is not None

    async def hit(self, action: str, identity: str) -> None:
        """Count one attempt at `action` by `identity`; RateLimited when over the limit."""
        rule = self.rules[action]
        if not await self._hit(rule, action, identity):
            raise RateLimited(f"Too many attempts. Please wait a moment and try again ({rule}).")

    async def _hit(self, rule: RateLimitItem, action: str, identity: str) -> bool:
        if self._down_since is not None and time.monotonic() < self._next_try:
            return await self._local.hit(rule, action, identity)
        try:
            allowed = await self.limiter.hit(rule, action, identity)
        except Exception as error:  # Redis down or hung: count here instead, never allow all
            self._went_down(error)
            return await self._local.hit(rule, action, identity)
        self._came_back()
        return allowed

    def _went_down(self, error: Exception) -> None:
        now = time.monotonic()
        self._next_try = now + RETRY_SECONDS
        if self._down_since is None:
            self._down_since = now
            log.warning("rate limits: Redis unavailable (%s); counting in this process until "
                        "it is back", type(error).__name__)

    def _came_back(self) -> None:
        if self._down_since is not None:
            log.warning("rate limits: Redis answers again after %.0f s; counting there again",
                        time.monotonic() - self._down_since)
            self._down_since = None

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.disconnect()
