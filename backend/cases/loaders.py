"""Batch functions for the per-request DataLoaders of the cases domain."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from backend.cases.models import Case, CaseEvent
from backend.platform.rows import by_ids


async def load_cases(ids: Sequence[int]) -> list[Case | None]:
    return await by_ids(Case, ids)


async def load_case_events(case_ids: Sequence[int]) -> list[list[CaseEvent]]:
    grouped: dict[int, list[CaseEvent]] = defaultdict(list)
    for event in await CaseEvent.filter(case_id__in=list(case_ids)).order_by("id"):
        grouped[event.case_id].append(event)
    return [grouped[i] for i in case_ids]
