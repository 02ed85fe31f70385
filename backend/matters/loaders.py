"""Batch functions for the per-request DataLoaders of the matters domain."""

from __future__ import annotations

from collections.abc import Sequence

from backend.matters.models import Department, Matter
from backend.platform.rows import by_ids


async def load_departments(ids: Sequence[int]) -> list[Department | None]:
    return await by_ids(Department, ids)


async def load_matters(ids: Sequence[int]) -> list[Matter | None]:
    return await by_ids(Matter, ids)
