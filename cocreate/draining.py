"""Draining before a stop, for rolling restarts behind a load balancer.

uvicorn stops on SIGTERM: it closes its listening socket, finishes the requests in flight and
runs the lifespan's shutdown. With `DRAIN_SECONDS` set, the first SIGTERM first marks the app
as draining (its readiness check, /readyz, answers 503, so the balancer stops routing to it)
and hands the signal on to uvicorn only when that time has passed; a second SIGTERM stops at
once.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from collections.abc import Callable
from types import FrameType

from starlette.datastructures import State

log = logging.getLogger(__name__)


def is_draining(state: State) -> bool:
    return bool(getattr(state, "draining", False))


def drain_on_sigterm(state: State, seconds: float) -> Callable[[], None]:
    """Put the drain in front of the SIGTERM handler the server installed; returns how to
    take it away again. Does nothing without a drain time or outside the main thread."""
    state.draining = False
    previous = signal.getsignal(signal.SIGTERM)
    if seconds <= 0 or not callable(previous) \
            or threading.current_thread() is not threading.main_thread():
        return lambda: None
    loop = asyncio.get_running_loop()

    def on_sigterm(number: int, frame: FrameType | None) -> None:
        if is_draining(state):  # asked twice: stop now
            previous(number, frame)
            return
        state.draining = True
        log.warning("SIGTERM: draining for %.1f s (readiness answers 503), then stopping",
                    seconds)
        loop.call_soon_threadsafe(loop.call_later, seconds, previous, number, frame)

    signal.signal(signal.SIGTERM, on_sigterm)

    def restore() -> None:
        if signal.getsignal(signal.SIGTERM) is on_sigterm:
            signal.signal(signal.SIGTERM, previous)

    return restore
