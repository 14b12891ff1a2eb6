"""The infrastructure services may use, built once at start-up and passed down."""

from __future__ import annotations

from dataclasses import dataclass, field

from cocreate.jobs import JobRunner
from cocreate.payments import OfflineProvider, PaymentProvider
from cocreate.ratelimit import Limiter
from cocreate.realtime import Broker, InProcessBroker
from cocreate.settings import Settings
from cocreate.storage import Storage


@dataclass(frozen=True)
class Deps:
    settings: Settings
    storage: Storage
    jobs: JobRunner
    limiter: Limiter
    realtime: Broker = field(default_factory=InProcessBroker)
    payments: PaymentProvider = field(default_factory=OfflineProvider)
