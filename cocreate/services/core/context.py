"""The infrastructure services may use, built once at start-up and passed down."""

from __future__ import annotations

from dataclasses import dataclass, field

from cocreate.doors.jobs import JobRunner
from cocreate.doors.payments import OfflineProvider, PaymentProvider
from cocreate.doors.ratelimit import Limiter
from cocreate.doors.realtime import Broker, InProcessBroker
from cocreate.doors.storage import Storage
from cocreate.settings import Settings


@dataclass(frozen=True)
class Deps:
    settings: Settings
    storage: Storage
    jobs: JobRunner
    limiter: Limiter
    realtime: Broker = field(default_factory=InProcessBroker)
    payments: PaymentProvider = field(default_factory=OfflineProvider)
