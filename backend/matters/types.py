from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

import strawberry
from strawberry import relay

from backend.graphql.caching import PUBLIC
from backend.graphql.context import Info
from backend.graphql.inputs import text_field
from backend.matters import models
from backend.matters.loaders import load_departments, load_matters
from backend.platform.text import MAX_SEARCH_LENGTH

strawberry.enum(
    models.HandlingMode,
    description="DIRECT 直接受理: accepted on the spot; COLLECT_FORWARD 收受分离: collected here "
    "and accepted by the resident's household-registration centre.",
)
strawberry.enum(
    models.OnlineLevel,
    description="FULLY_ONLINE 全程网办; PREREVIEW 网上预审 (at most one visit); COUNTER 窗口办理.",
)
strawberry.enum(
    models.ECertificateKind,
    description="E-certificates a resident can show instead of paper (电子亮证).",
)


from backend.matters.guide import MatterGuide, guide_from  # noqa: E402 - after the enums


@strawberry.type(
    description="A government department whose matters centres accept.", directives=[PUBLIC]
)
class Department(relay.Node):
    id: relay.NodeID[int]
    code: str = strawberry.field(description="Stable code, e.g. CIVIL_AFFAIRS.")
    name: str = strawberry.field(description="Short name, e.g. 民政.")
    full_name: str

    @classmethod
    def from_model(cls, department: models.Department) -> Department:
        return cls(
            id=department.id,
            code=department.code,
            name=department.name,
            full_name=department.full_name,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Department | None]:
        rows = await info.context.loader(load_departments).load_many([int(i) for i in node_ids])
        return [cls.from_model(row) if row else None for row in rows]


@strawberry.type(description="A document a matter needs.", directives=[PUBLIC])
class Material:
    name: str
    e_certificate: models.ECertificateKind | None = strawberry.field(
        description="The e-certificate that replaces the paper document, if any."
    )


@strawberry.type(
    description="A personal matter (事项) residents can start at a centre.", directives=[PUBLIC]
)
class Matter(relay.Node):
    id: relay.NodeID[int]
    code: str = strawberry.field(description="Stable code, e.g. MZ001.")
    name: str
    handling_mode: models.HandlingMode
    online_level: models.OnlineLevel
    city_wide: bool = strawberry.field(description="全市通办: can be started at any centre.")
    promised_working_days: int = strawberry.field(
        description="Promised working days to finish; 0 means done on the spot (即办)."
    )
    summary: str
    materials: list[Material]
    department_id: strawberry.Private[int]
    guide_data: strawberry.Private[dict[str, Any]]
    # Set by `Matter.page`: the department is then answered without an awaitable.
    preloaded_department: strawberry.Private[models.Department | None] = None

    @strawberry.field(
        description="办事指南: every fact from a named source or marked unknown (以窗口告知为准). "
        "Null when the catalogue has no guide for the matter."
    )
    def guide(self) -> MatterGuide | None:
        return guide_from(self.guide_data) if self.guide_data else None

    @strawberry.field(description="Materials an e-certificate can replace.")
    def e_certificates_accepted(self) -> list[models.ECertificateKind]:
        return [m.e_certificate for m in self.materials if m.e_certificate is not None]

    @strawberry.field
    def department(self, info: Info) -> Department:
        # A plain (not async) resolver: a page of matters built by `Matter.page` answers at
        # once, sparing graphql-core an awaitable per matter (5,000 on the 50 x 100 page);
        # otherwise it hands graphql-core the loader's awaitable.
        if self.preloaded_department is not None:
            return Department.from_model(self.preloaded_department)
        return cast(Department, self._load_department(info))

    async def _load_department(self, info: Info) -> Department:
        department = await info.context.loader(load_departments).load(self.department_id)
        if department is None:  # the foreign key makes this impossible
            raise LookupError(f"department {self.department_id} missing")
        return Department.from_model(department)

    @classmethod
    async def page(cls, info: Info, rows: Sequence[models.Matter]) -> list[Matter]:
        """A page of matters with their departments loaded (one batched query for every
        page of the operation)."""
        ids = sorted({row.department_id for row in rows})
        loaded = await info.context.loader(load_departments).load_many(ids)
        departments = {d.id: d for d in loaded if d is not None}
        return [cls.from_model(row, departments.get(row.department_id)) for row in rows]

    @classmethod
    def from_model(
        cls, matter: models.Matter, department: models.Department | None = None
    ) -> Matter:
        return cls(
            id=matter.id,
            code=matter.code,
            name=matter.name,
            handling_mode=matter.handling_mode,
            online_level=matter.online_level,
            city_wide=matter.city_wide,
            promised_working_days=matter.promised_working_days,
            summary=matter.summary,
            materials=[
                Material(
                    name=str(m["name"]),
                    e_certificate=models.ECertificateKind(kind) if kind else None,
                )
                for m in matter.materials
                for kind in [m.get("e_certificate")]
            ],
            department_id=matter.department_id,
            guide_data=dict(matter.guide or {}),
            preloaded_department=department,
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Matter | None]:
        rows = await info.context.loader(load_matters).load_many([int(i) for i in node_ids])
        return [cls.from_model(row) if row else None for row in rows]


@strawberry.input(description="Narrow the list of matters; all given criteria must hold.")
class MatterFilter:
    search: str | None = text_field(
        MAX_SEARCH_LENGTH,
        search=True,
        description="Free text over the name and summary, e.g. 居住证.",
    )
    department_code: str | None = text_field(32)
    city_wide: bool | None = None
    online_level: models.OnlineLevel | None = None
    handling_mode: models.HandlingMode | None = None
