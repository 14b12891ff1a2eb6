"""arq's in-progress key as a short lease that the worker running the job keeps renewing.

arq marks a job it starts with an in-progress key that lives as long as the longest timeout
of any of the worker's functions, plus 10 s: with the nightly cron jobs' hour, an hour. A
worker killed in the middle of a job (SIGKILL, out of memory, a lost machine) left its jobs
locked that long, and no other worker could take them (the job stays queued in Redis; its
outbox row is `sent`, and handing it to arq again is refused while arq still holds its id).

Here the key lives `LEASE` and the worker renews it every `RENEW_EVERY` for each job it still
runs, so a job runs as long as its own timeout allows while its worker lives, and a killed
worker's jobs are free again within `LEASE`: the next worker polling the queue runs them.
Handlers are idempotent, so a job cut short and run again is done once.
"""

from __future__ import annotations

import time
from typing import Any

from arq.constants import in_progress_key_prefix
from arq.worker import Worker

LEASE = 15.0  # seconds
RENEW_EVERY = 3.0  # seconds: five renewals fit in a lease, even on a busy machine


class LeasedWorker(Worker):
    def __init__(self, *args: Any, lease: float = LEASE, renew_every: float = RENEW_EVERY,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.in_progress_timeout_s = self.lease = lease
        self.renew_every = renew_every
        self._renewed_at = 0.0

    async def heart_beat(self) -> None:
        """Called by arq's poll loop (every `poll_delay`) alongside its own health check."""
        await super().heart_beat()
        now = time.monotonic()
        if now - self._renewed_at >= self.renew_every:
            self._renewed_at = now
            await self.renew_leases()

    async def renew_leases(self) -> None:
        """Extend the in-progress key of every job this worker is still running."""
        running = [job_id for job_id, task in self.tasks.items() if not task.done()]
        if not running:
            return
        async with self.pool.pipeline(transaction=False) as pipe:
            for job_id in running:
                pipe.pexpire(in_progress_key_prefix + job_id, int(self.lease * 1000))
            await pipe.execute()
