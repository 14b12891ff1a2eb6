"""Moving an entry's public totals when votes start or stop counting.

Every total a counted vote feeds (the entry's votes and trending sum, the contributor scores
of its author or team) moves here, inside the caller's transaction, so voting, holding a
suspicious vote and a manager's review all keep the totals equal to the counted ledger.
"""

from __future__ import annotations

from datetime import datetime

from tortoise.expressions import F

from cocreate.models import Entry
from cocreate.services.scores import scores
from cocreate.services.voting import trending


async def move(entry: Entry, campaign_started: datetime, voted_at: list[datetime],
               sign: int) -> None:
    """Add (`sign` +1) or take away (-1) the votes cast at `voted_at` from the totals."""
    if not voted_at:
        return
    boost = sum(trending.weight(at, campaign_started) for at in voted_at)
    await Entry.filter(id=entry.id).update(
        vote_count=F("vote_count") + sign * len(voted_at), trend=F("trend") + sign * boost)
    await scores.add(entry, sign * len(voted_at))
