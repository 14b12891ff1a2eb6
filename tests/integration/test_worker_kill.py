"""A worker killed with SIGKILL in the middle of drawing share cards strands nothing: once
another worker is up, every job it held is done, each card drawn and each notification made
exactly once, within a bounded wait (arq's in-progress key is a short lease, not an hour).

The story runs on services of its own, so the shared worker of the other tests never sees
its jobs: a database copied from the migrated template, a Redis database and a bucket."""

from __future__ import annotations

import asyncio
import os
import signal
import uuid
from collections.abc import AsyncIterator, Iterator

import boto3
import pytest
import redis
from arq import create_pool
from arq.connections import RedisSettings
from arq.worker import func
from tortoise.context import TortoiseContext

from cocreate.doors import jobs
from cocreate.doors.db import tortoise_config
from cocreate.doors.ratelimit import Limiter
from cocreate.doors.storage import create_storage
from cocreate.models import Entry, Job, Notification
from cocreate.services.conversation import comments, follows
from cocreate.services.core.context import Deps
from cocreate.services.entries import entries
from cocreate.services.sharing import entry_cards
from cocreate.settings import Settings
from tests import services
from tests.domain.story import launch, person
from workers.leases import LEASE, LeasedWorker
from workers.schedule import cron_jobs

pytestmark = pytest.mark.slow

IDEAS = 20
IN_PROGRESS = "arq:in-progress:*"
# A cron tick's key is kept a minute after it ran, by arq's design: it is not an outbox job.
CRON = tuple(f"arq:in-progress:{job.name}:".encode() for job in cron_jobs(Settings()))


@pytest.fixture
async def own_database() -> AsyncIterator[str]:
    async with services.migrated_postgres_copy() as url:
        yield url


@pytest.fixture
def own_redis() -> Iterator[str]:
    with services.claimed_redis_database() as url:
        yield url


@pytest.fixture
def own_env(settings_env: dict[str, str], own_database: str, own_redis: str,
            s3_endpoint: str) -> dict[str, str]:
    bucket = "cocreate-kill-" + uuid.uuid4().hex[:8]
    services.create_bucket(s3_endpoint, bucket)
    return {**settings_env, "DATABASE_URL": own_database, "REDIS_URL": own_redis,
            "S3_BUCKET": bucket}


async def _eventually(condition, what: str, seconds: float) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + seconds
    while not await condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{what} did not happen within {seconds} seconds")
        await asyncio.sleep(0.05)


async def _held(queue: redis.asyncio.Redis) -> list[bytes]:
    """arq's in-progress keys of outbox jobs."""
    return [key for key in await queue.keys(IN_PROGRESS) if not key.startswith(CRON)]


async def _ideas_followed_and_commented(settings: Settings) -> list[Entry]:
    """Twenty ideas by four authors (a share card each to draw), each followed by a fan and
    commented on by someone else (the fan is told by a job: one notification per comment)."""
    storage = create_storage(settings)
    deps = Deps(settings=settings, storage=storage, jobs=jobs.ArqRelay(settings),
                limiter=Limiter(settings))
    campaign = await launch(await person("Manager"))
    fan, talker = await person("Fan"), await person("Talker")
    authors = [await person(f"Author {n}") for n in range(4)]
    ideas = []
    for n in range(IDEAS):
        entry = await entries.submit(deps, authors[n % len(authors)], campaign.slug,
                                     f"Idea number {n}", "Sweet, then hot.", accept_rules=True)
        await follows.follow_entry(fan, entry.id)
        await comments.post(deps, talker, entry.id, f"Love idea {n}!")
        ideas.append(entry)
    await deps.limiter.close()
    return ideas


async def test_a_killed_workers_jobs_are_done_once_by_the_next_worker(own_env, s3_endpoint):
    settings = Settings(**{key.lower(): value for key, value in own_env.items()})
    async with redis.asyncio.Redis.from_url(own_env["REDIS_URL"]) as queue, \
            TortoiseContext() as orm:
        await orm.init(config=tortoise_config(settings))
        ideas = await _ideas_followed_and_commented(settings)
        cards = Job.filter(name=entry_cards.RENDER_JOB)
        assert await cards.count() == IDEAS

        with services.cocreate_process(["worker"], own_env) as first:
            # Kill it while it draws: some cards done, others held by it in arq.
            async def mid_rendering() -> bool:
                return (await cards.filter(status="done").exists()
                        and bool(await _held(queue)))
            await _eventually(mid_rendering, "the first worker drawing cards", 30)
            os.kill(first.pid, signal.SIGKILL)
            first.wait(timeout=10)
        held = await _held(queue)
        assert held, "the worker was killed holding jobs"
        assert max([await queue.pttl(key) for key in held]) <= LEASE * 1000
        stranded = await Job.filter(status="sent").count()

        with services.cocreate_process(["worker"], own_env):
            async def all_done() -> bool:
                return not await Job.exclude(status="done").exists()
            try:
                await _eventually(all_done, f"the {stranded} stranded jobs being done",
                                  LEASE + 60)
            except AssertionError as late:
                left = await Job.exclude(status="done").values_list(
                    "name", "status", "attempts", "last_error")
                raise AssertionError(f"{late}; not done: {left}") from None

        s3 = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1",
                          aws_access_key_id="test", aws_secret_access_key="test")
        drawn = await Entry.filter(id__in=[e.id for e in ideas]).values_list("card_key",
                                                                              flat=True)
        assert all(drawn) and len(set(drawn)) == IDEAS  # one card each, each its own
        for key in drawn:
            s3.head_object(Bucket=own_env["S3_BUCKET"], Key=key)
        told = await Notification.filter(kind="comment", text__contains="which you follow")
        assert len(told) == IDEAS and len({n.key for n in told}) == IDEAS
        assert not await Job.filter(status="failed").exists()


async def test_a_job_longer_than_its_lease_is_not_taken_by_another_worker(own_redis):
    """The worker running a job renews its lease, so a job may run longer than the lease
    while a second worker polls the same queue: it runs once."""
    runs: list[str] = []

    async def long_job(ctx: dict[str, object]) -> None:
        runs.append(str(ctx["job_id"]))
        await asyncio.sleep(7.5)  # three leases

    # A lease five renewals long, as in production (15 s, renewed every 3 s), but short: a
    # 1 s lease was lost when a busy machine held this process back for a second.
    def leased_worker() -> LeasedWorker:
        return LeasedWorker(functions=[func(long_job, name="long_job")], lease=2.5,
                            renew_every=0.5, redis_settings=RedisSettings.from_dsn(own_redis),
                            burst=True, poll_delay=0.1, handle_signals=False, keep_result=0)

    pool = await create_pool(RedisSettings.from_dsn(own_redis))
    first, second = leased_worker(), leased_worker()
    try:
        await pool.enqueue_job("long_job", _job_id="long-job")
        running = asyncio.create_task(first.async_run())
        await _eventually(lambda: pool.exists("arq:in-progress:long-job"),
                          "the first worker starting the job", 10)
        polling = asyncio.create_task(second.async_run())
        await asyncio.wait_for(asyncio.gather(running, polling), 40)
    finally:
        for worker in (first, second):
            if worker._pool is not None:  # (arq's Worker.close uses a deprecated call)
                await worker.pool.aclose()
        await pool.aclose()
    assert runs == ["long-job"]
