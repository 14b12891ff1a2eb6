"""HTML pages and htmx partials."""

from __future__ import annotations

from starlette.routing import BaseRoute

from cocreate.web import health, local_media


def routes() -> list[BaseRoute]:
    return [*health.ROUTES, *local_media.ROUTES]
