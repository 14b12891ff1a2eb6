"""Trending: votes weighted by how recent they are, kept as one number per entry.

A vote cast at time t adds e^((t - campaign start) / 24 h) to its entry's `trend`. Ordering by
that sum is the same as ordering by votes decayed by e^(-age / 24 h) at any moment (every
entry's sum is scaled by the same factor), so the order needs no recomputation as time
passes and the number moves with each vote, in its transaction. The campaign's start as the
origin keeps the numbers finite: a year-long campaign stays below e^366, far inside a double.
"""

from __future__ import annotations

import math
from datetime import datetime

DECAY_HOURS = 24.0


def weight(voted_at: datetime, campaign_started: datetime) -> float:
    hours = max(0.0, (voted_at - campaign_started).total_seconds() / 3600)
    return math.exp(hours / DECAY_HOURS)
