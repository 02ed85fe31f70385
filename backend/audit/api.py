"""What the audit domain plugs into the GraphQL schema: the log for admins, and the
recorder of every permission refusal."""

from __future__ import annotations

from collections.abc import Sequence

from backend.audit.models import AuditOutcome
from backend.audit.queries import AuditQueries
from backend.audit.service import ANONYMOUS, Target, record
from backend.audit.types import AuditEvent
from backend.graphql.context import Denial
from backend.graphql.schema import DomainAPI
from backend.platform.requestmeta import RequestMeta


async def record_denials(denials: Sequence[Denial], meta: RequestMeta) -> None:
    """The refusals of one operation's permission classes, one audit entry each."""
    for denial in denials:
        await record(
            "permission.denied",
            AuditOutcome.DENIED,
            actor=denial.principal.audit_actor if denial.principal else ANONYMOUS,
            target=Target("field", denial.field),
            reason=denial.reason,
            meta=meta,
        )


API = DomainAPI(name="audit", queries=[AuditQueries], types=[AuditEvent], on_denials=record_denials)
