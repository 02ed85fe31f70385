from __future__ import annotations

import strawberry

from backend.audit import service
from backend.audit.models import AuditOutcome as AuditOutcomeModel
from backend.audit.types import AuditEvent, AuditEventFilter
from backend.graphql.permissions import requires
from backend.graphql.relay import CountedConnection, build_connection, paginate_queryset
from backend.identity.auth import ADMIN


@strawberry.type
class AuditQueries:
    @strawberry.field(
        description="The audit log, newest first. Admins only.",
        extensions=[requires(ADMIN)],
    )
    async def audit_events(
        self,
        filter: AuditEventFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> CountedConnection[AuditEvent]:
        criteria = filter or AuditEventFilter()
        queryset = service.filter_events(
            service.AuditFilter(
                action=criteria.action,
                outcome=AuditOutcomeModel(criteria.outcome) if criteria.outcome else None,
                actor_kind=criteria.actor_kind,
                actor_id=criteria.actor_id,
                request_id=criteria.request_id,
            )
        )
        rows, start, end, total = await paginate_queryset(queryset, first=first, after=after)
        return build_connection(
            [AuditEvent.from_model(r) for r in rows], start=start, end=end, total=total
        )
