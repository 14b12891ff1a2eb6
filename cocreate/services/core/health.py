"""Readiness: can this process reach what it is configured to use?"""

from __future__ import annotations

from tortoise import connections

from cocreate.services.core.context import Deps


async def readiness(deps: Deps) -> dict[str, str]:
    """Each configured dependency mapped to "ok" or the reason it is not."""
    checks: dict[str, str] = {}
    try:
        await connections.get("default").execute_query("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:
        checks["database"] = f"unreachable: {type(error).__name__}"
    try:
        await deps.storage.check()
        checks["storage"] = "ok"
    except Exception as error:
        checks["storage"] = f"unreachable: {type(error).__name__}"
    if deps.settings.redis_url:
        try:
            await deps.limiter.storage.check() or _raise()
            checks["redis"] = "ok"
        except Exception as error:
            checks["redis"] = f"unreachable: {type(error).__name__}"
    return checks


def _raise() -> None:
    raise ConnectionError("no answer")
