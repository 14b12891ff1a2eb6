"""Database configuration and migrations (Tortoise ORM's own migration framework)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tortoise import Tortoise
from tortoise.migrations.api.migrate import migrate as apply_migrations

from cocreate.settings import Settings

MODELS_MODULE = "cocreate.models"
MIGRATIONS_MODULE = "cocreate.migrations"


def tortoise_config(settings: Settings, database_url: str | None = None) -> dict[str, Any]:
    url = database_url or settings.database_url
    return {
        "connections": {"default": url},
        "apps": {
            "models": {
                "models": [MODELS_MODULE],
                "migrations": MIGRATIONS_MODULE,
                "default_connection": "default",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def ensure_sqlite_folder(database_url: str) -> None:
    """SQLite needs its folder to exist before it can create the file."""
    if database_url.startswith("sqlite://"):
        path = database_url.removeprefix("sqlite://").split("?", 1)[0]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)


async def migrate(settings: Settings) -> None:
    """Apply every committed migration that the database has not seen yet."""
    ensure_sqlite_folder(settings.database_url)
    try:
        await apply_migrations(config=tortoise_config(settings))
    finally:
        await Tortoise.close_connections()


def __getattr__(name: str) -> Any:
    # `TORTOISE_ORM` is read by the `tortoise makemigrations` developer command
    # ([tool.tortoise] in pyproject.toml); computed on access so importing has no side effects.
    if name == "TORTOISE_ORM":
        return tortoise_config(Settings())
    raise AttributeError(name)
