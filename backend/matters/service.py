"""Reading the catalogue of matters."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from backend.matters.models import Department, HandlingMode, Matter, OnlineLevel
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.text import clean_search_text


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


async def get_matter(matter_id: int) -> Matter:
    return await Matter.get(id=matter_id)


MATTER_CODE_LENGTH = 16  # Matter.code


async def get_matter_by_code(code: str) -> Matter:
    matter = await find_matter_by_code(code)
    if matter is None:
        shown = code[:MATTER_CODE_LENGTH]
        raise DomainError(ErrorCode.NOT_FOUND, f"没有编号为 {shown} 的事项。", "code")
    return matter


async def find_matter_by_code(code: str) -> Matter | None:
    """None for a code no matter has, however long (see centres.find_centre_by_code)."""
    if len(code) > MATTER_CODE_LENGTH:
        return None
    return await Matter.get_or_none(code=code)


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
