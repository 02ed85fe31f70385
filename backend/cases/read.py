"""What other domains may read about a case, without touching the cases tables: the
ratings domain asks here whether a case is finished, and who finished it where."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from backend.cases import access
from backend.cases.models import Case, CaseEvent, CaseState
from backend.cases.states import FINAL_STATES
from backend.platform.principal import Principal


@dataclass(frozen=True)
class CaseOutcome:
    """A case as its resident sees it, and, once it is finished, the staff step that
    finished it (the accepting centre and the clerk, from the case's history)."""

    id: int
    number: str
    resident_id: int
    state: CaseState
    accepting_centre_id: int
    finished_at: datetime | None
    finishing_centre_id: int | None  # where the COMPLETE/REJECT step was taken
    finishing_clerk_id: int | None  # the staff member who took it

    @property
    def finished(self) -> bool:
        return self.state in FINAL_STATES


async def owned_case_outcome(principal: Principal, number: str) -> CaseOutcome | None:
    """The case `number` if `principal` is the resident who owns it; None otherwise (no
    such case and someone else's case look the same)."""
    if principal.resident_id is None:
        return None
    case = await Case.get_or_none(number=number.strip()[:24])
    if case is None or not access.may_read(principal, case):
        return None
    return await _outcome(case)


async def _outcome(case: Case) -> CaseOutcome:
    step = None
    if case.state in FINAL_STATES:
        step = await CaseEvent.filter(case_id=case.id, to_state=case.state).order_by("-id").first()
    return CaseOutcome(
        id=case.id,
        number=case.number,
        resident_id=case.resident_id,
        state=case.state,
        accepting_centre_id=case.accepting_centre_id,
        finished_at=case.finished_at,
        finishing_centre_id=(step.centre_id if step else None) or case.accepting_centre_id,
        finishing_clerk_id=step.actor_id if step and step.centre_id is not None else None,
    )


@dataclass(frozen=True)
class CaseRef:
    id: int
    number: str


async def staff_case(principal: Principal, case_id: int) -> CaseRef | None:
    """A case the staff member may read (their centre's; any for admins), for attaching a
    record to it; None when there is no such case or it is not theirs to read."""
    if not principal.is_staff:
        return None
    case = await Case.get_or_none(id=case_id)
    if case is None or not access.may_read(principal, case):
        return None
    return CaseRef(case.id, case.number)
