"""Vote throughput of the real endpoint, as a ratio to a bare Starlette JSON endpoint.

    .venv/bin/python -m tests.bench.votes [--requests 2000]

Both run in this process through the same ASGI transport, so the ratio shows what the
application (middleware, session lookup, CSRF, service, transaction, counter) costs per vote.
Uses the embedded default (SQLite in a temporary folder) unless DATABASE_URL is set; the
database must be empty or disposable. Not part of the pass/fail suite.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time

import httpx
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from cocreate.app import create_app
from cocreate.settings import Settings
from tests.people import launch_campaign, sign_up


async def _bare_app_rate(requests: int) -> float:
    async def vote(request):  # type: ignore[no-untyped-def]
        return JSONResponse({"voted": True, "vote_count": 1})

    bare = Starlette(routes=[Route("/vote", vote, methods=["PUT"])])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=bare),
                                 base_url="http://bench") as client:
        started = time.perf_counter()
        for _ in range(requests):
            await client.put("/vote")
        return requests / (time.perf_counter() - started)


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
        started = time.perf_counter()
        for n in range(requests):
            path = f"/entries/{entry['id']}/vote"
            response = await (voter.put(path) if n % 2 == 0 else voter.delete(path))
            assert response.status_code == 200, response.text
        return requests / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {
            "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite://{folder}/bench.sqlite3"),
            "MEDIA_ROOT": f"{folder}/media", "RATE_LIMIT_VOTES": "1000000/minute",
            "RATE_LIMIT_SIGNUP": "1000/minute", "RATE_LIMIT_LOGIN": "1000/minute",
        }
        subprocess.run([sys.executable, "-m", "cocreate.cli", "migrate"],
                       env={**os.environ, **env}, check=True)
        settings = Settings(**{k.lower(): v for k, v in env.items()})
        bare = asyncio.run(_bare_app_rate(args.requests))
        real = asyncio.run(_cocreate_rate(settings, args.requests))
    print(f"bare Starlette endpoint: {bare:8.0f} requests/s")
    print(f"cocreate vote endpoint:  {real:8.0f} requests/s")
    print(f"ratio (cocreate / bare): {real / bare:8.3f}")


if __name__ == "__main__":
    main()
