"""Batch functions for the per-request DataLoaders of the matters domain."""

from __future__ import annotations

from collections.abc import Sequence

from backend.matters.models import Department, Matter


async def load_departments(ids: Sequence[int]) -> list[Department | None]:
    found = {d.id: d for d in await Department.filter(id__in=list(ids))}
    return [found.get(i) for i in ids]


async def load_matters(ids: Sequence[int]) -> list[Matter | None]:
    found = {m.id: m for m in await Matter.filter(id__in=list(ids))}
    return [found.get(i) for i in ids]
