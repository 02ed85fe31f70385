"""Small helpers over Tortoise rows that several domains need."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from tortoise.models import Model

M = TypeVar("M", bound=Model)


async def by_ids(model: type[M], ids: Sequence[int]) -> list[M | None]:
    """Rows in the order of `ids` (None where missing): a DataLoader batch function's body."""
    found = {row.pk: row for row in await model.filter(id__in=list(ids))}
    return [found.get(i) for i in ids]


def differs(row: Model, values: Mapping[str, Any]) -> bool:
    """Whether writing `values` would change `row` (idempotent seed loads skip it if not)."""
    return any(getattr(row, name) != value for name, value in values.items())
