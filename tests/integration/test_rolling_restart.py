"""How operators run cocreate: two `cocreate serve` and two `cocreate worker` processes on one
PostgreSQL, Redis and S3, behind HAProxy (from Debian, started here with a generated config).
Each app process is restarted in turn while fans vote and upload: no request fails, every
total equals its ledger and every job is done exactly once.

A restart is what an operator's process manager does: SIGTERM, wait for the process to end,
start it again. On SIGTERM the app first drains (DRAIN_SECONDS: /readyz answers 503, so
HAProxy's health check stops sending it new requests), then uvicorn finishes the requests in
flight and exits."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import os
import shutil
import signal
import subprocess
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx
import pytest

from tests import services
from tests.people import Person, eventually, launch_campaign, png_bytes, sign_up

# Four processes boot twice here; on a busy 2-core machine one boot takes up to half a
# minute, so this test gets more than the suite's 180 s per test.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(360)]

DRAIN_SECONDS = "2"

HAPROXY_CONFIG = """\
global
    maxconn 512

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout queue 10s
    # A request that could not reach a server (refused, or closed before any answer) goes
    # to another server; servers are asked over a connection of its own each time.
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response
    option http-server-close

frontend site
    bind 127.0.0.1:{front}
    default_backend app

frontend stats
    bind 127.0.0.1:{stats}
    stats enable
    stats uri /stats

backend app
    balance roundrobin
    option httpchk GET /readyz
    http-check expect status 200
    timeout check 3s
    default-server inter 250ms fastinter 250ms downinter 250ms rise 1 fall 2
{servers}
"""


@dataclass
class App:
    name: str
    port: int
    env: dict[str, str]
    log: Path
    process: subprocess.Popen | None = None
    restarts: list[int] = field(default_factory=list)  # exit codes of graceful stops

    def start(self) -> None:
        with self.log.open("a") as output:
            self.process = subprocess.Popen(
                [services._bin("cocreate"), "serve", "--port", str(self.port)],
                env={**os.environ, **self.env}, cwd=services.ROOT, stdout=output,
                stderr=subprocess.STDOUT)

    def stop(self, timeout: float = 30) -> int:
        """SIGTERM and wait for the graceful end: drain, finish in-flight requests, exit."""
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout=timeout)
        self.process = None
        return code


def _process(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("a") as output:
        return subprocess.Popen(args, env={**os.environ, **env}, cwd=services.ROOT,
                                stdout=output, stderr=subprocess.STDOUT)


def _end(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Cluster:
    base: str
    stats: str
    apps: list[App]
    balancer_log: Path
    # One client for the many polls (a new one builds a TLS context: tens of ms of CPU).
    polling: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=5))

    def server_states(self) -> dict[str, str]:
        """HAProxy's view of each app server: UP, DOWN, ..."""
        table = self.polling.get(f"{self.stats}/stats;csv").text.lstrip("# ")
        return {row["svname"]: row["status"] for row in csv.DictReader(io.StringIO(table))
                if row["pxname"] == "app" and row["svname"] not in {"FRONTEND", "BACKEND"}}

    def wait_until_up(self, name: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while self.server_states().get(name) != "UP":
            if time.monotonic() > deadline:
                raise AssertionError(f"HAProxy never saw {name} up: {self.server_states()}")
            time.sleep(0.1)


@pytest.fixture
def cluster(settings_env: dict[str, str], migrated) -> Iterator[Cluster]:  # type: ignore[no-untyped-def]
    front, stats = services.free_port(), services.free_port()
    base = f"http://127.0.0.1:{front}"
    logs = services.ROOT / "var"
    logs.mkdir(exist_ok=True)
    run = uuid.uuid4().hex[:6]
    env = {**settings_env, "BASE_URL": base, "DRAIN_SECONDS": DRAIN_SECONDS}
    apps = [App(name, services.free_port(), env, logs / f"test-rolling-{run}-{name}.log")
            for name in ("a", "b")]
    config = logs / f"test-rolling-{run}-haproxy.cfg"
    config.write_text(HAPROXY_CONFIG.format(front=front, stats=stats, servers="\n".join(
        f"    server {app.name} 127.0.0.1:{app.port} check" for app in apps)))
    assert shutil.which("haproxy"), "HAProxy is needed: scripts/ensure-services installs it"
    started: list[subprocess.Popen] = []
    cluster = None
    try:
        for app in apps:
            app.start()
        started += [_process([services._bin("cocreate"), "worker"], settings_env,
                             logs / f"test-rolling-{run}-worker-{n}.log") for n in (1, 2)]
        balancer_log = logs / f"test-rolling-{run}-haproxy.log"
        started.append(_process(["haproxy", "-f", str(config), "-db"], {}, balancer_log))
        cluster = Cluster(base, f"http://127.0.0.1:{stats}", apps, balancer_log)
        services.wait_for_http(f"{cluster.stats}/stats")
        for app in apps:
            cluster.wait_until_up(app.name)
        yield cluster
    finally:
        for app in apps:
            if app.process is not None:
                _end(app.process)
        for process in started:
            _end(process)
        if cluster is not None:
            cluster.polling.close()


@dataclass
class Tally:
    statuses: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def record(self, what: str, response: httpx.Response | Exception, ok: set[int]) -> bool:
        if isinstance(response, Exception):
            self.failures.append(f"{what}: {type(response).__name__} {response}")
            self.statuses["error"] += 1
            return False
        self.statuses[str(response.status_code)] += 1
        if response.status_code not in ok:
            self.failures.append(f"{what}: {response.status_code} {response.text[:200]}")
            return False
        return True


async def _attempt(tally: Tally, what: str, request, ok: set[int]):  # type: ignore[no-untyped-def]
    try:
        response = await request
    except httpx.HTTPError as error:
        tally.record(what, error, ok)
        return None
    return response if tally.record(what, response, ok) else None


async def _fan_at_work(fan: Person, entry_ids: list[str], votes: dict[str, set[str]],
                       media: list[str], tally: Tally, running: asyncio.Event) -> None:
    """Votes for and withdraws from the entries in turn, uploads a picture now and then and
    reads the campaign; what the fan last did successfully is what they expect to see."""
    turn = 0
    async with httpx.AsyncClient(timeout=30) as storage:
        while running.is_set():
            turn += 1
            await asyncio.sleep(0.05)  # a person's pace, leaving the restarting app some CPU
            entry = entry_ids[turn % len(entry_ids)]
            if turn % 10 == 0:
                await _upload(fan, storage, tally, media, turn)
                continue
            if fan.handle in votes[entry]:
                if await _attempt(tally, "withdraw", fan.delete(f"/entries/{entry}/vote"),
                                  {200}):
                    votes[entry].discard(fan.handle)
            elif await _attempt(tally, "vote", fan.put(f"/entries/{entry}/vote"), {200}):
                votes[entry].add(fan.handle)


async def _upload(fan: Person, storage: httpx.AsyncClient, tally: Tally, media: list[str],
                  turn: int) -> None:
    data = png_bytes((64 + turn, 48), color=f"#{turn * 40 % 255:02x}66cc")
    started = await _attempt(tally, "start upload", fan.post("/media/uploads", {
        "filename": "photo.png", "content_type": "image/png", "size": len(data)}), {201})
    if started is None:
        return
    form = started.json()["upload"]
    stored = await _attempt(tally, "store", storage.post(
        form["url"], data=form["fields"], files={"file": ("upload", data, "image/png")}),
        {200, 201, 204})
    if stored is None:
        return
    media_id = started.json()["media_id"]
    if await _attempt(tally, "complete", fan.post(f"/media/{media_id}/complete"), {202}):
        media.append(media_id)


async def test_restarting_each_app_process_in_turn_loses_no_request(cluster, database_url):
    started_at = await _now(database_url)
    async with contextlib.AsyncExitStack() as clients:
        async def client(n: int) -> httpx.AsyncClient:
            return await clients.enter_async_context(httpx.AsyncClient(
                base_url=cluster.base, timeout=30,
                headers={"X-Forwarded-For": f"10.66.{n}.{uuid.uuid4().int % 200 + 1}"}))

        manager = await sign_up(await client(0), "Manager")
        campaign = await launch_campaign(manager, "Rolling restart")
        author = await sign_up(await client(1), "Author")
        entry_ids = []
        for title in ("First idea", "Second idea"):
            made = await author.post(f"/campaigns/{campaign['slug']}/entries", {"title": title})
            assert made.status_code == 201, made.text
            entry_ids.append(made.json()["id"])
        fans = [await sign_up(await client(2 + n), f"Fan {n}") for n in range(4)]

        votes: dict[str, set[str]] = {entry: set() for entry in entry_ids}
        media: list[str] = []
        tally = Tally()
        running = asyncio.Event()
        running.set()
        took_out: dict[str, str] = {}  # what HAProxy said while each app stopped
        work = [asyncio.create_task(_fan_at_work(fan, entry_ids, votes, media, tally, running))
                for fan in fans]
        try:
            await asyncio.sleep(1)
            for app in cluster.apps:  # the rolling restart
                began, seen = time.monotonic(), len(cluster.balancer_log.read_text())
                code = await asyncio.to_thread(app.stop)
                stopped = time.monotonic()
                took_out[app.name] = cluster.balancer_log.read_text()[seen:]
                app.restarts.append(code)
                app.start()
                await asyncio.to_thread(cluster.wait_until_up, app.name)
                print(f"{app.name}: stopped in {stopped - began:.1f} s, "
                      f"up again in {time.monotonic() - stopped:.1f} s")
                await asyncio.sleep(0.5)  # some traffic on both again before the next one
        finally:
            running.clear()
            await asyncio.gather(*work)

        # Every request of every fan got its answer, through both restarts.
        print(f"requests: {sum(tally.statuses.values())} {dict(tally.statuses)}; "
              f"uploads: {len(media)}; graceful exits: {[a.restarts for a in cluster.apps]}")
        assert tally.failures == []
        assert sum(tally.statuses.values()) > 40 and media
        for app in cluster.apps:  # each stopped by itself, after draining and its shutdown
            assert app.restarts in ([-signal.SIGTERM], [0])
            log = app.log.read_text()
            assert "SIGTERM: draining" in log and "Application shutdown complete." in log
            # HAProxy took it out because it said it was draining, before it stopped listening
            said = took_out[app.name]
            assert f"Server app/{app.name} is DOWN, reason: Layer7 wrong status, code: 503" \
                in said, said

        # Totals equal the ledger, and what the fans did.
        viewer = fans[0]
        for entry in entry_ids:
            shown = await viewer.get(f"/entries/{entry}")
            assert shown.status_code == 200
            assert shown.json()["vote_count"] == len(votes[entry])
        async with _db(database_url) as db:
            for entry in entry_ids:
                stored = await db.fetchval("SELECT vote_count FROM entries WHERE id = $1", entry)
                ledger = await db.fetchval(
                    "SELECT count(*) FROM votes WHERE entry_id = $1 AND status = 'counted'",
                    entry)
                assert stored == ledger == len(votes[entry])

            # Every upload was checked by a worker, and every job of this story ran once.
            async def all_done() -> bool:
                left = await db.fetchval(
                    "SELECT count(*) FROM jobs WHERE created_at >= $1 AND status <> 'done'",
                    started_at)
                return left == 0
            await eventually(all_done, "every job done", seconds=60)
            jobs = await db.fetch("SELECT key, attempts FROM jobs WHERE created_at >= $1",
                                  started_at)
            ready = await db.fetchval(
                "SELECT count(*) FROM media WHERE id = ANY($1::text[]) AND status = 'ready'",
                media)
    print(f"jobs: {len(jobs)}; media ready: {ready} of {len(media)}")
    assert {f"media:{media_id}" for media_id in media} <= {job["key"] for job in jobs}
    assert [job["key"] for job in jobs if job["attempts"] != 1] == []
    assert ready == len(media)


async def _now(database_url: str):  # type: ignore[no-untyped-def]
    async with _db(database_url) as db:
        return await db.fetchval("SELECT now()")


@contextlib.asynccontextmanager
async def _db(database_url: str):  # type: ignore[no-untyped-def]
    connection = await asyncpg.connect(database_url)
    try:
        yield connection
    finally:
        await connection.close()
