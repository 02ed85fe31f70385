"""Schema changes go through migrations: the committed ones must describe the models."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tortoise.context import TortoiseContext
from tortoise.migrations.autodetector import MigrationAutodetector
from tortoise.models import Model

from backend.db import MODEL_MODULES, tortoise_config


@contextmanager
def _process_models_untouched() -> Iterator[None]:
    """A second TortoiseContext rebuilds every model's base query for its own dialect, on the
    model classes the whole process shares, and leaves them so: a later PostgreSQL query
    would go out with SQLite's `?` placeholders. Put back what the process had."""
    models = {
        value
        for module in MODEL_MODULES
        for value in vars(importlib.import_module(module)).values()
        if isinstance(value, type) and issubclass(value, Model) and value is not Model
    }
    saved = {
        model: (model._meta.basetable, model._meta.basequery, model._meta.basequery_all_fields)
        for model in models
    }
    try:
        yield
    finally:
        for model, (table, query, all_fields) in saved.items():
            model._meta.basetable = table
            model._meta.basequery = query
            model._meta.basequery_all_fields = all_fields


async def test_models_have_no_unmigrated_changes(tmp_path: Path) -> None:
    config = tortoise_config(f"sqlite://{tmp_path / 'autodetect.sqlite3'}")
    with _process_models_untouched():
        async with TortoiseContext() as ctx:
            await ctx.init(config=config)
            writers = await MigrationAutodetector(ctx.apps, config["apps"]).changes()
    assert not writers, (
        "models changed without a migration: run `TONGBAN_DATABASE_URL=sqlite:///tmp/mk.sqlite3 "
        ".venv/bin/python -m tortoise -c backend.db.TORTOISE_ORM makemigrations`"
    )


def test_no_model_docstring_holds_a_semicolon() -> None:
    """A model's docstring becomes its table comment, and Tortoise's SQLite schema editor
    splits scripts on ";": one in a docstring breaks `migrate` on the embedded default."""
    offending = sorted(
        f"{model.__module__}.{model.__name__}"
        for module in MODEL_MODULES
        for model in vars(importlib.import_module(module)).values()
        if isinstance(model, type)
        and issubclass(model, Model)
        and model is not Model
        and ";" in (model.__doc__ or "")
    )
    assert offending == []
