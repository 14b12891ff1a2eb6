"""Rate limits per action and identity: Redis when configured, memory otherwise."""

from __future__ import annotations

import logging

import redis.asyncio
from limits import parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter

from cocreate.lib.errors import RateLimited
from cocreate.settings import Settings

log = logging.getLogger(__name__)


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
            redis.asyncio.ConnectionPool.from_url(settings.redis_url)
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

    async def hit(self, action: str, identity: str) -> None:
        """Count one attempt at `action` by `identity`; RateLimited when over the limit."""
        rule = self.rules[action]
        try:
            allowed = await self.limiter.hit(rule, action, identity)
        except Exception:  # the limiter's store being down must not take the site down
            log.exception("rate limiter unavailable; allowing %s", action)
            return
        if not allowed:
            raise RateLimited(f"Too many attempts. Please wait a moment and try again ({rule}).")

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.disconnect()
