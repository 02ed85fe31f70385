"""Reading cases: mine, a centre's work queue (overdue first), and its counts."""

from __future__ import annotations

from tortoise.expressions import Case as SqlCase
from tortoise.expressions import Q, When
from tortoise.functions import Count
from tortoise.queryset import QuerySet

from backend.cases import access
from backend.cases.models import Case, CaseState
from backend.cases.states import FINAL_STATES
from backend.centres import service as centres
from backend.platform.clock import now, to_shanghai
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.principal import Principal


def mine(principal: Principal, state: CaseState | None) -> QuerySet[Case]:
    queryset = access.readable(principal).order_by("-submitted_at", "-id")
    return queryset.filter(state=state) if state is not None else queryset


async def _centre_id(principal: Principal, centre_code: str) -> int:
    centre = await centres.get_centre_by_code(centre_code)
    if not access.may_follow_centre(principal, centre.id):
        raise DomainError(
            ErrorCode.FORBIDDEN, "只能查看本中心的办件。", "centreCode", "OTHER_CENTRE"
        )
    return centre.id


def _overdue() -> Q:
    today = to_shanghai(now()).date()
    return Q(promised_date__lt=today) & ~Q(state__in=list(FINAL_STATES))


async def centre_queue(
    principal: Principal, centre_code: str, states: list[CaseState] | None
) -> QuerySet[Case]:
    centre_id = await _centre_id(principal, centre_code)
    queryset = Case.filter(Q(accepting_centre_id=centre_id) | Q(collecting_centre_id=centre_id))
    if states:
        queryset = queryset.filter(state__in=states)
    return queryset.annotate(
        late=SqlCase(When(_overdue(), then="0"), default="1"),
        undated=SqlCase(When(promised_date__isnull=True, then="1"), default="0"),
    ).order_by("late", "undated", "promised_date", "submitted_at", "id")


async def summary(principal: Principal, centre_code: str) -> tuple[dict[CaseState, int], int]:
    centre_id = await _centre_id(principal, centre_code)
    accepted_here = Case.filter(accepting_centre_id=centre_id)
    rows = await accepted_here.annotate(n=Count("id")).group_by("state").values("state", "n")
    counts = {state: 0 for state in CaseState}
    for row in rows:
        counts[CaseState(row["state"])] = int(row["n"])
    overdue = await accepted_here.filter(_overdue()).count()
    return counts, overdue
