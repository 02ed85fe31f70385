from __future__ import annotations

from typing import Annotated

import strawberry

from backend.centres import service
from backend.centres.loaders import load_centres
from backend.centres.types import Centre, CentreFilter, NearbyCentre, OfferingCentre
from backend.graphql.caching import PUBLIC
from backend.graphql.context import Info
from backend.graphql.inputs import text
from backend.graphql.relay import CountedConnection, build_connection, paginate_queryset
from backend.matters import service as matters
from backend.platform.errors import DomainError, ErrorCode


@strawberry.type
class CentreQueries:
    @strawberry.field(
        description="Centres and branch centres, filtered and paged.", directives=[PUBLIC]
    )
    async def centres(
        self,
        info: Info,
        filter: CentreFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> CountedConnection[Centre]:
        criteria = filter or CentreFilter()
        queryset = service.filter_centres(
            service.CentreFilter(
                search=criteria.search,
                district=criteria.district,
                kind=criteria.kind,
            )
        )
        rows, start, end, total = await paginate_queryset(
            queryset, first=first, after=after, last=last, before=before
        )
        for row in rows:
            info.context.loader(load_centres).prime(row.id, row)
        return build_connection(
            [Centre.from_model(r) for r in rows], start=start, end=end, total=total
        )

    @strawberry.field(
        description="One centre by its stable code, e.g. 310101-01.", directives=[PUBLIC]
    )
    async def centre(self, code: Annotated[str, text(16)]) -> Centre:
        return Centre.from_model(await service.get_centre_by_code(code))

    @strawberry.field(
        description="The 15-minute service circle: centres within walking time, nearest first.",
        directives=[PUBLIC],
    )
    async def nearby_centres(
        self, info: Info, lat: float, lng: float, within_minutes: int = 15, first: int = 20
    ) -> list[NearbyCentre]:
        cap = info.context.infra.settings.max_page_size
        if not (1 <= first <= cap):
            raise DomainError(
                ErrorCode.PAGE_SIZE_TOO_LARGE, f"first 应在 1 到 {cap} 之间。", "first"
            )
        found = await service.nearby_centres(lat, lng, within_minutes)
        return [
            NearbyCentre(
                centre=Centre.from_model(n.centre),
                distance_meters=round(n.distance_m),
                walking_minutes=n.walking_minutes,
            )
            for n in found[:first]
        ]

    @strawberry.field(
        description="在哪里办: only the centres that offer the matter, nearest first from "
        "lat/lng (the device location); without them, the given district's centres first."
    )
    async def centres_offering(
        self,
        info: Info,
        matter_code: Annotated[str, text(16)],
        lat: float | None = None,
        lng: float | None = None,
        district: Annotated[str | None, text(16)] = None,
        first: int = 10,
    ) -> list[OfferingCentre]:
        cap = info.context.infra.settings.max_page_size
        if not (1 <= first <= cap):
            raise DomainError(
                ErrorCode.PAGE_SIZE_TOO_LARGE, f"first 应在 1 到 {cap} 之间。", "first"
            )
        matter = await matters.get_matter_by_code(matter_code)
        found = await service.centres_offering(matter, lat, lng, district)
        for row in found[:first]:
            info.context.loader(load_centres).prime(row.centre.id, row.centre)
        return [
            OfferingCentre(
                centre=Centre.from_model(o.centre),
                distance_meters=None if o.distance_m is None else round(o.distance_m),
            )
            for o in found[:first]
        ]
