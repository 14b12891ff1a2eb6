"""Scheduled work run by arq's cron on the workers: moving campaigns whose next phase is due,
and the nightly recount of every counter.

arq enqueues each tick under one job id, so several workers run a tick once; the phase
change itself is a conditional update, so even overlapping ticks move a campaign once.
"""

from __future__ import annotations

from typing import Any

from arq.cron import CronJob, cron

from cocreate.services import phases, reconcile
from cocreate.settings import Settings


async def advance_phases(ctx: dict[str, Any]) -> int:
    return len(await phases.advance_due(realtime=ctx.get("realtime")))


async def reconcile_counters(ctx: dict[str, Any]) -> int:
    """Nightly proof that every counter equals its ledger; differences are logged as errors."""
    return len(await reconcile.reconcile(repair=False))


def cron_jobs(settings: Settings) -> list[CronJob]:
    every = settings.schedule_interval
    return [
        cron(advance_phases, name="advance_phases", second=set(range(0, 60, every)),
             microsecond=0, run_at_startup=True, timeout=60),
        cron(reconcile_counters, name="reconcile_counters", hour=3, minute=17, second=0,
             timeout=3600),
    ]
