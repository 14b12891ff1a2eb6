"""arq's WorkerSettings: one function runs any recorded job; the outbox relay runs alongside."""

from __future__ import annotations

from typing import Any

from arq import Retry
from arq.connections import RedisSettings
from arq.worker import get_kwargs
from tortoise import Tortoise

from cocreate.doors import jobs
from cocreate.doors.db import tortoise_config
from cocreate.doors.realtime import create_broker
from cocreate.doors.storage import create_storage
from cocreate.settings import Settings
from workers.leases import LeasedWorker
from workers.schedule import cron_jobs
from workers.tasks import HANDLERS


async def run_job(ctx: dict[str, Any], job_id: str) -> None:
    try:
        await jobs.execute(job_id, ctx["job_context"], HANDLERS)
    except jobs.RetryLater as retry:
        raise Retry(defer=retry.delay) from retry


async def startup(ctx: dict[str, Any]) -> None:
    settings: Settings = ctx.get("settings") or Settings()
    await Tortoise.init(config=tortoise_config(settings))
    context = jobs.JobContext(settings=settings, storage=create_storage(settings))
    ctx["job_context"] = context
    relay = jobs.ArqRelay(settings)
    await relay.start()
    ctx["relay"] = relay
    realtime = create_broker(settings)  # scheduled phase changes are announced live
    await realtime.start()
    ctx["realtime"] = realtime


async def shutdown(ctx: dict[str, Any]) -> None:
    relay = ctx.get("relay")
    if relay is not None:
        await relay.stop()
    realtime = ctx.get("realtime")
    if realtime is not None:
        await realtime.close()
    await Tortoise.close_connections()


class WorkerSettings:
    """Static settings; `cocreate worker` adds what depends on Settings (see `overrides`)."""

    functions = [run_job]
    on_startup = startup
    on_shutdown = shutdown
    max_tries = jobs.MAX_ATTEMPTS + 1
    job_timeout = 120
    # The outbox records outcomes; a result kept in Redis would make arq refuse the job's id
    # (its outbox key) for an hour, so a failed job retried by an operator would not run.
    keep_result = 0


def overrides(settings: Settings) -> dict[str, Any]:
    """The Settings-dependent keyword arguments for arq's Worker (see `create_worker`)."""
    return {
        "redis_settings": RedisSettings.from_dsn(settings.redis_url or ""),
        "ctx": {"settings": settings},
        "cron_jobs": cron_jobs(settings),
    }


def create_worker(settings: Settings) -> LeasedWorker:
    """The worker `cocreate worker` runs: these settings, with in-progress keys as leases."""
    return LeasedWorker(**{**get_kwargs(WorkerSettings), **overrides(settings)})
