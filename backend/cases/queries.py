from __future__ import annotations

from typing import Annotated

import strawberry

from backend.cases import queue, service
from backend.cases.auth import HANDLE_CASES, READ_CASES
from backend.cases.loaders import load_cases
from backend.cases.models import Case as CaseRow
from backend.cases.models import CaseState
from backend.cases.types import Case, CaseQueueSummary, CaseStateCount
from backend.graphql.context import Info
from backend.graphql.inputs import text
from backend.graphql.permissions import requires
from backend.graphql.relay import CountedConnection, build_connection, paginate_queryset


def _connection(
    rows: list[CaseRow], start: int, end: int, total: int, info: Info
) -> CountedConnection[Case]:
    for row in rows:
        info.context.loader(load_cases).prime(row.id, row)
    return build_connection([Case.from_model(r) for r in rows], start=start, end=end, total=total)


@strawberry.type
class CaseQueries:
    @strawberry.field(
        description="My cases (我的办件), newest first.", extensions=[requires(READ_CASES)]
    )
    async def my_cases(
        self,
        info: Info,
        state: CaseState | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> CountedConnection[Case]:
        principal = await info.context.principal()
        rows, start, end, total = await paginate_queryset(
            queue.mine(principal, state), first=first, after=after
        )
        return _connection(rows, start, end, total, info)

    @strawberry.field(
        description="A case by its number, for its resident and the staff of its centres.",
        extensions=[requires(READ_CASES)],
    )
    async def case_by_number(self, info: Info, number: Annotated[str, text(24)]) -> Case:
        return Case.from_model(
            await service.get_case_by_number(await info.context.principal(), number)
        )

    @strawberry.field(
        description="A centre's work queue: the cases it accepts or collected, overdue "
        "first, then by promised date and age. Staff of that centre, and admins.",
        extensions=[requires(HANDLE_CASES)],
    )
    async def centre_cases(
        self,
        info: Info,
        centre_code: Annotated[str, text(16)],
        states: list[CaseState] | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> CountedConnection[Case]:
        queryset = await queue.centre_queue(await info.context.principal(), centre_code, states)
        rows, start, end, total = await paginate_queryset(queryset, first=first, after=after)
        return _connection(rows, start, end, total, info)

    @strawberry.field(
        description="Counts per state of the cases a centre accepts, and how many are overdue.",
        extensions=[requires(HANDLE_CASES)],
    )
    async def centre_case_summary(
        self, info: Info, centre_code: Annotated[str, text(16)]
    ) -> CaseQueueSummary:
        counts, overdue = await queue.summary(await info.context.principal(), centre_code)
        return CaseQueueSummary(
            counts=[CaseStateCount(state=s, count=n) for s, n in counts.items()], overdue=overdue
        )
