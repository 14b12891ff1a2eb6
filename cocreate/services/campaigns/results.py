"""Final results of campaigns with a jury: the jury's score and the public vote, by weight.

final_score = 100 * (w * jury_score / 10 + (1 - w) * votes / most votes), with w the jury's
share (jury_weight / 100), an entry nobody judged counting 0 for the jury part, and the public
part 0 when no entry has a vote. It is stored on every published entry when the campaign
enters its results (the gallery's "top" sort reads it from an index), and computed on read for
the managers' preview before that. This module reads models only, so phases can call it.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.expressions import F

from cocreate.models import Campaign, Entry, EntryStatus

RANKING_SIZE = 100
ENTRY_RELATED = ("author", "media", "team")


@dataclass(frozen=True)
class ResultRow:
    rank: int
    entry: Entry
    jury_score: float | None
    jury_judges: int
    votes: int
    final_score: float


def factors(jury_weight: int, max_votes: int) -> tuple[float, float]:
    """What a point of jury score and a vote are worth in the final score."""
    w = jury_weight / 100
    return 10 * w, (100 * (1 - w) / max_votes if max_votes > 0 else 0.0)


def final_score(jury_weight: int, jury_score: float | None, votes: int, max_votes: int) -> float:
    jury_factor, vote_factor = factors(jury_weight, max_votes)
    return (jury_score or 0.0) * jury_factor + votes * vote_factor


async def max_votes(campaign_id: str) -> int:
    """The most votes any published entry of the campaign has (an indexed read)."""
    top = await Entry.filter(campaign_id=campaign_id, status=EntryStatus.PUBLISHED) \
        .order_by("-vote_count").limit(1).values_list("vote_count", flat=True)
    return top[0] if top else 0


async def store_final_scores(campaign: Campaign) -> None:
    """Set final_score on the campaign's published entries (idempotent: a recompute from the
    stored jury scores and vote counts); entries that are not public get none."""
    if campaign.jury_weight <= 0:
        return
    jury_factor, vote_factor = factors(campaign.jury_weight, await max_votes(campaign.id))
    published = Entry.filter(campaign_id=campaign.id, status=EntryStatus.PUBLISHED)
    # Step by step: an expression can't mix the integer and float columns, and PostgreSQL
    # would read a factor next to an integer column as an integer.
    await published.update(final_score=F("vote_count"))
    await published.update(final_score=F("final_score") * vote_factor)
    await published.filter(jury_score__isnull=False).update(
        final_score=F("final_score") + F("jury_score") * jury_factor)
    await Entry.filter(campaign_id=campaign.id).exclude(status=EntryStatus.PUBLISHED).update(
        final_score=None)


def _ranked(rows: list[tuple[Entry, float]]) -> list[ResultRow]:
    return [
        ResultRow(rank, entry, entry.jury_score, entry.jury_judges, entry.vote_count, score)
        for rank, (entry, score) in enumerate(rows, start=1)
    ]


async def stored_ranking(campaign: Campaign, limit: int = RANKING_SIZE) -> list[ResultRow]:
    """The published results: stored final scores, highest first, earlier first on ties."""
    found = await Entry.filter(campaign=campaign, status=EntryStatus.PUBLISHED,
                               final_score__isnull=False).select_related(*ENTRY_RELATED) \
        .order_by("-final_score", "created_at", "id").limit(limit)
    return _ranked([(entry, entry.final_score or 0.0) for entry in found])


async def vote_ranking(campaign: Campaign, limit: int = RANKING_SIZE) -> list[ResultRow]:
    """Campaigns without a jury: the public vote alone, most votes first."""
    found = await Entry.filter(campaign=campaign, status=EntryStatus.PUBLISHED) \
        .select_related(*ENTRY_RELATED).order_by("-vote_count", "created_at", "id").limit(limit)
    most = found[0].vote_count if found else 0
    return _ranked([(entry, final_score(0, None, entry.vote_count, most)) for entry in found])


async def preview_ranking(campaign: Campaign, limit: int = RANKING_SIZE) -> list[ResultRow]:
    """What the results would be now, computed on read (for the managers)."""
    found = await Entry.filter(campaign=campaign, status=EntryStatus.PUBLISHED) \
        .select_related(*ENTRY_RELATED)
    most = max((entry.vote_count for entry in found), default=0)
    scored = [(entry, final_score(campaign.jury_weight, entry.jury_score, entry.vote_count,
                                  most)) for entry in found]
    scored.sort(key=lambda pair: (-pair[1], pair[0].created_at, pair[0].id))
    return _ranked(scored[:limit])
