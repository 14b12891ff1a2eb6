"""Scheduled work for the embedded default (no Redis, so no arq workers): a loop in the app
process that moves campaigns whose next phase is due, every SCHEDULE_INTERVAL seconds."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from cocreate.realtime import Broker
from cocreate.services import phases
from cocreate.settings import Settings

log = logging.getLogger(__name__)


class InProcessScheduler:
    def __init__(self, settings: Settings, realtime: Broker) -> None:
        self.interval = settings.schedule_interval
        self.realtime = realtime
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._loop(), name="scheduler")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _loop(self) -> None:
        while True:
            try:
                await phases.advance_due(realtime=self.realtime)
            except Exception:
                log.exception("scheduled phase changes failed; trying again next tick")
            await asyncio.sleep(self.interval)
