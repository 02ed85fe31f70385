"""Batch functions for the per-request DataLoaders of the bookings domain."""

from __future__ import annotations

from collections.abc import Sequence

from backend.bookings.models import Booking, QueueLine, QueueTicket
from backend.platform.rows import by_ids


async def load_bookings(ids: Sequence[int]) -> list[Booking | None]:
    return await by_ids(Booking, ids)


async def load_queue_lines(ids: Sequence[int]) -> list[QueueLine | None]:
    return await by_ids(QueueLine, ids)


async def load_tickets(ids: Sequence[int]) -> list[QueueTicket | None]:
    return await by_ids(QueueTicket, ids)
