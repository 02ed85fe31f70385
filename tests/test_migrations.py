"""Schema changes go through migrations: the committed ones must describe the models."""

from __future__ import annotations

from pathlib import Path

from tortoise.context import TortoiseContext
from tortoise.migrations.autodetector import MigrationAutodetector

from backend.db import tortoise_config


async def test_models_have_no_unmigrated_changes(tmp_path: Path) -> None:
    config = tortoise_config(f"sqlite://{tmp_path / 'autodetect.sqlite3'}")
    async with TortoiseContext() as ctx:
        await ctx.init(config=config)
        writers = await MigrationAutodetector(ctx.apps, config["apps"]).changes()
    assert not writers, (
        "models changed without a migration: run `TONGBAN_DATABASE_URL=sqlite:///tmp/mk.sqlite3 "
        ".venv/bin/python -m tortoise -c backend.db.TORTOISE_ORM makemigrations`"
    )
