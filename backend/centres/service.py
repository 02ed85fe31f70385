"""Reading centres: filters, one by code, and the 15-minute circle."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from backend.centres.models import Centre, CentreKind, LocalOffering
from backend.matters.models import Matter
from backend.platform import geo
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.text import clean_search_text

MAX_WALKING_MINUTES = 120
DISTRICT_NAME_LENGTH = 16  # Centre.district
DISTRICT_CODE_LENGTH = 6  # Centre.district_code


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


CENTRE_CODE_LENGTH = 16  # Centre.code


async def get_centre_by_code(code: str) -> Centre:
    centre = await find_centre_by_code(code)
    if centre is None:
        shown = code[:CENTRE_CODE_LENGTH]
        raise DomainError(ErrorCode.NOT_FOUND, f"没有编号为 {shown} 的受理中心。", "code")
    return centre


async def find_centre_by_code(code: str) -> Centre | None:
    """None for a code no centre has, however long (no column is asked for what it cannot
    hold): every domain that looks a centre up by code gets that for free."""
    if len(code) > CENTRE_CODE_LENGTH:
        return None
    return await Centre.get_or_none(code=code)


async def get_centre(centre_id: int) -> Centre:
    return await Centre.get(id=centre_id)


async def offers_matter(centre_id: int, matter: Matter) -> bool:
    """Every centre offers the city-wide matters (全市通办), and its own local ones."""
    if matter.city_wide:
        return True
    return await LocalOffering.exists(centre_id=centre_id, matter_id=matter.id)


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


async def list_all_centres() -> list[Centre]:
    """Every centre and branch, by id (for loaders that set something up per centre)."""
    return await Centre.all().order_by("id")
