"""Service-level tests on the embedded default: the rules, called as the web and API layers
call them, on SQLite with media in a folder and jobs run in this process. No HTTP, no browser,
no other process.

The schema comes from the committed migrations (`cocreate migrate`), applied once and kept
as a template keyed by the migrations' content; every test gets its own copy of it, so tests
never see each other's rows. `deps` is what the app's lifespan builds for services (storage,
jobs, rate limits, live updates, payments); `story.run_jobs(deps)` runs the jobs recorded so
far, and `story` has the people, campaigns and ideas the tests start from.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from tortoise.backends.base.executor import EXECUTOR_CACHE
from tortoise.context import TortoiseContext, get_current_context

from cocreate.doors import jobs
from cocreate.doors.db import tortoise_config
from cocreate.doors.payments import create_provider
from cocreate.doors.ratelimit import Limiter
from cocreate.doors.realtime import create_broker
from cocreate.doors.storage import create_storage
from cocreate.services.core.context import Deps
from cocreate.settings import Settings
from tests import services
from workers.tasks import HANDLERS

SECRET = "domain-test-secret-" + uuid.uuid4().hex


@pytest.fixture(scope="session")
def migrated_template() -> Path:
    return services.migrated_sqlite_template()


def embedded_settings(folder: Path) -> Settings:
    """The settings of `make run` on a fresh machine (no Redis, no S3, no SMTP), in `folder`."""
    return Settings(
        environment="test", secret_key=SECRET, base_url="http://testserver",
        database_url=f"sqlite://{folder / 'cocreate.sqlite3'}", media_root=folder / "media",
        mail_dir=folder / "mail", redis_url=None, s3_bucket=None, s3_endpoint_url=None,
        smtp_host=None, payment_provider="offline", open_badges_signing_key=None,
    )


@pytest.fixture
async def deps(migrated_template: Path, tmp_path: Path) -> AsyncIterator[Deps]:
    """A fresh copy of the migrated database and what services are given to use it."""
    if get_current_context() is not None:
        pytest.fail("tests/domain run on SQLite and must run before the PostgreSQL app of the "
                    "same process starts; run them apart: pytest tests/unit tests/domain")
    settings = embedded_settings(tmp_path)
    shutil.copyfile(migrated_template, tmp_path / "cocreate.sqlite3")
    # Tortoise keeps each model's INSERT and DELETE statements for the process, by connection
    # name and table only: SQLite's must not outlive these tests (nor PostgreSQL's reach them).
    EXECUTOR_CACHE.clear()
    try:
        async with TortoiseContext() as orm:
            await orm.init(config=tortoise_config(settings))
            storage = create_storage(settings)
            await storage.check()
            runner = jobs.create_job_runner(settings, jobs.JobContext(settings, storage),
                                            HANDLERS)
            made = Deps(settings=settings, storage=storage, jobs=runner,
                        limiter=Limiter(settings), realtime=create_broker(settings),
                        payments=create_provider(settings))
            try:
                yield made
            finally:
                await runner.stop()
                await made.limiter.close()
                await made.payments.close()
    finally:
        EXECUTOR_CACHE.clear()
