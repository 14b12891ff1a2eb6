"""Jobs that failed for good (on their data, after every attempt): listed for operators with
their last error, and handed back to the queue once the cause is fixed. A person's
notification that could not be mailed stays here until someone looks at it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cocreate.doors import jobs
from cocreate.lib.errors import NotFound
from cocreate.models import Job

ARGS_LENGTH = 80


@dataclass(frozen=True)
class FailedJob:
    id: str
    name: str
    args: str  # the payload in one short line
    attempts: int
    error: str
    failed_at: datetime


def _summary(payload: dict[str, object]) -> str:
    line = ", ".join(f"{key}={value}" for key, value in sorted(payload.items()))
    return line if len(line) <= ARGS_LENGTH else line[:ARGS_LENGTH - 1] + "…"


async def failed(limit: int = 100) -> list[FailedJob]:
    """The failed jobs, the most recent failure first."""
    rows = await Job.filter(status="failed").order_by("-updated_at", "id").limit(limit)
    return [FailedJob(id=row.id, name=row.name, args=_summary(row.payload),
                      attempts=row.attempts, error=row.last_error or "", failed_at=row.updated_at)
            for row in rows]


async def retry(job_id: str) -> None:
    """Run a failed job again, with all its attempts; raises NotFound for any other id."""
    shaped = len(job_id) <= 16 and job_id.isascii() and job_id.isalnum()
    if not shaped or not await jobs.retry_failed(job_id):
        raise NotFound(f"No failed job has the id {job_id!r}.")
