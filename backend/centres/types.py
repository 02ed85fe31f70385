from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import strawberry
from strawberry import relay

from backend.centres import hours, maplinks, models
from backend.centres.loaders import (
    load_branches,
    load_centres,
    load_hours_overrides,
    load_offered_matters,
)
from backend.graphql.caching import CLOCK, PUBLIC
from backend.graphql.context import Info
from backend.graphql.inputs import text_field
from backend.graphql.relay import CountedConnection, paginate_list
from backend.matters.types import Matter
from backend.platform.clock import now
from backend.platform.text import MAX_SEARCH_LENGTH

strawberry.enum(models.CentreKind, description="CENTRE 社区事务受理服务中心; BRANCH 分中心.")
strawberry.enum(
    models.DayType,
    description="WORKDAY: Monday-Friday and make-up working days (调休); "
    "REST_DAY: weekends and statutory holidays.",
)
strawberry.enum(
    hours.HoursSource, description="Where a day's hours come from: the city rule or the centre."
)


@strawberry.type(description="A point on the map (WGS-84).", directives=[PUBLIC])
class Location:
    latitude: float
    longitude: float
    approximate: bool = strawberry.field(
        description="True when the point marks the street or town, not the door."
    )


@strawberry.type(
    description="A centre's hours on one day, Asia/Shanghai time.", directives=[PUBLIC]
)
class OpeningHours:
    date: dt.date
    day_type: models.DayType
    is_open_day: bool
    opens_at: dt.time | None
    closes_at: dt.time | None
    holiday_name: str | None = strawberry.field(description="法定节假日名称, e.g. 国庆节.")
    is_makeup_workday: bool = strawberry.field(description="调休上班: a weekend day worked.")
    calendar_known: bool = strawberry.field(
        description="False when the year's holiday schedule is not published yet; the day "
        "then follows the plain weekday rule."
    )
    source: hours.HoursSource
    note: str

    @classmethod
    def from_day(cls, day: hours.DayHours) -> OpeningHours:
        return cls(
            date=day.date,
            day_type=day.day_type,
            is_open_day=day.is_open_day,
            opens_at=day.opens_at,
            closes_at=day.closes_at,
            holiday_name=day.holiday_name,
            is_makeup_workday=day.is_makeup_workday,
            calendar_known=day.calendar_known,
            source=day.source,
            note=day.note,
        )


@strawberry.type(
    description="A community affairs acceptance centre (社区事务受理服务中心).", directives=[PUBLIC]
)
class Centre(relay.Node):
    id: relay.NodeID[int]
    code: str = strawberry.field(description="Stable code: district code and sequence.")
    name: str
    short_name: str
    district: str
    district_code: str
    kind: models.CentreKind
    address: str
    address_approximate: bool
    phone: str | None = strawberry.field(
        description="Null where no verified number is known; residents can call 12345."
    )
    location: Location
    parent_id: strawberry.Private[int | None]

    @strawberry.field(
        description="高德地图 marker and navigation link (https://uri.amap.com/marker), "
        "WGS-84 declared. Check location.approximate: it may mark the street, not the door."
    )
    def amap_url(self) -> str:
        return maplinks.amap_marker(self.location.latitude, self.location.longitude, self.name)

    @strawberry.field(description="geo: URI (RFC 5870) for the phone's own map app.")
    def geo_uri(self) -> str:
        return maplinks.geo_uri(self.location.latitude, self.location.longitude, self.name)

    @strawberry.field(description="tel: link of the phone number, null where none is known.")
    def phone_uri(self) -> str | None:
        return maplinks.tel_uri(self.phone) if self.phone else None

    @classmethod
    def from_model(cls, centre: models.Centre) -> Centre:
        return cls(
            id=centre.id,
            code=centre.code,
            name=centre.name,
            short_name=centre.short_name,
            district=centre.district,
            district_code=centre.district_code,
            kind=centre.kind,
            address=centre.address,
            address_approximate=centre.address_approximate,
            phone=centre.phone,
            location=Location(
                latitude=centre.latitude,
                longitude=centre.longitude,
                approximate=centre.coordinates_approximate,
            ),
            parent_id=centre.parent_id,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Centre | None]:
        rows = await info.context.loader(load_centres).load_many([int(i) for i in node_ids])
        return [cls.from_model(row) if row else None for row in rows]

    @strawberry.field(description="The centre a branch belongs to.")
    async def parent(self, info: Info) -> Centre | None:
        if self.parent_id is None:
            return None
        parent = await info.context.loader(load_centres).load(self.parent_id)
        return Centre.from_model(parent) if parent else None

    @strawberry.field(description="Branch centres (分中心) of this centre.")
    async def branches(self, info: Info) -> list[Centre]:
        return [
            Centre.from_model(b) for b in await info.context.loader(load_branches).load(self.id)
        ]

    @strawberry.field(description="Matters offered here: every city-wide matter, plus local ones.")
    async def matters(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> CountedConnection[Matter]:
        offered = await info.context.loader(load_offered_matters).load(self.id)
        page = paginate_list(offered, first=first, after=after, last=last, before=before)
        matters = await Matter.page(info, [edge.node for edge in page.edges])
        for edge, matter in zip(page.edges, matters, strict=True):
            edge.node = matter
        return page

    @strawberry.field(
        description="Hours on a date (default: today in Shanghai).", directives=[CLOCK]
    )
    async def opening_hours(self, info: Info, date: dt.date | None = None) -> OpeningHours:
        overrides = await info.context.loader(load_hours_overrides).load(self.id)
        return OpeningHours.from_day(hours.hours_on(date or now().date(), overrides))

    @strawberry.field(
        description="Whether the centre is open at a moment (default: now). A time without "
        "an offset is read as Shanghai time.",
        directives=[CLOCK],
    )
    async def is_open_at(self, info: Info, at: dt.datetime | None = None) -> bool:
        overrides = await info.context.loader(load_hours_overrides).load(self.id)
        return hours.is_open_at(at or now(), overrides)


@strawberry.type(
    description="A centre within walking distance (15分钟政务服务圈).", directives=[PUBLIC]
)
class NearbyCentre:
    centre: Centre
    distance_meters: int = strawberry.field(description="Straight-line distance.")
    walking_minutes: int = strawberry.field(
        description="Estimated walk at 4.5 km/h with a 1.3 street-detour factor."
    )


@strawberry.type(description="A centre that offers a matter (在哪里办).")
class OfferingCentre:
    centre: Centre
    distance_meters: int | None = strawberry.field(
        description="Straight-line distance from the given location; null without one."
    )


@strawberry.input(description="Narrow the list of centres; all given criteria must hold.")
class CentreFilter:
    search: str | None = text_field(
        MAX_SEARCH_LENGTH, search=True, description="Free text over names and address, e.g. 五里桥."
    )
    district: str | None = text_field(16, description="District name (黄浦区) or code (310101).")
    kind: models.CentreKind | None = None
