from __future__ import annotations

from typing import Annotated

import strawberry

from backend.graphql.caching import PUBLIC
from backend.graphql.context import Info
from backend.graphql.inputs import text
from backend.graphql.relay import CountedConnection, build_connection, paginate_queryset
from backend.matters import service
from backend.matters.loaders import load_departments, load_matters
from backend.matters.types import Department, Matter, MatterFilter


@strawberry.type
class MatterQueries:
    @strawberry.field(
        description="The catalogue of matters, filtered and paged.", directives=[PUBLIC]
    )
    async def matters(
        self,
        info: Info,
        filter: MatterFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> CountedConnection[Matter]:
        criteria = filter or MatterFilter()
        queryset = service.filter_matters(
            service.MatterFilter(
                search=criteria.search,
                department_code=criteria.department_code,
                city_wide=criteria.city_wide,
                online_level=criteria.online_level,
                handling_mode=criteria.handling_mode,
            )
        )
        rows, start, end, total = await paginate_queryset(
            queryset, first=first, after=after, last=last, before=before
        )
        for row in rows:
            info.context.loader(load_matters).prime(row.id, row)
        return build_connection(await Matter.page(info, rows), start=start, end=end, total=total)

    @strawberry.field(description="One matter by its stable code, e.g. MZ001.", directives=[PUBLIC])
    async def matter(self, code: Annotated[str, text(16)]) -> Matter:
        return Matter.from_model(await service.get_matter_by_code(code))

    @strawberry.field(
        description="The 11 departments whose matters the centres accept.", directives=[PUBLIC]
    )
    async def departments(self, info: Info) -> list[Department]:
        rows = await service.list_departments()
        for row in rows:
            info.context.loader(load_departments).prime(row.id, row)
        return [Department.from_model(d) for d in rows]
