"""Every subscriber an event reaches gets the case and the step from one shared load."""

from __future__ import annotations

import asyncio

from backend.cases.models import ActorKind, CaseEvent, CaseState
from backend.cases.snapshots import SnapshotLoads, snapshot_loads
from backend.centres.models import Centre
from backend.platform import infra
from backend.platform.clock import now
from tests.cases.helpers import ELSEWHERE, World, case_in, world
from tests.conftest import count_queries


async def _elsewhere() -> World:
    """A world whose cases do not crowd the 收受分离 centre's queue other tests read."""
    w = await world()
    w.accepting = await Centre.get(code=ELSEWHERE)
    return w


async def test_subscribers_woken_by_one_event_share_one_load(database_url: str) -> None:
    case = await case_in(CaseState.SUBMITTED, await _elsewhere())
    step = await CaseEvent.create(
        case_id=case.id,
        action="SUBMIT",
        to_state=CaseState.SUBMITTED,
        actor_kind=ActorKind.RESIDENT,
        at=now(),
    )
    loads = SnapshotLoads()
    with count_queries() as queries:
        results = await asyncio.gather(*(loads.load(case.id, step.id) for _ in range(50)))
    assert len(queries) == 2  # the case and the step, once for all fifty
    assert {(c.id, s.id) for c, s in results if c and s} == {(case.id, step.id)}

    # Nothing is kept afterwards: a later reader sees the case as it is then.
    await case.__class__.filter(id=case.id).update(state=CaseState.ACCEPTED)
    with count_queries() as queries:
        later, _ = await loads.load(case.id, step.id)
    assert len(queries) == 2 and later is not None and later.state is CaseState.ACCEPTED


async def test_one_subscriber_leaving_does_not_cancel_the_others_load(database_url: str) -> None:
    case = await case_in(CaseState.SUBMITTED, await _elsewhere())
    loads = snapshot_loads()
    assert snapshot_loads() is loads is infra.current().adapter("cases.snapshots", lambda _: None)
    first = asyncio.create_task(loads.load(case.id, 0))
    second = asyncio.create_task(loads.load(case.id, 0))
    await asyncio.sleep(0)
    first.cancel()
    found, missing = await second
    assert found is not None and found.id == case.id and missing is None
