"""The application factory: create_app(settings) wires routes, middleware and the lifespan."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from tortoise.contrib.starlette import RegisterTortoise

from cocreate import api, web
from cocreate.doors import jobs
from cocreate.doors.db import ensure_sqlite_folder, tortoise_config
from cocreate.doors.payments import create_provider
from cocreate.doors.ratelimit import Limiter
from cocreate.doors.realtime import create_broker
from cocreate.doors.storage import create_storage
from cocreate.draining import drain_on_sigterm
from cocreate.errors import EXCEPTION_HANDLERS
from cocreate.middleware import ControlCharacterGuard, RequestContextMiddleware
from cocreate.schedule import InProcessScheduler
from cocreate.services.core.context import Deps
from cocreate.settings import Settings
from cocreate.templating import Stylesheet, create_templates

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings()
    stylesheet = Stylesheet(watch=settings.environment == "development")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        from workers.tasks import HANDLERS

        ensure_sqlite_folder(settings.database_url)
        storage = create_storage(settings)
        runner = jobs.create_job_runner(
            settings, jobs.JobContext(settings=settings, storage=storage), HANDLERS
        )
        limiter = Limiter(settings)
        realtime = create_broker(settings)
        payments = create_provider(settings)
        app.state.deps = Deps(
            settings=settings, storage=storage, jobs=runner, limiter=limiter, realtime=realtime,
            payments=payments,
        )
        async with RegisterTortoise(app, config=tortoise_config(settings), generate_schemas=False):
            await runner.start()
            await realtime.start()
            # With Redis, arq's cron on the workers does this (workers/schedule.py).
            scheduler = None if settings.uses_redis else InProcessScheduler(settings, realtime)
            if scheduler is not None:
                await scheduler.start()
            undrain = drain_on_sigterm(app.state, settings.drain_seconds)
            try:
                yield
            finally:
                undrain()
                if scheduler is not None:
                    await scheduler.stop()
                await realtime.close()
                await runner.stop()
                await limiter.close()
                await payments.close()

    app = Starlette(
        routes=[
            Mount("/api/v1", routes=api.routes(), max_body_size=256 * 1024),
            Route(Stylesheet.PATH, stylesheet.endpoint),
            Mount("/static", app=StaticFiles(directory=STATIC_DIR, check_dir=False), name="static"),
            *web.routes(),
        ],
        middleware=[Middleware(ControlCharacterGuard),
                    Middleware(RequestContextMiddleware, settings=settings)],
        exception_handlers=EXCEPTION_HANDLERS,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.templates = create_templates(settings, stylesheet)
    return app
