"""What a change recorded for the worker: the jobs of one name, to look at before they run."""

from __future__ import annotations

from typing import Any

from cocreate.models import Job


async def recorded(name: str, **payload: Any) -> list[Job]:
    """The jobs named `name` recorded so far (with this payload, if given), oldest first."""
    found = await Job.filter(name=name).order_by("created_at", "id")
    return [job for job in found if all(job.payload.get(k) == v for k, v in payload.items())]
