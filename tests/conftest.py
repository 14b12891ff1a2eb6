"""Fixtures: one fresh PostgreSQL database, a Redis database, moto's S3 server, a worker
process and the app, shared by the run; a client per test from its own address."""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import AsyncIterator, Iterator

import asyncpg
import httpx
import pytest
import redis

from cocreate.app import create_app
from cocreate.settings import Settings
from tests import services

TEST_SECRET = "test-secret-key-" + uuid.uuid4().hex


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    with services.moto_server() as url:
        yield url


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A Redis database of this test session's own: queues, job ids, crons and rate limits of
    two sessions running at once (two developers, say) must not meet."""
    base = services.REDIS_URL.rsplit("/", 1)[0]
    with redis.Redis.from_url(f"{base}/0") as registry:
        number = next((n for n in range(1, 16)
                       if registry.set(f"cocreate:test-db:{n}", os.getpid(), nx=True, ex=7200)),
                      None)
        if number is None:
            raise RuntimeError("every Redis test database (1 to 15) is taken by another session")
        url = f"{base}/{number}"
        with redis.Redis.from_url(url) as connection:
            connection.flushdb()
        try:
            yield url
        finally:
            registry.delete(f"cocreate:test-db:{number}")


@pytest.fixture(scope="session")
async def database_url() -> AsyncIterator[str]:
    name = services.new_database_name()
    admin = await asyncpg.connect(services.ADMIN_DATABASE_URL)
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield services.database_url(name)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[services.MailCatcher]:
    """A real SMTP server (aiosmtpd) that keeps what it receives, for the mail stories."""
    with services.mail_catcher() as catcher:
        yield catcher


@pytest.fixture(scope="session")
def settings_env(database_url: str, redis_url: str, s3_endpoint: str,
                 smtp_server: services.MailCatcher) -> dict[str, str]:
    bucket = "cocreate-" + uuid.uuid4().hex[:8]
    services.create_bucket(s3_endpoint, bucket)
    return {
        "ENVIRONMENT": "test",
        "SECRET_KEY": TEST_SECRET,
        "BASE_URL": "http://testserver",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_BUCKET": bucket,
        "S3_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "RATE_LIMIT_LOGIN": "20/minute",
        "RATE_LIMIT_SIGNUP": "20/minute",
        "RATE_LIMIT_VOTES": "120/minute",
        "RATE_LIMIT_UPLOADS": "60/minute",
        "RATE_LIMIT_SUBMISSIONS": "30/minute",
        "JOB_RELAY_INTERVAL": "0.5",
        "SCHEDULE_INTERVAL": "1",
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp_server.port),
        "SMTP_STARTTLS": "false",
    }


@pytest.fixture(scope="session")
def settings(settings_env: dict[str, str]) -> Settings:
    return Settings(**{key.lower(): value for key, value in settings_env.items()})


@pytest.fixture(scope="session")
def migrated(settings: Settings, settings_env: dict[str, str]) -> Settings:
    """The schema comes from the committed migrations, applied by `cocreate migrate`."""
    services.run_cocreate(["migrate"], settings_env)
    return settings


@pytest.fixture(scope="session")
def worker(migrated: Settings, settings_env: dict[str, str]) -> Iterator[None]:
    """A real `cocreate worker` process taking jobs from Redis."""
    with services.cocreate_process(["worker"], settings_env):
        yield


@pytest.fixture(scope="session")
async def app(migrated: Settings, worker: None):  # type: ignore[no-untyped-def]
    application = create_app(migrated)
    async with application.router.lifespan_context(application):
        yield application


def _random_address() -> str:
    return f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


@pytest.fixture
async def make_client(app) -> AsyncIterator:  # type: ignore[no-untyped-def]
    """Clients of their own, each from its own address (rate limits are per address)."""
    opened: list[httpx.AsyncClient] = []

    def new_client() -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=app, client=(_random_address(), 40000))
        http = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        opened.append(http)
        return http

    yield new_client
    for http in opened:
        await http.aclose()


@pytest.fixture
def client(make_client) -> httpx.AsyncClient:  # type: ignore[no-untyped-def]
    return make_client()
