"""Reading the catalogue of matters, and loading it from seed data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from backend.matters.models import Department, HandlingMode, Matter, OnlineLevel
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.text import clean_search_text

MATTER_FIELDS = (
    "name",
    "handling_mode",
    "online_level",
    "city_wide",
    "promised_working_days",
    "summary",
    "materials",
)


@dataclass(frozen=True)
class MatterFilter:
    search: str | None = None
    department_code: str | None = None
    city_wide: bool | None = None
    online_level: OnlineLevel | None = None
    handling_mode: HandlingMode | None = None


def filter_matters(criteria: MatterFilter) -> QuerySet[Matter]:
    queryset = Matter.all().order_by("code")
    search = clean_search_text(criteria.search)
    if search:
        queryset = queryset.filter(
            Q(name__icontains=search) | Q(summary__icontains=search) | Q(code__iexact=search)
        )
    if criteria.department_code is not None:
        queryset = queryset.filter(department__code=criteria.department_code)
    if criteria.city_wide is not None:
        queryset = queryset.filter(city_wide=criteria.city_wide)
    if criteria.online_level is not None:
        queryset = queryset.filter(online_level=criteria.online_level)
    if criteria.handling_mode is not None:
        queryset = queryset.filter(handling_mode=criteria.handling_mode)
    return queryset


async def get_matter_by_code(code: str) -> Matter:
    matter = await Matter.get_or_none(code=code)
    if matter is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"没有编号为 {code} 的事项。", "code")
    return matter


async def list_city_wide_matters() -> list[Matter]:
    return await Matter.filter(city_wide=True).order_by("code")


async def matters_by_ids(ids: Iterable[int]) -> dict[int, Matter]:
    wanted = list(ids)
    return {m.id: m for m in await Matter.filter(id__in=wanted)} if wanted else {}


async def matter_ids_by_code(codes: Iterable[str]) -> dict[str, int]:
    wanted = list(codes)
    rows = await Matter.filter(code__in=wanted).values_list("code", "id") if wanted else []
    return {code: matter_id for code, matter_id in rows}


async def list_departments() -> list[Department]:
    return await Department.all().order_by("sort_order", "id")


async def load_catalogue(
    departments: Iterable[dict[str, Any]], matters: Iterable[dict[str, Any]]
) -> dict[str, int]:
    """Insert or update departments and matters by code. Running it twice changes nothing."""
    created = updated = 0
    async with in_transaction():
        by_code = {d.code: d for d in await Department.all()}
        for order, row in enumerate(departments):
            values = {"name": row["name"], "full_name": row["full_name"], "sort_order": order}
            existing = by_code.get(row["code"])
            if existing is None:
                by_code[row["code"]] = await Department.create(code=row["code"], **values)
                created += 1
            elif _changed(existing, values):
                await Department.filter(id=existing.id).update(**values)
                updated += 1
        matters_by_code = {m.code: m for m in await Matter.all()}
        for row in matters:
            values = {field: row[field] for field in MATTER_FIELDS}
            values["handling_mode"] = HandlingMode(row["handling_mode"])
            values["online_level"] = OnlineLevel(row["online_level"])
            values["department_id"] = by_code[row["department"]].id
            existing_matter = matters_by_code.get(row["code"])
            if existing_matter is None:
                await Matter.create(code=row["code"], **values)
                created += 1
            elif _changed(existing_matter, values):
                await Matter.filter(id=existing_matter.id).update(**values)
                updated += 1
    return {"created": created, "updated": updated}


def _changed(instance: Any, values: dict[str, Any]) -> bool:
    return any(getattr(instance, key) != value for key, value in values.items())
