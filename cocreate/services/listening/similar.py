"""Similar ideas: what a fan typing a new idea might vote for instead of repeating it.

PostgreSQL ranks by full text (title weighted above body, 'english' stemming, so word forms
meet) plus trigram similarity of the titles (pg_trgm, so typos meet too); SQLite, the
embedded default, ranks by bm25 over an FTS5 table (porter stemming). The indexes, the FTS5
table and its triggers come from migration 0016; the expressions below repeat the indexed ones
so PostgreSQL can use them. Only published entries of the campaign are ever found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tortoise import connections

from cocreate.models import Campaign, Entry, EntryStatus, User
from cocreate.services.campaigns import campaigns, phases
from cocreate.services.core.context import Deps
from cocreate.services.core.validation import check_text
from cocreate.services.voting import voting

MIN_CHARS = 3  # less than this is no question yet
MAX_WORDS = 24
QUERY_WORDS = 8  # words any of which may match: more would match nearly every idea
LIMIT = 5
WORD = re.compile(r"\w+")

DOCUMENT = ("setweight(to_tsvector('english'::regconfig, e.title), 'A') || "
            "setweight(to_tsvector('english'::regconfig, e.body), 'B')")
QUERY = "websearch_to_tsquery('english'::regconfig, $2)"
# Each branch of the union can use its own index (full text, trigrams), and the hits are
# gathered first (MATERIALIZED) so that only they are ranked: ranking reads each document
# again, which costs far more than finding it.
POSTGRES = f"""
WITH hits AS MATERIALIZED (
    SELECT e.id FROM entries e
    WHERE e.campaign_id = $1 AND e.status = '{EntryStatus.PUBLISHED}' AND ({DOCUMENT}) @@ {QUERY}
    UNION
    SELECT e.id FROM entries e
    WHERE e.campaign_id = $1 AND e.status = '{EntryStatus.PUBLISHED}' AND lower(e.title) % lower($3)
)
SELECT e.id,
       ts_rank({DOCUMENT}, {QUERY}, 32) + similarity(lower(e.title), lower($3)) AS score
FROM entries e JOIN hits ON hits.id = e.id
WHERE e.id <> $4
ORDER BY score DESC, e.vote_count DESC, e.id
LIMIT $5
"""
SQLITE = f"""
SELECT e.id FROM entry_search s JOIN entries e ON e.id = s.entry_id
WHERE entry_search MATCH ? AND e.campaign_id = ? AND e.status = '{EntryStatus.PUBLISHED}'
  AND e.id <> ?
ORDER BY bm25(entry_search, 0.0, 10.0, 4.0), e.vote_count DESC, e.id
LIMIT ?
"""


@dataclass(frozen=True)
class Suggestions:
    campaign: Campaign
    ideas: list[Entry]
    voted_ids: set[str] = field(default_factory=set)  # those the viewer voted for already


def words_of(text: str) -> list[str]:
    """The distinct words typed, in order, at most MAX_WORDS."""
    seen: dict[str, None] = {}
    for word in WORD.findall(text.lower()):
        if len(word) > 1:
            seen.setdefault(word, None)
    return list(seen)[:MAX_WORDS]


async def similar_ideas(campaign: Campaign, text: str, limit: int = LIMIT,
                        exclude: str | None = None, *, title: str | None = None
                        ) -> list[Entry]:
    """The published entries of `campaign` most like `text` (a title, or a title and body),
    best first. `title`, when known apart from the body, is what typos are matched against;
    `exclude` leaves one entry out (the one being merged, say). Short input finds nothing."""
    text = (text or "").strip()
    words = words_of(text)
    if len(text) < MIN_CHARS or not words or limit <= 0:
        return []
    client = connections.get("default")
    if client.capabilities.dialect == "postgres":
        typed_title = (title if title is not None else text).strip()[:140]
        asked = (words_of(title) if title else []) or words  # the title says what it is about
        rows = await client.execute_query_dict(POSTGRES, [
            campaign.id, " or ".join(asked[:QUERY_WORDS]), typed_title, exclude or "", limit])
    else:
        # Each word quoted (FTS5 syntax stays out of it); the last one may be half typed.
        terms = [f'"{word}"' for word in words]
        terms[-1] += "*"
        rows = await client.execute_query_dict(
            SQLITE, [" OR ".join(terms), campaign.id, exclude or "", limit])
    ids = [row["id"] for row in rows]
    found = {e.id: e for e in await Entry.filter(id__in=ids).select_related(
        "campaign", "author", "media", "team")}
    return [found[entry_id] for entry_id in ids if entry_id in found]


async def search(deps: Deps, viewer: User | None, campaign_slug: str, text: str | None,
                 client_ip: str, *, title: str | None = None, limit: int = LIMIT
                 ) -> Suggestions:
    """Similar ideas in a campaign the viewer may see. Each search with enough to go on costs
    one of the viewer's (or, logged out, their address's) searches."""
    campaign = await campaigns.view_campaign(viewer, campaign_slug)
    phases.require_entry_kind(campaign, "ideas to compare with")
    text = check_text("text", text or "", label="Your idea", multiline=True).strip()
    title = title and check_text("title", title, label="Title", multiline=True)
    if len(text) < MIN_CHARS:
        return Suggestions(campaign, [])
    await deps.limiter.hit("searches", viewer.id if viewer else f"ip:{client_ip}")
    ideas = await similar_ideas(campaign, text, limit, title=title)
    return Suggestions(campaign, ideas,
                       await voting.voted_entry_ids(viewer, [e.id for e in ideas]))
