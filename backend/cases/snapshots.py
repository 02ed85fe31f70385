"""What a case update shows, loaded once per event for every subscriber it reaches.

When a step is taken on a case, every subscription following one of its streams (the
resident's, the case's, each centre's) wakes up with the same event at the same moment and
needs the same two rows: the case and the step. Loading them once per instance and handing
the result to every subscriber waiting for it turns a thousand subscribers' two thousand
queries into two. Nothing is kept after the load finishes: a subscriber that comes later
(reading its backlog from the log) loads afresh and sees the case as it is then.
"""

from __future__ import annotations

import asyncio

from backend.cases.models import Case, CaseEvent
from backend.platform import infra

Snapshot = tuple[Case | None, CaseEvent | None]


class SnapshotLoads:
    """Loads in flight, by step; each subscriber awaits the shared one."""

    def __init__(self) -> None:
        self._loading: dict[int, asyncio.Future[Snapshot]] = {}

    async def load(self, case_id: int, case_event_id: int) -> Snapshot:
        pending = self._loading.get(case_event_id)
        if pending is None:
            pending = asyncio.ensure_future(_load(case_id, case_event_id))
            self._loading[case_event_id] = pending
            pending.add_done_callback(lambda done: self._finished(case_event_id, done))
        # One subscriber leaving (its client hung up) does not cancel the others' load.
        return await asyncio.shield(pending)

    def _finished(self, key: int, done: asyncio.Future[Snapshot]) -> None:
        if self._loading.get(key) is done:
            del self._loading[key]
        if not done.cancelled():
            done.exception()  # retrieved: every waiter may have gone


async def _load(case_id: int, case_event_id: int) -> Snapshot:
    return await Case.get_or_none(id=case_id), await CaseEvent.get_or_none(id=case_event_id)


def snapshot_loads() -> SnapshotLoads:
    """This app's loads in flight (kept in its container)."""
    loads: SnapshotLoads = infra.current().adapter("cases.snapshots", lambda _: SnapshotLoads())
    return loads
