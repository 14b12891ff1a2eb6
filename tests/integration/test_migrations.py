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
async def empty_database():
    name = services.new_database_name("cocreate_schema")
    admin = await asyncpg.connect(services.ADMIN_DATABASE_URL)
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield services.database_url(name)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def test_applying_all_migrations_gives_the_schema_the_models_describe(database_url,
                                                                      empty_database):
    """This process's database is a copy of one `cocreate migrate` built from nothing (the
    suite's template, tests/conftest.py); tests add rows, never tables."""
    migrated = _probe("inspect", database_url)
    reference = _probe("models", empty_database)
    assert migrated["columns"], "the migrations created no tables"
    assert migrated == reference


def test_the_models_have_no_changes_missing_from_the_migrations():
    assert _probe("pending") == []


def test_the_embedded_default_migrates_and_loads_the_demo_twice(tmp_path):
    """`make run` on a fresh machine: SQLite, local media, in-process jobs; demo is idempotent.
    The database starts as a copy of one `cocreate migrate` built from nothing."""
    env = {"DATABASE_URL": services.migrated_sqlite_copy(tmp_path),
           "MEDIA_ROOT": str(tmp_path / "media")}
    env = {**{k: v for k, v in os.environ.items()
              if not k.startswith(("S3_", "REDIS_", "AWS_"))}, **env}
    cli = services.ROOT / ".venv" / "bin" / "cocreate"
    command = [str(cli)] if cli.exists() else [sys.executable, "-m", "cocreate.cli"]
    for step in (["migrate"], ["demo"], ["demo"]):
        done = subprocess.run([*command, *step], env=env, capture_output=True, text=True,
                              timeout=300, check=False)
        assert done.returncode == 0, done.stderr
    assert "manager@demo.cocreate.test" in done.stdout
    cards = tmp_path / "media" / "cards"
    # A Contributor badge at least per demo idea (4) and remix (3), each drawn square and as a
    # story too (entry and profile cards are drawn in the Open Graph size only).
    squares, stories = (len(list(cards.glob(f"*-{size}.png"))) for size in ("square", "story"))
    assert squares == stories >= 7
