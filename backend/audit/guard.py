"""Database-level guard that keeps audit_event append-only, installed by migration 0002.

The ORM model already refuses to update or delete an event; this makes the database refuse
UPDATE and DELETE on the table for every client, including raw SQL.
"""

from __future__ import annotations

from typing import Any

POSTGRES_INSTALL = [
    """
    CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'audit_event is append-only';
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()
    """,
    """
    CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()
    """,
]
POSTGRES_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event",
    "DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event",
    "DROP FUNCTION IF EXISTS audit_event_append_only()",
]
SQLITE_INSTALL = [
    """
    CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_event
    BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS audit_event_no_delete BEFORE DELETE ON audit_event
    BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END
    """,
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS audit_event_no_update",
    "DROP TRIGGER IF EXISTS audit_event_no_delete",
]


async def _run(schema_editor: Any, statements: dict[str, list[str]]) -> None:
    # Straight to the client: the SQLite editor splits scripts on ";", which trigger bodies use.
    # No model docstring may contain ";" for the same reason (they become table comments).
    client = schema_editor.client
    for sql in statements.get(client.capabilities.dialect, []):
        await client.execute_script(sql)


async def install(apps: Any, schema_editor: Any) -> None:
    await _run(schema_editor, {"postgres": POSTGRES_INSTALL, "sqlite": SQLITE_INSTALL})


async def remove(apps: Any, schema_editor: Any) -> None:
    await _run(schema_editor, {"postgres": POSTGRES_REMOVE, "sqlite": SQLITE_REMOVE})
