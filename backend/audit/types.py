from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import cast

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from backend.audit import models
from backend.graphql.context import Info
from backend.graphql.inputs import text_field
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.rows import by_ids

strawberry.enum(
    models.AuditOutcome,
    description="SUCCESS; FAILURE: refused by a rule (wrong code ...); DENIED: by a permission.",
)


@strawberry.type(description="One entry of the append-only audit log. Never personal data.")
class AuditEvent(relay.Node):
    id: relay.NodeID[int]
    at: dt.datetime
    request_id: str | None
    actor_kind: str = strawberry.field(description="anonymous, resident, staff, client, system.")
    actor_id: str | None
    action: str = strawberry.field(description="e.g. identity.login, permission.denied.")
    target_kind: str | None
    target_id: str | None
    outcome: models.AuditOutcome
    reason: str | None = strawberry.field(description="The error code, when it failed.")
    details: JSON

    @classmethod
    def from_model(cls, event: models.AuditEvent) -> AuditEvent:
        return cls(
            id=event.id,
            at=event.at,
            request_id=event.request_id,
            actor_kind=event.actor_kind,
            actor_id=event.actor_id,
            action=event.action,
            target_kind=event.target_kind,
            target_id=event.target_id,
            outcome=event.outcome,
            reason=event.reason,
            details=cast(JSON, event.details),
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[AuditEvent | None]:
        """`node(id)`: admins only, like the `auditEvents` list."""
        if not (await info.context.principal()).is_admin:
            raise DomainError(ErrorCode.FORBIDDEN, "此功能仅限管理员使用。", "id", "ADMIN_ONLY")
        rows = await by_ids(models.AuditEvent, [int(i) for i in node_ids])
        return [cls.from_model(row) if row else None for row in rows]


@strawberry.input(description="Narrow the audit log; all given criteria must hold.")
class AuditEventFilter:
    action: str | None = text_field(64)
    outcome: models.AuditOutcome | None = None
    actor_kind: str | None = text_field(16)
    actor_id: str | None = text_field(64)
    request_id: str | None = text_field(64)
