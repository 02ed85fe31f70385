"""Database-level guards that keep a table append-only (the audit log, a case's history):
the database itself refuses UPDATE, DELETE (and TRUNCATE on PostgreSQL) for every client,
raw SQL included. Migrations install them with `guard(table)`.

No model docstring may contain ";" (they become table comments and the SQLite schema
editor splits scripts on it); trigger bodies go straight to the client for that reason.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

MigrationStep = Callable[[Any, Any], Awaitable[None]]


def _postgres_install(table: str) -> list[str]:
    return [
        f"""
        CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION '{table} is append-only';
        END;
        $$ LANGUAGE plpgsql
        """,
        f"""
        CREATE TRIGGER {table}_append_only
        BEFORE UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION {table}_append_only()
        """,
        f"""
        CREATE TRIGGER {table}_no_truncate
        BEFORE TRUNCATE ON {table}
        FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()
        """,
    ]


def _postgres_remove(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}",
        f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
        f"DROP FUNCTION IF EXISTS {table}_append_only()",
    ]


def _sqlite_install(table: str) -> list[str]:
    return [
        f"""
        CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table}
        BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END
        """,
        f"""
        CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table}
        BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END
        """,
    ]


def _sqlite_remove(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_no_update",
        f"DROP TRIGGER IF EXISTS {table}_no_delete",
    ]


async def _run(schema_editor: Any, statements: dict[str, list[str]]) -> None:
    client = schema_editor.client
    for sql in statements.get(client.capabilities.dialect, []):
        await client.execute_script(sql)


def dialect_steps(
    install: dict[str, list[str]], remove: dict[str, list[str]]
) -> tuple[MigrationStep, MigrationStep]:
    """(install, remove) for `ops.RunPython(install, reverse_code=remove)` that run the SQL
    given for the database's dialect ("postgres", "sqlite") and nothing on the others."""

    async def run_install(apps: Any, schema_editor: Any) -> None:
        await _run(schema_editor, install)

    async def run_remove(apps: Any, schema_editor: Any) -> None:
        await _run(schema_editor, remove)

    return run_install, run_remove


def guard(table: str) -> tuple[MigrationStep, MigrationStep]:
    """(install, remove) keeping `table` append-only."""
    return dialect_steps(
        {"postgres": _postgres_install(table), "sqlite": _sqlite_install(table)},
        {"postgres": _postgres_remove(table), "sqlite": _sqlite_remove(table)},
    )
