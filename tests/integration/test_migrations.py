"""The committed migrations build exactly the schema the models describe."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import asyncpg
import pytest

from tests import services


def _probe(*args: str) -> object:
    result = subprocess.run(
        [sys.executable, "-m", "tests.schema_probe", *args],
        capture_output=True, text=True, cwd=services.ROOT, check=False, timeout=500,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
async def two_empty_databases():
    names = [services.new_database_name("cocreate_schema") for _ in range(2)]
    admin = await asyncpg.connect(services.ADMIN_DATABASE_URL)
    for name in names:
        await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield [services.database_url(name) for name in names]
    finally:
        for name in names:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@pytest.mark.timeout(600)  # applying every migration took over 2 minutes on a busy machine
def test_applying_all_migrations_gives_the_schema_the_models_describe(two_empty_databases):
    migrated_url, reference_url = two_empty_databases
    migrated = _probe("migrate", migrated_url)
    reference = _probe("models", reference_url)
    assert migrated["columns"], "the migrations created no tables"
    assert migrated == reference


def test_the_models_have_no_changes_missing_from_the_migrations():
    assert _probe("pending") == []


@pytest.mark.timeout(600)  # four processes, each starting cold; minutes on a busy machine
def test_the_embedded_default_migrates_and_loads_the_demo_twice(tmp_path):
    """`make run` on a fresh machine: SQLite, local media, in-process jobs; demo is idempotent."""
    env = {"DATABASE_URL": f"sqlite://{tmp_path}/cocreate.sqlite3",
           "MEDIA_ROOT": str(tmp_path / "media")}
    env = {**{k: v for k, v in os.environ.items()
              if not k.startswith(("S3_", "REDIS_", "AWS_"))}, **env}
    cli = services.ROOT / ".venv" / "bin" / "cocreate"
    command = [str(cli)] if cli.exists() else [sys.executable, "-m", "cocreate.cli"]
    for step in (["migrate"], ["migrate"], ["demo"], ["demo"]):
        done = subprocess.run([*command, *step], env=env, capture_output=True, text=True,
                              timeout=300, check=False)
        assert done.returncode == 0, done.stderr
    assert "manager@demo.cocreate.test" in done.stdout
    cards = tmp_path / "media" / "cards"
    # A Contributor badge at least per demo idea (4) and remix (3), each drawn square and as a
    # story too (entry and profile cards are drawn in the Open Graph size only).
    squares, stories = (len(list(cards.glob(f"*-{size}.png"))) for size in ("square", "story"))
    assert squares == stories >= 7
