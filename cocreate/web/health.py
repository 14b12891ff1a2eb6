"""Liveness and readiness probes."""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from cocreate.draining import is_draining
from cocreate.http import deps
from cocreate.services.core import health

log = logging.getLogger(__name__)


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    if is_draining(request.app.state):  # stopping soon: send new requests elsewhere
        return JSONResponse({"ready": False, "draining": True}, status_code=503)
    checks = await health.readiness(deps(request))
    ready = all(value == "ok" for value in checks.values())
    if not ready:
        log.warning("not ready: %s", checks)
    return JSONResponse({"ready": ready, "checks": checks}, status_code=200 if ready else 503)


ROUTES = [Route("/healthz", healthz), Route("/readyz", readyz)]
