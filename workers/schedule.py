"""Scheduled work run by arq's cron on the workers: moving campaigns whose next phase is due.

arq enqueues each tick under one job id, so several workers run a tick once; the phase
change itself is a conditional update, so even overlapping ticks move a campaign once.
"""

from __future__ import annotations

from typing import Any

from arq.cron import CronJob, cron

from cocreate.services import phases
from cocreate.settings import Settings


async def advance_phases(ctx: dict[str, Any]) -> int:
    return len(await phases.advance_due())


def cron_jobs(settings: Settings) -> list[CronJob]:
    every = settings.schedule_interval
    return [cron(advance_phases, name="advance_phases", second=set(range(0, 60, every)),
                 microsecond=0, run_at_startup=True, timeout=60)]
