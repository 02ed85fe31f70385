"""The unit of work: one database transaction whose recorded events are kept and published
after it commits (see backend/platform/events.py and streams.py for the guarantees)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from tortoise.transactions import in_transaction

from backend.platform import infra, streams
from backend.platform.events import UnitOfWork, collecting, current_unit


@asynccontextmanager
async def unit_of_work() -> AsyncIterator[UnitOfWork]:
    """Nested, it joins the outer transaction (a savepoint): its events are kept only if it
    succeeded, and written and published only when the outermost unit commits."""
    outer = current_unit()
    with collecting() as unit:
        async with in_transaction():
            yield unit
            if outer is None:
                # Durable events go into their streams in this very transaction.
                entries = await streams.append(unit.events)
    if outer is not None:
        outer.events.extend(unit.events)
        return
    await infra.current().events.after_commit(unit.events)
    await streams.publish(entries)
