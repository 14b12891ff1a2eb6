"""Which errors mean that a backend (PostgreSQL, Redis) did not answer, as opposed to a fault
in the request or in our code: those become a 503 "try again" instead of a 500."""

from __future__ import annotations

import asyncpg
import redis.exceptions
from tortoise.exceptions import DBConnectionError

# Registered as exception handlers one by one (cocreate/errors.py); `is_outage` decides.
OUTAGE_TYPES: tuple[type[BaseException], ...] = (
    asyncpg.InterfaceError,  # e.g. "connection is closed", a pool closing
    asyncpg.PostgresConnectionError,  # ConnectionDoesNotExistError, ConnectionFailureError
    asyncpg.exceptions.OperatorInterventionError,  # AdminShutdown, CannotConnectNow
    asyncpg.exceptions.TooManyConnectionsError,
    # A connection the server killed mid-query, being reset on its way back to the pool
    # ("another operation is in progress"); the pool then drops it and opens a new one.
    asyncpg.exceptions.InternalClientError,
    DBConnectionError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    OSError,  # refused, reset, unreachable (files are not looked at here: see is_outage)
)
_NOT_OUTAGES = (FileNotFoundError, PermissionError, IsADirectoryError, NotADirectoryError,
                FileExistsError)


def is_outage(error: BaseException) -> bool:
    """Whether `error`, or what it was raised from, says a backend is unreachable."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OUTAGE_TYPES) and not isinstance(current, _NOT_OUTAGES):
            return True
        current = current.__cause__ or current.__context__
    return False
