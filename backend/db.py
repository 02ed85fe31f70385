"""Tortoise ORM configuration: one app, `tongban`, listing every domain's models."""

from __future__ import annotations

from typing import Any

from tortoise import Tortoise
from tortoise.migrations.api import migrate

from backend.settings import get_settings

MODEL_MODULES = [
    "backend.platform.models",
    "backend.matters.models",
    "backend.centres.models",
    "backend.identity.models",
    "backend.audit.models",
    "backend.cases.models",
    "backend.ratings.models",
    "backend.bookings.models",
    "backend.certificates.models",
]
APP_LABEL = "tongban"


def tortoise_config(database_url: str) -> dict[str, Any]:
    return {
        "connections": {"default": database_url},
        "apps": {
            APP_LABEL: {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "backend.migrations",
            }
        },
        "use_tz": True,
        "timezone": "Asia/Shanghai",
    }


def _database_url_for_cli() -> str:
    return get_settings().database_url


# Read by `python -m tortoise -c backend.db.TORTOISE_ORM makemigrations`.
TORTOISE_ORM = tortoise_config(_database_url_for_cli())


async def apply_migrations(database_url: str) -> None:
    """Bring the schema up to date. Schema changes only ever go through migrations."""
    config = tortoise_config(database_url)
    if database_url.startswith("sqlite://"):
        _ensure_sqlite_dir(database_url)
    await migrate(config=config)
    await Tortoise.close_connections()


async def connect(database_url: str) -> None:
    """Open the ORM for this process. Queries from any task see it (global fallback)."""
    if database_url.startswith("sqlite://"):
        _ensure_sqlite_dir(database_url)
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)


async def disconnect() -> None:
    await Tortoise.close_connections()


def _ensure_sqlite_dir(database_url: str) -> None:
    from pathlib import Path

    path = database_url.removeprefix("sqlite://").split("?", 1)[0]
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
