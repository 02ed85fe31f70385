"""A second line behind the conditional UPDATE: PostgreSQL refuses a seat counter above its
capacity or below zero, whatever client writes it. Installed by migration 0004."""

from __future__ import annotations

from typing import Any

POSTGRES_INSTALL = [
    """
    ALTER TABLE booking_slot_counter ADD CONSTRAINT booking_slot_counter_within_capacity
    CHECK (taken >= 0 AND taken <= capacity)
    """,
]
POSTGRES_REMOVE = [
    "ALTER TABLE booking_slot_counter DROP CONSTRAINT IF EXISTS "
    "booking_slot_counter_within_capacity",
]


async def install(apps: Any, schema_editor: Any) -> None:
    client = schema_editor.client
    if client.capabilities.dialect == "postgres":
        for sql in POSTGRES_INSTALL:
            await client.execute_script(sql)


async def remove(apps: Any, schema_editor: Any) -> None:
    client = schema_editor.client
    if client.capabilities.dialect == "postgres":
        for sql in POSTGRES_REMOVE:
            await client.execute_script(sql)
