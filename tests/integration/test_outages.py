"""When something the site runs on stops answering, people get a clear "try again" (503 with
Retry-After), limits keep holding, nothing is half-written, and the site comes back by itself.

The faults are real: a Redis server and an S3 endpoint (moto) of this module's own are stopped
and started again, and the app's PostgreSQL connections are terminated by the server, while a
real `cocreate serve` process answers over HTTP."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import subprocess
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx
import pytest
import redis

from cocreate.doors import ratelimit
from cocreate.doors.ratelimit import Limiter
from cocreate.doors.realtime import RedisBroker
from cocreate.lib.errors import RateLimited
from cocreate.settings import Settings
from tests import services
from tests.people import PASSWORD, Person, eventually, launch_campaign, png_bytes, sign_up


class PrivateRedis:
    """A redis-server of this module's own, on a port of its own, to stop and start."""

    def __init__(self) -> None:
        self.port = services.free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with redis.Redis(port=self.port) as probe:
            for _ in range(100):
                with contextlib.suppress(redis.ConnectionError):
                    if probe.ping():
                        return
                time.sleep(0.05)
        raise RuntimeError("the private redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


class PrivateS3:
    """moto's S3 server on a port of its own, with one bucket; stopping it loses its objects."""

    def __init__(self) -> None:
        self.port = services.free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.bucket = "outages-" + uuid.uuid4().hex[:8]
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [services._bin("moto_server"), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        services.wait_for_http(self.url + "/moto-api/")
        services.create_bucket(self.url, self.bucket)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@dataclass
class Site:
    base: str
    redis: PrivateRedis
    s3: PrivateS3
    application_name: str
    log: Path

    def client(self, address: str | None = None) -> httpx.AsyncClient:
        """A client from an address of its own (the app trusts X-Forwarded-For from here)."""
        address = address or f"10.9.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250 + 1}"
        return httpx.AsyncClient(base_url=self.base, timeout=20,
                                 headers={"X-Forwarded-For": address})

    def log_text(self) -> str:
        return self.log.read_text()


@pytest.fixture(scope="module")
def site(settings_env: dict[str, str], migrated: Settings) -> Iterator[Site]:
    """`cocreate serve` on the suite's database (its connections named, to be terminated),
    with a Redis and an S3 endpoint of its own."""
    private_redis, s3 = PrivateRedis(), PrivateS3()
    private_redis.start()
    s3.start()
    name = "cocreate-outages-" + uuid.uuid4().hex[:8]
    port = services.free_port()
    base = f"http://127.0.0.1:{port}"
    log = services.ROOT / "var" / f"test-outages-{uuid.uuid4().hex[:6]}.log"
    env = {**settings_env, "BASE_URL": base, "REDIS_URL": private_redis.url,
           "DATABASE_URL": f"{settings_env['DATABASE_URL']}?application_name={name}",
           "S3_ENDPOINT_URL": s3.url, "S3_BUCKET": s3.bucket, "RATE_LIMIT_LOGIN": "5/minute"}
    services.ROOT.joinpath("var").mkdir(exist_ok=True)
    with log.open("w") as output:
        process = subprocess.Popen([services._bin("cocreate"), "serve", "--port", str(port)],
                                   env={**os.environ, **env}, cwd=services.ROOT,
                                   stdout=output, stderr=subprocess.STDOUT)
    try:
        services.wait_for_http(f"{base}/healthz")
        yield Site(base, private_redis, s3, name, log)
    finally:
        process.terminate()
        process.wait(timeout=15)
        private_redis.stop()
        s3.stop()


async def _wrong_password(client: httpx.AsyncClient, email: str) -> int:
    response = await client.post("/api/v1/auth/token",
                                 json={"email": email, "password": "not the password"})
    return response.status_code


async def test_login_limits_hold_while_redis_is_down_and_live_pages_say_come_back(site):
    async with site.client() as http:
        manager = await sign_up(http, "Manager")
        campaign = await launch_campaign(manager, "Outage proof")
        live = f"/c/{campaign['slug']}/live"
        site.redis.stop()
        try:
            # Someone guesses a password: the limit of 5 a minute holds, counted in the process.
            tries = [await _wrong_password(http, manager.email) for _ in range(7)]
            assert tries == [401] * 5 + [429] * 2
            # The right password is still refused while the limit holds: nothing fails open.
            right = await http.post("/api/v1/auth/token",
                                    json={"email": manager.email, "password": PASSWORD})
            assert right.status_code == 429

            # A page's live stream is told to come back later, in HTTP and in SSE words.
            stream = await http.get(live)
            assert stream.status_code == 503
            assert stream.headers["retry-after"] == "5"
            assert "retry: 5000" in stream.text

            ready = await http.get("/readyz")
            assert ready.status_code == 503
            assert ready.json()["checks"]["redis"].startswith("unreachable")
        finally:
            site.redis.start()

        async with http.stream("GET", live) as back:  # Redis is back: the stream opens
            assert back.status_code == 200
            assert back.headers["content-type"].startswith("text/event-stream")
    log = site.log_text()
    assert log.count("rate limits: Redis unavailable") == 1  # said once, not per request
    assert "Traceback" not in log


async def test_the_limiter_counts_in_memory_while_redis_is_down_and_goes_back_to_it(
        caplog, monkeypatch):
    monkeypatch.setattr(ratelimit, "RETRY_SECONDS", 0.0)  # ask Redis again at every attempt
    private = PrivateRedis()
    private.start()
    limiter = Limiter(Settings(redis_url=private.url, rate_limit_login="3/minute"))
    caplog.set_level(logging.WARNING, logger="cocreate.doors.ratelimit")
    try:
        await limiter.hit("login", "ada")
        private.stop()
        for _ in range(3):
            await limiter.hit("login", "ada")  # memory starts afresh: 3 more in this process
        with pytest.raises(RateLimited):
            await limiter.hit("login", "ada")
        assert limiter.degraded
        private.start()  # an empty Redis: it counts from zero again, there
        for _ in range(3):
            await limiter.hit("login", "grace")
        with pytest.raises(RateLimited):
            await limiter.hit("login", "grace")
        assert not limiter.degraded
        with redis.Redis.from_url(private.url) as direct:
            assert direct.keys("cocreate*")  # counted in Redis again
    finally:
        await limiter.close()
        private.stop()
    said = [record.getMessage() for record in caplog.records]
    assert sum("Redis unavailable" in line for line in said) == 1
    assert sum("answers again" in line for line in said) == 1


async def test_completing_an_upload_while_storage_is_down_answers_503_and_changes_nothing(site):
    async with site.client() as http, httpx.AsyncClient() as storage_http:
        fan = await sign_up(http, "Fan")
        data = png_bytes()
        started = await fan.post("/media/uploads", {
            "filename": "photo.png", "content_type": "image/png", "size": len(data)})
        assert started.status_code == 201, started.text
        form, media_id = started.json()["upload"], started.json()["media_id"]
        stored = await storage_http.post(form["url"], data=form["fields"],
                                         files={"file": ("upload", data, "image/png")})
        assert stored.status_code in (200, 201, 204)

        site.s3.stop()
        try:
            completed = await fan.post(f"/media/{media_id}/complete")
            assert completed.status_code == 503
            assert completed.headers["retry-after"] == "5"
            error = completed.json()["error"]
            assert error["code"] == "service_unavailable"
            assert "storage" in error["message"] and "try again" in error["message"]
            # The page's uploader shows this message (static/js/upload.js reads error.message).
            # Nothing was half-written: the upload still waits to be completed.
            media = await fan.get(f"/media/{media_id}")
            assert media.status_code == 200 and media.json()["status"] == "uploading"

            ready = await http.get("/readyz")
            assert ready.json()["checks"]["storage"].startswith("unreachable")
        finally:
            site.s3.start()  # an empty bucket again: the upload's file is gone with moto
    assert "Traceback" not in site.log_text()


async def _terminate(admin: asyncpg.Connection, application_name: str) -> int:
    rows = await admin.fetch(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
        application_name)
    return len(rows)


@pytest.mark.slow
async def test_the_app_answers_503_while_its_database_connections_die_and_recovers(
        site, database_url):
    async with site.client() as http:
        manager = await sign_up(http, "Manager")
        campaign = await launch_campaign(manager, "Connection storm")
        author = await sign_up(http, "Author")
        entry = (await author.post(f"/campaigns/{campaign['slug']}/entries",
                                   {"title": "Still counted"})).json()
    async with contextlib.AsyncExitStack() as clients:
        fans = [await sign_up(await clients.enter_async_context(site.client(f"10.77.{n}.9")),
                              f"Fan {n}") for n in range(4)]
        await _storm(site, database_url, campaign["slug"], entry["id"], fans)


async def _storm(site: Site, database_url: str, slug: str, entry_id: str,
                 fans: list[Person]) -> None:
    """Fans vote, withdraw and read pages while the app's connections are killed again and
    again; then everything works, and the entry's total equals its ledger."""
    statuses: Counter[int] = Counter()
    bad: list[str] = []
    pages_503: list[httpx.Response] = []
    storming = True

    async def fan_at_work(fan: Person) -> None:
        own = fan.client
        turn = 0
        while storming:
            turn += 1
            if turn % 5 == 0:  # the campaign's page, as a browser asks for it
                response = await own.get(f"/c/{slug}")
                if response.status_code == 503:
                    assert response.headers["content-type"].startswith("text/html")
                    assert "Back in a moment" in response.text
                    pages_503.append(response)
            elif turn % 3 == 0:
                response = await fan.get(f"/campaigns/{slug}/leaderboard")
            elif turn % 2:
                response = await fan.put(f"/entries/{entry_id}/vote")
            else:
                response = await fan.delete(f"/entries/{entry_id}/vote")
            statuses[response.status_code] += 1
            if response.status_code >= 500 and response.status_code != 503:
                bad.append(f"{response.status_code} {response.text[:200]}")
            elif response.status_code == 503 and response.url.path.startswith("/api/"):
                assert response.json()["error"]["code"] == "service_unavailable"
                assert response.headers["retry-after"] == "5"

    admin = await asyncpg.connect(database_url)
    kills = 0
    try:
        workers = [asyncio.create_task(fan_at_work(fan)) for fan in fans]
        for _ in range(12):
            await asyncio.sleep(0.15)
            kills += await _terminate(admin, site.application_name)
        storming = False
        await asyncio.gather(*workers)

        # The faults stopped: every request succeeds again, without restarting anything.
        # (all at once, twice: the pool has as many good connections as before)
        after: Counter[int] = Counter()
        for _ in range(2):
            answers = await asyncio.gather(*(
                request for fan in fans for request in (
                    fan.put(f"/entries/{entry_id}/vote"),
                    fan.get(f"/campaigns/{slug}/leaderboard"))))
            after.update(response.status_code for response in answers)
        assert after == {200: len(fans) * 4}

        stored = await admin.fetchval('SELECT vote_count FROM entries WHERE id = $1',
                                      entry_id)
        ledger = await admin.fetchval(
            "SELECT count(*) FROM votes WHERE entry_id = $1 AND status = 'counted'", entry_id)
    finally:
        await admin.close()
    print(f"connections terminated: {kills}; requests: {sum(statuses.values())} "
          f"{dict(statuses)}; pages answered 503: {len(pages_503)}")
    assert kills >= 12 and statuses[503] > 0 and sum(statuses.values()) > 20
    assert not bad, bad
    assert set(statuses) <= {200, 503}
    assert stored == ledger == len(fans)


async def test_live_updates_come_back_with_redis_on_their_own():
    """A page that stays open through a Redis outage hears the votes cast after it."""
    private = PrivateRedis()
    private.start()
    broker = RedisBroker(private.url)
    await broker.start()
    try:
        async with broker.subscribe("entry:back") as subscription:
            private.stop()
            assert not await broker.available()
            await broker.publish("entry:back", {"event": "viewers", "count": 1})  # dropped
            private.start()
            assert await broker.available()

            async def heard() -> bool:
                await broker.publish("entry:back", {"event": "viewers", "count": 2})
                return await subscription.next_within(0.5) is not None

            await eventually(heard, "a live update after Redis came back", seconds=15)
    finally:
        await broker.close()
        private.stop()
