"""Readiness on the embedded default: the database and the media folder answer, and Redis,
not configured, is not asked."""

from __future__ import annotations

import shutil

from cocreate.services.core import health


async def test_the_embedded_default_is_ready_without_redis(deps):
    assert await health.readiness(deps) == {"database": "ok", "storage": "ok"}


async def test_a_missing_media_folder_is_named_as_the_reason(deps):
    shutil.rmtree(deps.settings.media_root)
    deps.settings.media_root.write_text("not a folder")

    checks = await health.readiness(deps)

    assert checks["database"] == "ok"
    assert checks["storage"].startswith("unreachable: ")
