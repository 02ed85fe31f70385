"""A second line behind the conditional UPDATE: PostgreSQL refuses a seat counter above its
capacity or below zero, whatever client writes it. Installed by migration 0004."""

from __future__ import annotations

from backend.platform.appendonly import dialect_steps

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


install, remove = dialect_steps({"postgres": POSTGRES_INSTALL}, {"postgres": POSTGRES_REMOVE})
