"""Scheduled work run by arq's cron on the workers: moving campaigns whose next phase is due,
the nightly recount of every counter and the daily email digests.

arq enqueues each tick under one job id, so several workers run a tick once; the phase
change itself is a conditional update, so even overlapping ticks move a campaign once (and
a digest claims its person and its rows the same way).
"""

from __future__ import annotations

from typing import Any

from arq.cron import CronJob, cron

from cocreate.services.campaigns import lifecycle
from cocreate.services.notifications import notification_mail
from cocreate.services.operations import reconcile
from cocreate.settings import Settings


async def advance_phases(ctx: dict[str, Any]) -> int:
    return len(await lifecycle.advance_due(realtime=ctx.get("realtime")))


async def reconcile_counters(ctx: dict[str, Any]) -> int:
    """Nightly proof that every counter equals its ledger; differences are logged as errors."""
    return len(await reconcile.reconcile(repair=False))


async def send_digests(ctx: dict[str, Any]) -> int:
    """The daily digest for everyone who prefers one to single mails."""
    return await notification_mail.send_digests(ctx["job_context"].settings)


def cron_jobs(settings: Settings) -> list[CronJob]:
    every = settings.schedule_interval
    return [
        cron(advance_phases, name="advance_phases", second=set(range(0, 60, every)),
             microsecond=0, run_at_startup=True, timeout=60),
        cron(reconcile_counters, name="reconcile_counters", hour=3, minute=17, second=0,
             timeout=3600),
        cron(send_digests, name="send_digests", hour=settings.digest_hour_utc, minute=0,
             second=0, timeout=3600),
    ]
