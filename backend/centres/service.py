"""Reading centres (filters, the 15-minute circle) and loading them from seed data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from backend.centres.models import Centre, CentreKind, DayType, HoursOverride, LocalOffering
from backend.matters import service as matters_service
from backend.platform import geo
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.text import clean_search_text

MAX_WALKING_MINUTES = 120
DISTRICT_NAME_LENGTH = 16  # Centre.district
DISTRICT_CODE_LENGTH = 6  # Centre.district_code
CENTRE_FIELDS = (
    "name",
    "short_name",
    "district",
    "district_code",
    "address",
    "address_approximate",
    "phone",
    "coordinates_approximate",
)


@dataclass(frozen=True)
class CentreFilter:
    search: str | None = None
    district: str | None = None  # name (黄浦区) or code (310101)
    kind: CentreKind | None = None


@dataclass(frozen=True)
class NearbyCentre:
    centre: Centre
    distance_m: float
    walking_minutes: int


def filter_centres(criteria: CentreFilter) -> QuerySet[Centre]:
    queryset = Centre.all().order_by("code")
    search = clean_search_text(criteria.search)
    if search:
        queryset = queryset.filter(
            Q(name__icontains=search)
            | Q(short_name__icontains=search)
            | Q(address__icontains=search)
        )
    district = clean_search_text(criteria.district, "district")
    if district:
        # Compare only with the columns the text fits in: the ORM refuses a longer value.
        by_name = Q(district=district) if len(district) <= DISTRICT_NAME_LENGTH else None
        by_code = Q(district_code=district) if len(district) <= DISTRICT_CODE_LENGTH else None
        if by_name is None:
            raise DomainError(
                ErrorCode.INVALID_INPUT, f"区名最多 {DISTRICT_NAME_LENGTH} 个字。", "district"
            )
        queryset = queryset.filter(by_name | by_code if by_code is not None else by_name)
    if criteria.kind is not None:
        queryset = queryset.filter(kind=criteria.kind)
    return queryset


async def get_centre_by_code(code: str) -> Centre:
    centre = await Centre.get_or_none(code=code)
    if centre is None:
        raise DomainError(ErrorCode.NOT_FOUND, f"没有编号为 {code} 的受理中心。", "code")
    return centre


async def nearby_centres(lat: float, lng: float, within_minutes: int) -> list[NearbyCentre]:
    """Centres within `within_minutes` on foot, nearest first."""
    if not (-90 <= lat <= 90):
        raise DomainError(ErrorCode.INVALID_COORDINATES, "纬度应在 -90 到 90 之间。", "lat")
    if not (-180 <= lng <= 180):
        raise DomainError(ErrorCode.INVALID_COORDINATES, "经度应在 -180 到 180 之间。", "lng")
    if not (1 <= within_minutes <= MAX_WALKING_MINUTES):
        raise DomainError(
            ErrorCode.INVALID_INPUT,
            f"步行时间应在 1 到 {MAX_WALKING_MINUTES} 分钟之间。",
            "withinMinutes",
        )
    radius = geo.walkable_radius_m(within_minutes)
    min_lat, max_lat, min_lng, max_lng = geo.bounding_box(lat, lng, radius)
    candidates = await Centre.filter(
        latitude__gte=min_lat, latitude__lte=max_lat, longitude__gte=min_lng, longitude__lte=max_lng
    )
    found = []
    for centre in candidates:
        distance = geo.distance_m(lat, lng, centre.latitude, centre.longitude)
        if distance <= radius:
            found.append(NearbyCentre(centre, distance, geo.walking_minutes(distance)))
    return sorted(found, key=lambda n: (n.distance_m, n.centre.code))


async def load_centres(rows: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Insert or update centres and their local offerings by code; idempotent.

    Parents are written before branches so a branch can point at its centre.
    """
    rows = sorted(rows, key=lambda r: (r["kind"] != CentreKind.CENTRE.value, r["code"]))
    created = updated = 0
    async with in_transaction():
        existing = {c.code: c for c in await Centre.all()}
        matter_ids = await matters_service.matter_ids_by_code(
            {code for row in rows for code in row.get("local_matters", [])}
        )
        for row in rows:
            values: dict[str, Any] = {field: row[field] for field in CENTRE_FIELDS}
            values["kind"] = CentreKind(row["kind"])
            values["latitude"], values["longitude"] = float(row["lat"]), float(row["lng"])
            values["parent_id"] = existing[row["parent"]].id if row.get("parent") else None
            centre = existing.get(row["code"])
            if centre is None:
                existing[row["code"]] = await Centre.create(code=row["code"], **values)
                created += 1
            elif any(getattr(centre, k) != v for k, v in values.items()):
                await Centre.filter(id=centre.id).update(**values)
                updated += 1
        wanted = {
            (existing[row["code"]].id, matter_ids[code])
            for row in rows
            for code in row.get("local_matters", [])
        }
        changed = await _sync_local_offerings(wanted)
        changed += await _sync_hours_overrides(
            {
                _hours_override_key(existing[row["code"]].id, spec, row["code"])
                for row in rows
                for spec in row.get("hours_overrides", [])
            }
        )
    return {"created": created + changed, "updated": updated}


# (centre id, date, day type, closed, opens minute, closes minute, note)
HoursKey = tuple[int, date | None, DayType | None, bool, int | None, int | None, str]


def _hours_override_key(centre_id: int, spec: dict[str, Any], code: str) -> HoursKey:
    """A seed entry: {"date": "2026-12-01" | "day_type": "REST_DAY", "closed": true |
    "opens": "08:30", "closes": "16:00", "note": "…"}; refuses what would mislead."""
    day = date.fromisoformat(spec["date"]) if spec.get("date") else None
    day_type = DayType(spec["day_type"]) if spec.get("day_type") else None
    closed = bool(spec.get("closed", False))
    opens, closes = _minute(spec.get("opens")), _minute(spec.get("closes"))
    if (day is None) == (day_type is None):
        raise ValueError(f"{code}: an hours override names a date or a day_type, not both")
    if not closed and (opens is None or closes is None or opens >= closes):
        raise ValueError(f"{code}: an open hours override needs opens < closes")
    return (centre_id, day, day_type, closed, opens, closes, str(spec.get("note", "")))


def _minute(text: str | None) -> int | None:
    if text is None:
        return None
    moment = time.fromisoformat(text)
    return moment.hour * 60 + moment.minute


async def _sync_hours_overrides(wanted: set[HoursKey]) -> int:
    """Make the table hold exactly the seed's overrides."""
    current = {
        (o.centre_id, o.date, o.day_type, o.closed, o.opens_minute, o.closes_minute, o.note): o.id
        for o in await HoursOverride.all()
    }
    stale = [override_id for key, override_id in current.items() if key not in wanted]
    if stale:
        await HoursOverride.filter(id__in=stale).delete()
    await HoursOverride.bulk_create(
        [
            HoursOverride(
                centre_id=centre_id,
                date=day,
                day_type=day_type,
                closed=closed,
                opens_minute=opens,
                closes_minute=closes,
                note=note,
            )
            for centre_id, day, day_type, closed, opens, closes, note in wanted - current.keys()
        ]
    )
    return len(stale) + len(wanted - current.keys())


async def _sync_local_offerings(wanted: set[tuple[int, int]]) -> int:
    """Make the table hold exactly `wanted` (centre id, matter id) pairs."""
    current = {(o.centre_id, o.matter_id): o.id for o in await LocalOffering.all()}
    stale = [offering_id for pair, offering_id in current.items() if pair not in wanted]
    if stale:
        await LocalOffering.filter(id__in=stale).delete()
    await LocalOffering.bulk_create(
        [LocalOffering(centre_id=c, matter_id=m) for c, m in wanted - current.keys()]
    )
    return len(stale) + len(wanted - current.keys())
