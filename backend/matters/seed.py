"""Loading departments and matters from seed/departments.json and seed/matters.json.
Idempotent: loading twice changes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tortoise.transactions import in_transaction

from backend.matters.models import Department, HandlingMode, Matter, OnlineLevel
from backend.platform.rows import differs

MATTER_FIELDS = (
    "name",
    "handling_mode",
    "online_level",
    "city_wide",
    "promised_working_days",
    "summary",
    "materials",
)


async def load_catalogue(
    departments: Iterable[dict[str, Any]],
    matters: Iterable[dict[str, Any]],
    guides: dict[str, Any] | None = None,
) -> dict[str, int]:
    """Insert or update departments and matters by code. Running it twice changes nothing.
    `guides`: seed/matter_guides.json (its sources and each matter's 办事指南), when given."""
    created = updated = 0
    async with in_transaction():
        by_code = {d.code: d for d in await Department.all()}
        for order, row in enumerate(departments):
            values = {"name": row["name"], "full_name": row["full_name"], "sort_order": order}
            existing = by_code.get(row["code"])
            if existing is None:
                by_code[row["code"]] = await Department.create(code=row["code"], **values)
                created += 1
            elif differs(existing, values):
                await Department.filter(id=existing.id).update(**values)
                updated += 1
        matters_by_code = {m.code: m for m in await Matter.all()}
        for row in matters:
            values = {field: row[field] for field in MATTER_FIELDS}
            values["handling_mode"] = HandlingMode(row["handling_mode"])
            values["online_level"] = OnlineLevel(row["online_level"])
            values["department_id"] = by_code[row["department"]].id
            if guides is not None:
                values["guide"] = guide_for(guides, row["code"])
            existing_matter = matters_by_code.get(row["code"])
            if existing_matter is None:
                await Matter.create(code=row["code"], **values)
                created += 1
            elif differs(existing_matter, values):
                await Matter.filter(id=existing_matter.id).update(**values)
                updated += 1
    return {"created": created, "updated": updated}


def guide_for(guides: dict[str, Any], code: str) -> dict[str, Any]:
    """A matter's guide with the sources it cites copied in, so it reads on its own."""
    guide = dict(guides["guides"].get(code) or {})
    if guide:
        guide["sources"] = guides["sources"]
    return guide
