"""Vote throughput of the real endpoint, as a ratio to a bare Starlette endpoint doing the
same single insert with asyncpg, measured in the same run on the same PostgreSQL server.

    .venv/bin/python -m tests.bench.votes [--requests N] [--database-url URL]

By default creates a scratch database on TEST_DATABASE_URL's server (default: the local
PostgreSQL, postgres://postgres@127.0.0.1:5432) named cocreate_bench_votes_<random>, and
drops it at the end; `--database-url` uses that database instead (it must be empty or
disposable, and is left in place). `cocreate migrate` applies the app's schema to it.

Baseline: a minimal Starlette app whose PUT /vote inserts one row into a bare `bench_votes`
table (ON CONFLICT DO NOTHING) and whose DELETE /vote removes it, through an asyncpg pool.
Real: `PUT`/`DELETE /api/v1/entries/{id}/vote` of cocreate (voter, author and manager signed
up over the API, a campaign launched). Both alternate vote and unvote for `--requests`
requests, in this process, through the same `httpx.ASGITransport`, so the ratio shows what
the application (middleware, auth, rate limiting, service, transaction, counters) costs per
vote. The vote limits (per person and, where the app has it, per address), signup and login
limits are raised for the run so the limiter never refuses a request (it still counts each
one). Not part of the pass/fail suite.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from datetime import UTC, datetime

import asyncpg
import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from cocreate.app import create_app
from cocreate.settings import Settings
from tests import services
from tests.people import launch_campaign, sign_up

BARE_TABLE = """
    CREATE TABLE IF NOT EXISTS bench_votes (
        entry_id text NOT NULL,
        user_id text NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (entry_id, user_id)
    )
"""


async def _bare_rate(database_url: str, requests: int) -> float:
    setup = await asyncpg.connect(database_url)
    try:
        await setup.execute(BARE_TABLE)
        await setup.execute("TRUNCATE bench_votes")
    finally:
        await setup.close()
    pool = await asyncpg.create_pool(database_url, min_size=1, max_size=10)
    try:

        async def vote(request: Request) -> JSONResponse:
            status = await pool.execute(
                "INSERT INTO bench_votes (entry_id, user_id, created_at) VALUES ($1, $2, $3) "
                "ON CONFLICT DO NOTHING", "entry", "voter", datetime.now(UTC))
            return JSONResponse({"voted": True, "vote_count": int(status.split()[-1])})

        async def unvote(request: Request) -> JSONResponse:
            await pool.execute("DELETE FROM bench_votes WHERE entry_id = $1 AND user_id = $2",
                               "entry", "voter")
            return JSONResponse({"voted": False, "vote_count": 0})

        bare = Starlette(routes=[Route("/vote", vote, methods=["PUT"]),
                                 Route("/vote", unvote, methods=["DELETE"])])
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=bare),
                                     base_url="http://bench") as client:
            started = time.perf_counter()
            for n in range(requests):
                response = await (client.put("/vote") if n % 2 == 0 else client.delete("/vote"))
                assert response.status_code == 200, response.text
                if n % 2 == 0:  # every insert really inserted: the previous delete removed it
                    assert response.json()["vote_count"] == 1, response.text
            return requests / (time.perf_counter() - started)
    finally:
        await pool.close()


async def _cocreate_rate(settings: Settings, requests: int) -> float:
    app = create_app(settings)
    async with app.router.lifespan_context(app), httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://bench"
    ) as client:
        campaign = await launch_campaign(await sign_up(client, "Bench manager"))
        author = await sign_up(client, "Bench author")
        entry = (await author.post(f"/campaigns/{campaign['slug']}/entries",
                                   {"title": "Bench idea"})).json()
        voter = await sign_up(client, "Bench voter")
        path = f"/entries/{entry['id']}/vote"
        started = time.perf_counter()
        for n in range(requests):
            response = await (voter.put(path) if n % 2 == 0 else voter.delete(path))
            assert response.status_code == 200, response.text
        return requests / (time.perf_counter() - started)


def _measure(database_url: str, requests: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        env = {
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": f"{folder}/media", "MAIL_DIR": f"{folder}/mail",
            "RATE_LIMIT_VOTES": "1000000/minute", "RATE_LIMIT_VOTES_PER_IP": "1000000/minute",
            "RATE_LIMIT_SIGNUP": "1000/minute", "RATE_LIMIT_LOGIN": "1000/minute",
        }
        services.run_cocreate(["migrate"], env)
        settings = Settings(**{key.lower(): value for key, value in env.items()})
        bare = asyncio.run(_bare_rate(database_url, requests))
        real = asyncio.run(_cocreate_rate(settings, requests))
    return bare, real


async def _create_database(name: str) -> None:
    admin = await asyncpg.connect(services.ADMIN_DATABASE_URL)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()


async def _drop_database(name: str) -> None:
    admin = await asyncpg.connect(services.ADMIN_DATABASE_URL)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--database-url", default=None,
                        help="an empty or disposable PostgreSQL database (default: a scratch "
                             "database created and dropped on TEST_DATABASE_URL's server)")
    args = parser.parse_args()
    scratch = None
    database_url = args.database_url
    if database_url is None:
        scratch = services.new_database_name("cocreate_bench_votes")
        database_url = services.database_url(scratch)
        asyncio.run(_create_database(scratch))
    try:
        bare, real = _measure(database_url, args.requests)
    finally:
        if scratch:
            asyncio.run(_drop_database(scratch))
    print(f"database:                 {database_url}{' (scratch, dropped)' if scratch else ''}")
    print(f"requests per run:         {args.requests} (alternating vote / unvote)")
    print(f"bare Starlette + asyncpg: {bare:8.0f} requests/s")
    print(f"cocreate vote endpoint:   {real:8.0f} requests/s")
    print(f"ratio (cocreate / bare):  {real / bare:8.3f}")


if __name__ == "__main__":
    main()
