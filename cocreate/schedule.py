"""Scheduled work for the embedded default (no Redis, so no arq workers): a loop in the app
process that moves campaigns whose next phase is due, every SCHEDULE_INTERVAL seconds, and
sends the daily email digests once a day at DIGEST_HOUR_UTC."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, date, datetime

from cocreate.doors.realtime import Broker
from cocreate.services.campaigns import lifecycle
from cocreate.services.notifications import notification_mail
from cocreate.settings import Settings

log = logging.getLogger(__name__)


class InProcessScheduler:
    def __init__(self, settings: Settings, realtime: Broker) -> None:
        self.settings = settings
        self.interval = settings.schedule_interval
        self.realtime = realtime
        self._digest_day: date | None = None
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
                await lifecycle.advance_due(realtime=self.realtime)
            except Exception:
                log.exception("scheduled phase changes failed; trying again next tick")
            await self._digests_when_due()
            await asyncio.sleep(self.interval)

    async def _digests_when_due(self) -> None:
        now = datetime.now(UTC)
        if now.hour != self.settings.digest_hour_utc or self._digest_day == now.date():
            return
        try:
            await notification_mail.send_digests(self.settings, now)
            self._digest_day = now.date()
        except Exception:
            log.exception("email digests failed; trying again next tick")
