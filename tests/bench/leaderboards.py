"""Leaderboard reads at scale in PostgreSQL, as ratios to a primary-key lookup in the same run.

    .venv/bin/python -m tests.bench.leaderboards [--entries 100000] [--votes-per-entry 50]

Creates a scratch database on TEST_DATABASE_URL's server (default: the local PostgreSQL),
applies the migrations, loads one campaign with `--entries` entries and entries × votes
votes (100,000 × 50 = 5,000,000 by default) with COPY, keeping every counter equal to its
ledger, then times the first and a deep page of each gallery order (top, trending, new) and
the contributor ranking through the services, next to a bare `SELECT ... WHERE id = $1`.
Prints each query's plan so a missing index shows. Not part of the pass/fail suite.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import asyncpg
from tortoise import Tortoise

from cocreate.doors.db import tortoise_config
from cocreate.services.entries import entries
from cocreate.services.scores import scores
from cocreate.services.voting import trending
from cocreate.settings import Settings

ADMIN_URL = os.environ.get("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
ROUNDS = 30


def _ids(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{n:011d}"[:16] for n in range(count)]


async def _load(url: str, entry_count: int, per_entry: int) -> str:
    """One brand, one campaign, its entries and votes; returns the campaign's slug."""
    db = await asyncpg.connect(url)
    now = datetime.now(UTC)
    start = now - timedelta(days=30)
    users = _ids("u", max(per_entry * 4, 1000))
    authors = users[: max(1, len(users) // 4)]
    await db.copy_records_to_table("users", columns=[
        "id", "handle", "email", "password_hash", "display_name", "created_at"],
        records=[(u, u, f"{u}@bench.test", "x", f"Person {u}", start) for u in users])
    await db.execute("INSERT INTO organizations (id, slug, name, kind, color, created_at) "
                     "VALUES ('org0', 'bench', 'Bench', 'brand', '#5b3df5', $1)", start)
    await db.execute(
        "INSERT INTO campaigns (id, slug, org_id, kind, title, description, description_html, "
        "phase, phase_changed_at, created_by_id, created_at, entry_count, rules, rules_html) "
        "VALUES ('camp0', 'bench', 'org0', 'idea', 'Bench', '', '', 'voting', $1, $2, $1, $3, "
        "'', '')", start, users[0], entry_count)
    entry_ids = _ids("e", entry_count)
    votes, trend_of, count_of, received = [], {}, {}, {}
    for index, entry_id in enumerate(entry_ids):
        how_many = (index * 7919) % (per_entry * 2 + 1)  # 0 .. 2 × per_entry, mean per_entry
        voted_at = start + timedelta(minutes=(index * 13) % (30 * 24 * 60))
        count_of[entry_id] = how_many
        trend_of[entry_id] = how_many * trending.weight(voted_at, start)
        author = authors[index % len(authors)]
        received[author] = received.get(author, 0) + how_many
        for j in range(how_many):
            voter = users[(index + j * 3 + 1) % len(users)]
            votes.append((f"v{index:08d}{j:04d}"[:16], entry_id, voter, voted_at))
    await db.copy_records_to_table("entries", columns=[
        "id", "campaign_id", "author_id", "kind", "title", "body", "body_html", "vote_count",
        "remix_count", "trend", "status", "open_reports", "created_at"],
        records=[(e, "camp0", authors[i % len(authors)], "idea", f"Idea {i}", "", "",
                  count_of[e], 0, trend_of[e], "published", 0,
                  start + timedelta(seconds=i)) for i, e in enumerate(entry_ids)])
    await db.copy_records_to_table("votes", columns=["id", "entry_id", "user_id", "created_at"],
                                   records=votes)
    await db.copy_records_to_table("campaign_scores", columns=[
        "id", "campaign_id", "user_id", "votes"],
        records=[(f"s{u}"[:16], "camp0", u, n) for u, n in received.items()])
    await db.execute("ANALYZE")
    await db.close()
    print(f"loaded {len(entry_ids):,} entries and {len(votes):,} votes", flush=True)
    return "bench"


async def timings(work: Callable[[], Awaitable[object]], rounds: int = ROUNDS,
                  budget: float | None = None) -> list[float]:
    """Seconds per call over `rounds` calls after a warm-up one; with a `budget` (seconds),
    stops early once it is spent, after at least five calls."""
    await work()  # warm
    found: list[float] = []
    while len(found) < rounds:
        started = time.perf_counter()
        await work()
        found.append(time.perf_counter() - started)
        if budget is not None and len(found) >= 5 and sum(found) > budget:
            break
    return found


async def _median(work: Callable[[], Awaitable[object]]) -> float:
    return statistics.median(await timings(work))


async def _measure(url: str, slug: str) -> None:
    db = await asyncpg.connect(url)

    async def bare() -> object:
        return await db.fetchrow("SELECT * FROM entries WHERE id = $1", "e00000000042")

    baseline = await _median(bare)
    pages = {}
    for sort in entries.SORTS:
        first = await entries.list_entries(slug, sort, None, 24)
        cursor = first.next_cursor
        for _ in range(40):  # a deep page: 40 pages in
            cursor = (await entries.list_entries(slug, sort, cursor, 24)).next_cursor
        pages[sort] = cursor
    cases: dict[str, Callable[[], Awaitable[object]]] = {
        f"{sort} {depth}": (lambda s=sort, c=cursor: entries.list_entries(slug, s, c, 24))
        for sort in entries.SORTS for depth, cursor in (("first page", None),
                                                         ("page 41", pages[sort]))
    }
    cases["contributors"] = lambda: scores.campaign_ranking(None, slug)
    print(f"\nbaseline (primary-key lookup): {baseline * 1000:.3f} ms")
    print(f"{'query':<28}{'median ms':>10}{'ratio':>9}")
    for name, work in cases.items():
        took = await _median(work)
        print(f"{name:<28}{took * 1000:>10.3f}{took / baseline:>9.1f}")
    plan = await db.fetch(
        "EXPLAIN SELECT id FROM entries WHERE campaign_id = 'camp0' AND status = 'published' "
        "ORDER BY vote_count DESC, created_at, id LIMIT 25")
    print("\nplan of the top page:\n  " + "\n  ".join(row[0] for row in plan))
    await db.close()


@asynccontextmanager
async def scratch_database() -> AsyncIterator[str]:
    """A new database on ADMIN_URL's server with the migrations applied (its URL); dropped
    on the way out."""
    name = "cocreate_bench_" + uuid.uuid4().hex[:8]
    admin = await asyncpg.connect(ADMIN_URL)
    await admin.execute(f'CREATE DATABASE "{name}"')
    url = ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    try:
        env = {**os.environ, "DATABASE_URL": url}
        await asyncio.to_thread(subprocess.run, [sys.executable, "-m", "cocreate.cli", "migrate"],
                                env=env, check=True)
        yield url
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def main(entry_count: int, per_entry: int) -> None:
    async with scratch_database() as url:
        slug = await _load(url, entry_count, per_entry)
        await Tortoise.init(config=tortoise_config(Settings(database_url=url)))
        try:
            await _measure(url, slug)
        finally:
            await Tortoise.close_connections()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--votes-per-entry", type=int, default=50)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.entries, arguments.votes_per_entry))
