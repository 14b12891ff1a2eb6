"""Similar-idea search, listening, power-user rankings and the thank-you inbox at scale in
PostgreSQL, as ratios to a primary-key lookup in the same run.

    .venv/bin/python -m tests.bench.listening [--ideas 20000] [--comments 60000]
                                              [--people 100000]

Creates a scratch database on TEST_DATABASE_URL's server (tests/bench/leaderboards.py), applies
the migrations, and loads with COPY one organization with `--people` fans (each one PowerScore
row), one idea campaign with `--ideas` ideas (5-15 word titles, 20-60 word bodies from a
vocabulary of a few thousand words, fixed seed) spread over the last 120 days and `--comments`
top-level comments, the TermMention rows the extraction job would have written
(services/listening/terms.py run here over the same texts), and share-link visits. Every counter
equals its ledger (entry and comment counts, the power counters and scores). Then times, through
the services: similar_ideas for typed queries, the listening summary for 7/30/90 days and the
entries behind a term, the first and a deep page of both power rankings, and the inbox's first
page with and without power users first. For each operation it EXPLAIN ANALYZEs every SELECT the
service sent and shows the slowest one's plan, so a missing index shows. Not part of the
pass/fail suite. At 100,000 ideas and 300,000 comments (about ten million term mentions) loading
takes well over ten minutes on a 2-core machine, hence the lower defaults.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import logging
import random
import statistics
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import asyncpg
from tortoise import Tortoise

from cocreate.doors.db import tortoise_config
from cocreate.models import Campaign, User
from cocreate.services.influence import power_scores
from cocreate.services.listening import listening, similar, terms
from cocreate.services.reach import power_users
from cocreate.services.recognition import ack_inbox
from cocreate.settings import Settings
from tests.bench.leaderboards import _ids, scratch_database, timings

SEED = 20240611
DAYS = 120  # ideas and comments are spread over this many days up to now
BUDGET = 8.0  # seconds of timed calls per operation (at least five calls, at most 30)
AMBASSADORS = 10
STOPWORDS = ("the", "a", "and", "for", "with", "of", "to", "in", "on", "our", "more", "is",
             "that", "it", "at", "by", "from", "we", "can", "should")
SYLLABLES = ("ba", "co", "de", "fi", "gu", "ha", "jo", "ka", "li", "mo", "nu", "pa", "re",
             "si", "ta", "ve", "wo", "zen", "lar", "mint", "ros", "tek", "ful", "ber")
NOW = datetime.now(UTC)


class Writer:
    """Texts from a fixed vocabulary, common words far more often than rare ones (Zipf)."""

    def __init__(self, rng: random.Random, size: int = 3000) -> None:
        words: dict[str, None] = {}
        while len(words) < size:
            words["".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))] = None
        self.words = list(words)
        self.weights = [1 / (rank + 1) for rank in range(size)]
        self.rng = rng

    def text(self, low: int, high: int) -> str:
        count = self.rng.randint(low, high)
        content = self.rng.choices(self.words, self.weights, k=count)
        return " ".join(self.rng.choice(STOPWORDS) if self.rng.random() < 0.3 else word
                        for word in content)

    def sentence(self, low: int, high: int) -> str:
        text = self.text(low, high)
        return text[0].upper() + text[1:] + "."


def _mentions(campaign: str, entry: str, comment: str | None, source: str, at: datetime,
              *texts: str) -> list[tuple[object, ...]]:
    return [(campaign, entry, comment, source, term.key, term.label, at.date())
            for term in terms.extract(*texts)]


async def _copy(db: asyncpg.Connection, table: str, columns: list[str],
                records: list[tuple[object, ...]]) -> None:
    await db.copy_records_to_table(table, columns=columns, records=records)


async def _load(url: str, ideas: int, comments: int, people: int) -> dict[str, str]:
    """The organization, its campaign, ideas, comments, their terms, visits and power scores;
    returns names the measurements need."""
    rng = random.Random(SEED)
    writer = Writer(rng)
    db = await asyncpg.connect(url)
    # The rows are consistent by construction: skip the per-row foreign-key triggers.
    await db.execute("SET session_replication_role = replica")
    start = NOW - timedelta(days=DAYS)
    users = _ids("u", people)
    await _copy(db, "users", ["id", "handle", "email", "password_hash", "display_name",
                              "created_at"],
                [(u, u, f"{u}@bench.test", "x", f"Person {u}", start) for u in users])
    await db.execute("INSERT INTO users (id, handle, email, password_hash, display_name, "
                     "created_at) VALUES ('manager', 'manager', 'm@bench.test', 'x', "
                     "'Manager', $1)", start)
    await db.execute("INSERT INTO organizations (id, slug, name, kind, color, created_at) "
                     "VALUES ('org0', 'bench', 'Bench', 'brand', '#5b3df5', $1)", start)
    await db.execute("INSERT INTO memberships (id, org_id, user_id, role, created_at) "
                     "VALUES ('member0', 'org0', 'manager', 'owner', $1)", start)
    await db.execute(
        "INSERT INTO campaigns (id, slug, org_id, kind, title, description, description_html, "
        "phase, phase_changed_at, created_by_id, created_at, entry_count, rules, rules_html) "
        "VALUES ('camp0', 'bench', 'org0', 'idea', 'Bench', '', '', 'submission', $1, "
        "'manager', $1, $2, '', '')", start, ideas)
    entry_ids = _ids("e", ideas)
    entry_rows, mentions, author_of, born = [], [], {}, {}
    for entry_id in entry_ids:
        title, body = writer.sentence(5, 15)[:140], writer.sentence(20, 60)
        at = start + timedelta(seconds=rng.uniform(0, DAYS * 86400))
        author_of[entry_id], born[entry_id] = users[rng.randrange(people)], at
        entry_rows.append((entry_id, "camp0", author_of[entry_id], "idea", title, body,
                           f"<p>{html.escape(body)}</p>", 0, 0, 0.0, "published", 0, at))
        mentions += _mentions("camp0", entry_id, None, f"e:{entry_id}", at, title, body)
    await _copy(db, "entries", ["id", "campaign_id", "author_id", "kind", "title", "body",
                                "body_html", "vote_count", "remix_count", "trend", "status",
                                "open_reports", "created_at"], entry_rows)
    counters: dict[str, Counter[str]] = {u: Counter() for u in users}
    comment_rows, on_entry = [], Counter()
    for comment_id in _ids("c", comments):
        entry_id, author = entry_ids[rng.randrange(ideas)], users[rng.randrange(people)]
        body = writer.sentence(8, 30)
        at = born[entry_id] + (NOW - born[entry_id]) * rng.random()
        comment_rows.append((comment_id, entry_id, author, body,
                             f"<p>{html.escape(body)}</p>", at))
        mentions += _mentions("camp0", entry_id, comment_id, f"c:{comment_id}", at, body)
        on_entry[entry_id] += 1
        counters[author]["threads"] += 1
        if author_of[entry_id] != author:
            counters[author_of[entry_id]]["replies"] += 1
    await _copy(db, "comments", ["id", "entry_id", "author_id", "body", "body_html",
                                 "created_at"], comment_rows)
    await db.executemany("UPDATE entries SET comment_count = $2 WHERE id = $1",
                         list(on_entry.items()))
    await _copy(db, "term_mentions", ["campaign_id", "entry_id", "comment_id", "source",
                                      "term", "label", "day"], mentions)
    visits = []
    for user in users:  # a few share a lot, most a little or not at all
        for _ in range(min(int(rng.paretovariate(1.2)) - 1, 500)):
            visits.append((f"r{len(visits):011d}", user, "visit",
                           f"visit:v{len(visits)}:{user}", "camp0", "/c/bench", start))
            counters[user]["visits"] += 1
    await _copy(db, "referrals", ["id", "sharer_id", "kind", "subject", "campaign_id",
                                  "path", "created_at"], visits)
    fields = list(power_scores.COUNTERS)
    await _copy(db, "power_scores", ["id", "org_id", "user_id", *fields, "influence",
                                     "conversation"],
                [(f"p{u}"[:16], "org0", u, *(c[f] for f in fields),
                  *power_scores.scores_of(c).values()) for u, c in counters.items()])
    await _copy(db, "ambassadors", ["id", "org_id", "user_id", "note", "created_at"],
                [(f"a{u}"[:16], "org0", u, "", start) for u in users[:AMBASSADORS]])
    await db.execute("ANALYZE")
    await db.close()
    print(f"loaded {ideas:,} ideas, {comments:,} comments, {len(mentions):,} term mentions, "
          f"{people:,} power scores, {len(visits):,} visits", flush=True)
    typo = entry_rows[4242 % ideas][4].split()
    word = max(range(len(typo)), key=lambda i: len(typo[i]))
    typo[word] = typo[word][1] + typo[word][0] + typo[word][2:]  # two letters swapped
    return {"typo": " ".join(typo), "pair": f"{writer.words[40]} {writer.words[300]}",
            "long": writer.sentence(40, 40)}


class Captured(logging.Handler):
    """The statements Tortoise sends, with their values."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.queries: list[tuple[str, list[object]]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.args, tuple) and len(record.args) == 2:
            query, values = record.args
            if isinstance(query, str) and query.lstrip().upper().startswith(("SELECT", "WITH")):
                self.queries.append((query, list(values or [])))


async def _slowest_plan(db: asyncpg.Connection, work: Callable[[], Awaitable[object]]
                        ) -> tuple[str, list[str]]:
    """The top node and text plan of the slowest SELECT one call of `work` sends."""
    handler, log = Captured(), logging.getLogger("tortoise.db_client")
    log.addHandler(handler)
    log.setLevel(logging.DEBUG)
    try:
        await work()
    finally:
        log.removeHandler(handler)
    slowest: tuple[float, str, list[str]] = (-1.0, "", [])
    for query, values in handler.queries:
        rows = await db.fetch(f"EXPLAIN (ANALYZE, BUFFERS OFF) {query}", *values)
        lines = [row[0][:150] for row in rows]  # long IN lists cut short
        took = float(next(line for line in lines if line.startswith("Execution Time"))
                     .split()[2])
        if took > slowest[0]:
            slowest = (took, lines[0].split("  (")[0].strip("-> "), lines)
    return slowest[1], slowest[2]


async def _measure(url: str, typed: dict[str, str]) -> None:
    db = await asyncpg.connect(url)
    campaign = await Campaign.get(id="camp0")
    manager = await User.get(id="manager")
    top = (await listening.summary(manager, "bench", 30, NOW)).terms
    term = top[0].key if top else "none"
    cases: dict[str, Callable[[], Awaitable[object]]] = {
        "pk lookup (baseline)": lambda: db.fetchrow("SELECT * FROM entries WHERE id = $1",
                                                    "e00000000042"),
        "similar: title with typo": lambda: similar.similar_ideas(campaign, typed["typo"]),
        "similar: two words": lambda: similar.similar_ideas(campaign, typed["pair"]),
        "similar: long text": lambda: similar.similar_ideas(campaign, typed["long"]),
        **{f"listening {days} days": (lambda d=days: listening.summary(manager, "bench", d, NOW))
           for days in listening.PERIODS},
        f"entries behind '{term}'": lambda: listening.entries_behind(manager, "bench", 30,
                                                                     term=term, now=NOW),
        **{f"{by} page {page}": (lambda b=by, p=page: power_users.ranking(
            manager, "bench", b, p)) for by in power_users.RANKINGS for page in (1, 400)},
        "inbox first page": lambda: ack_inbox.inbox(manager, "bench"),
        "inbox power users first": lambda: ack_inbox.inbox(manager, "bench",
                                                           power_first=True),
    }
    results, plans = [], {}
    for name, work in cases.items():
        found = sorted(await timings(work, budget=BUDGET))
        node, plans[name] = await _slowest_plan(db, work)
        results.append((name, statistics.median(found),
                        found[min(len(found) - 1, round(0.95 * (len(found) - 1)))], node))
    baseline = results[0][1]
    print(f"\n{'operation':<34}{'median ms':>10}{'p95 ms':>10}{'ratio':>9}  plan's top node")
    for name, median, p95, node in results:
        print(f"{name:<34}{median * 1000:>10.2f}{p95 * 1000:>10.2f}"
              f"{median / baseline:>9.0f}  {node}")
    for name, lines in plans.items():
        if lines:
            print(f"\nslowest statement of {name}:\n  " + "\n  ".join(lines))
    await db.close()


async def main(ideas: int, comments: int, people: int) -> None:
    async with scratch_database() as url:
        typed = await _load(url, ideas, comments, people)
        await Tortoise.init(config=tortoise_config(Settings(database_url=url)))
        try:
            await _measure(url, typed)
        finally:
            await Tortoise.close_connections()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ideas", type=int, default=20_000)
    parser.add_argument("--comments", type=int, default=60_000)
    parser.add_argument("--people", type=int, default=100_000)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.ideas, arguments.comments, arguments.people))
