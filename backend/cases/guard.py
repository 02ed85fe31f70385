"""Database-level guard that keeps cases_event append-only, installed by migration 0003.

A case's history is a record residents and supervisors rely on (沪府办发〔2013〕50号: the
process can be traced and supervised), so no client may rewrite it, raw SQL included.
"""

from __future__ import annotations

from typing import Any

POSTGRES_INSTALL = [
    """
    CREATE OR REPLACE FUNCTION cases_event_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'cases_event is append-only';
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER cases_event_append_only
    BEFORE UPDATE OR DELETE ON cases_event
    FOR EACH ROW EXECUTE FUNCTION cases_event_append_only()
    """,
    """
    CREATE TRIGGER cases_event_no_truncate
    BEFORE TRUNCATE ON cases_event
    FOR EACH STATEMENT EXECUTE FUNCTION cases_event_append_only()
    """,
]
POSTGRES_REMOVE = [
    "DROP TRIGGER IF EXISTS cases_event_no_truncate ON cases_event",
    "DROP TRIGGER IF EXISTS cases_event_append_only ON cases_event",
    "DROP FUNCTION IF EXISTS cases_event_append_only()",
]
SQLITE_INSTALL = [
    """
    CREATE TRIGGER IF NOT EXISTS cases_event_no_update BEFORE UPDATE ON cases_event
    BEGIN SELECT RAISE(ABORT, 'cases_event is append-only'); END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS cases_event_no_delete BEFORE DELETE ON cases_event
    BEGIN SELECT RAISE(ABORT, 'cases_event is append-only'); END
    """,
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS cases_event_no_update",
    "DROP TRIGGER IF EXISTS cases_event_no_delete",
]


async def _run(schema_editor: Any, statements: dict[str, list[str]]) -> None:
    client = schema_editor.client
    for sql in statements.get(client.capabilities.dialect, []):
        await client.execute_script(sql)


async def install(apps: Any, schema_editor: Any) -> None:
    await _run(schema_editor, {"postgres": POSTGRES_INSTALL, "sqlite": SQLITE_INSTALL})


async def remove(apps: Any, schema_editor: Any) -> None:
    await _run(schema_editor, {"postgres": POSTGRES_REMOVE, "sqlite": SQLITE_REMOVE})
