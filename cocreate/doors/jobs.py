"""Background jobs through an outbox.

`enqueue` records a job in the database inside the caller's transaction, so the job exists
exactly when the change that caused it does. A runner then hands pending jobs on: to arq with
`_job_id=key` when Redis is configured (nothing lost while Redis is down, nothing run twice),
or to an in-process task otherwise. `execute` runs one job's handler and records the outcome.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q

from cocreate.doors.storage import Storage
from cocreate.models import Job
from cocreate.settings import Settings

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
ARQ_FUNCTION = "run_job"
# A job handed to arq but not done after this long is handed on again (arq's _job_id keeps
# that from running it twice while arq still knows it).
RESEND_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class JobContext:
    """What a job handler may use."""

    settings: Settings
    storage: Storage


Handler = Callable[..., Awaitable[None]]


class RetryLater(Exception):
    def __init__(self, delay: float) -> None:
        super().__init__(f"retry in {delay}s")
        self.delay = delay


async def enqueue(name: str, payload: dict[str, Any], key: str) -> Job:
    """Record a job once per key; call inside the transaction of the change that causes it."""
    existing = await Job.get_or_none(key=key)
    if existing is not None:
        return existing
    try:
        return await Job.create(key=key, name=name, payload=payload)
    except IntegrityError:
        return await Job.get(key=key)


async def requeue(key: str) -> None:
    """Make a finished job run again (e.g. when its inputs changed)."""
    await Job.filter(key=key).update(status="pending", attempts=0, last_error=None)


async def retry_failed(job_id: str) -> bool:
    """Give a failed job its attempts again (an operator fixed its cause); the relay hands it
    on at its next sweep. False when no failed job has this id."""
    return bool(await Job.filter(id=job_id, status="failed").update(status="pending",
                                                                     attempts=0))


async def execute(job_id: str, context: JobContext, handlers: dict[str, Handler]) -> None:
    """Run one recorded job. Raises RetryLater while attempts remain after a failure, or
    when the handler raised it itself (with the delay it asked for).

    Failing for good is logged as an error and left in the table with its last error, for
    `cocreate jobs failed`. A job whose last attempt was cut short (its worker killed, or out
    of time) without recording an outcome is marked failed the same way, not run on forever."""
    job = await Job.get_or_none(id=job_id)
    if job is None or job.status in {"done", "failed"}:
        return
    if job.attempts >= MAX_ATTEMPTS:
        await _fail(job, f"Gave up after {job.attempts} attempts, the last cut short (its "
                    "worker stopped, or it ran out of time)"
                    + (f"; an earlier one failed with {job.last_error}" if job.last_error
                       else ""))
        return
    await Job.filter(id=job_id).update(attempts=F("attempts") + 1)
    attempts = job.attempts + 1
    try:
        await handlers[job.name](context, **job.payload)
    except RetryLater:  # the handler asks to look again later (e.g. another worker is on it)
        if attempts >= MAX_ATTEMPTS:
            await _fail(job, f"Still waiting after {attempts} attempts")
            return
        raise
    except Exception as error:
        log.exception("job %s (%s) failed, attempt %s", job.key, job.name, attempts)
        if attempts >= MAX_ATTEMPTS:
            await _fail(job, repr(error))
            return
        await Job.filter(id=job_id).update(last_error=repr(error)[:2000])
        raise RetryLater(delay=min(2**attempts, 60)) from error
    await Job.filter(id=job_id).update(status="done", last_error=None)


async def _fail(job: Job, error: str) -> None:
    await Job.filter(id=job.id).update(status="failed", last_error=error[:2000])
    log.error("job %s (%s, id %s) failed for good: %s; `cocreate jobs retry %s` runs it again",
              job.key, job.name, job.id, error[:300], job.id)


class JobRunner(Protocol):
    async def start(self) -> None: ...
    async def stop(self) -> None: ...
    def kick(self) -> None: ...
    async def relay_once(self) -> int: ...


class _RelayLoop:
    """Relays pending jobs whenever kicked, and every `interval` seconds regardless."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def relay_once(self) -> int:
        raise NotImplementedError

    async def start(self) -> None:
        self._task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    def kick(self) -> None:
        self._wake.set()

    async def _loop(self) -> None:
        while True:
            try:
                await self.relay_once()
            except Exception:
                log.exception("job relay failed; retrying")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.interval)
            self._wake.clear()


def _due_jobs() -> Any:
    stale = datetime.now(UTC) - RESEND_AFTER
    return Job.filter(Q(status="pending") | Q(status="sent", updated_at__lt=stale))


class ArqRelay(_RelayLoop):
    def __init__(self, settings: Settings) -> None:
        super().__init__(settings.job_relay_interval)
        self.settings = settings
        self._pool: Any = None

    async def _arq(self) -> Any:
        if self._pool is None:
            from arq import create_pool
            from arq.connections import RedisSettings

            redis_settings = RedisSettings.from_dsn(self.settings.redis_url or "")
            redis_settings.conn_retries = 0  # the relay loop itself tries again later
            self._pool = await create_pool(redis_settings)
        return self._pool

    async def relay_once(self) -> int:
        sent = 0
        for job in await _due_jobs().order_by("created_at").limit(200):
            pool = await self._arq()
            await pool.enqueue_job(ARQ_FUNCTION, job.id, _job_id=job.key)
            await Job.filter(id=job.id, status=job.status).update(status="sent")
            sent += 1
        return sent

    async def stop(self) -> None:
        await super().stop()
        if self._pool is not None:
            await self._pool.aclose()


class InProcessRunner(_RelayLoop):
    """The embedded default: jobs run as tasks of this process, retried with backoff."""

    def __init__(self, settings: Settings, context: JobContext, handlers: dict[str, Handler]):
        super().__init__(settings.job_relay_interval)
        self.context = context
        self.handlers = handlers
        self._running: set[asyncio.Task[None]] = set()

    async def relay_once(self) -> int:
        started = 0
        for job in await _due_jobs().order_by("created_at").limit(200):
            claimed = await Job.filter(id=job.id, status=job.status).update(status="sent")
            if claimed:
                task = asyncio.create_task(self._run(job.id))
                self._running.add(task)
                task.add_done_callback(self._running.discard)
                started += 1
        return started

    async def _run(self, job_id: str) -> None:
        while True:
            try:
                await execute(job_id, self.context, self.handlers)
                return
            except RetryLater as retry:
                await asyncio.sleep(retry.delay)

    async def drain(self) -> None:
        """Wait until every job started so far has finished (used by the CLI and tests)."""
        while self._running:
            await asyncio.gather(*list(self._running), return_exceptions=True)

    async def stop(self) -> None:
        for task in list(self._running):
            task.cancel()
        await super().stop()


def create_job_runner(
    settings: Settings, context: JobContext, handlers: dict[str, Handler]
) -> JobRunner:
    if settings.uses_redis:
        return ArqRelay(settings)
    return InProcessRunner(settings, context, handlers)
