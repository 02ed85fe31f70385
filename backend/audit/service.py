"""Writing and reading the audit log. Writing is the only mutation there is.

Record failures after the failed transaction has ended (its rollback would take the audit
row with it). Never put personal data in `details`: ids, codes and counts only.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from tortoise.queryset import QuerySet

from backend.audit.models import AuditEvent, AuditOutcome
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.principal import ANONYMOUS as ANONYMOUS
from backend.platform.principal import SYSTEM as SYSTEM
from backend.platform.principal import Actor as Actor
from backend.platform.requestmeta import RequestMeta

Detail = str | int | bool | None


@dataclass(frozen=True)
class Target:
    kind: str
    id: str | int | None = None


async def record(
    action: str,
    outcome: AuditOutcome,
    *,
    actor: Actor = ANONYMOUS,
    target: Target | None = None,
    reason: str | None = None,
    meta: RequestMeta | None = None,
    details: dict[str, Detail] | None = None,
) -> AuditEvent:
    return await AuditEvent.create(
        request_id=meta.request_id if meta else None,
        actor_kind=actor.kind,
        actor_id=actor.id,
        action=action,
        target_kind=target.kind if target else None,
        target_id=str(target.id) if target and target.id is not None else None,
        outcome=outcome,
        reason=reason,
        source_hash=meta.source_key if meta else None,
        details=details or {},
    )


@dataclass
class AuditNote:
    """What an `audited` block learns on the way: who the actor turned out to be, etc."""

    actor: Actor
    target: Target | None = None
    details: dict[str, Detail] = field(default_factory=dict)
    # The real reason of a failure, when the caller is deliberately told less (e.g. a
    # disabled account answered as wrong credentials); otherwise the error's code.
    reason: str | None = None


@asynccontextmanager
async def audited(
    action: str,
    *,
    actor: Actor = ANONYMOUS,
    target: Target | None = None,
    meta: RequestMeta | None = None,
) -> AsyncIterator[AuditNote]:
    """Records SUCCESS when the block completes, FAILURE (or DENIED) with the error code
    when it raises a DomainError. Use it outside the block's transaction."""
    note = AuditNote(actor, target)
    try:
        yield note
    except DomainError as error:
        denied = error.code in (ErrorCode.FORBIDDEN, ErrorCode.UNAUTHENTICATED)
        outcome = AuditOutcome.DENIED if denied else AuditOutcome.FAILURE
        await record(
            action,
            outcome,
            actor=note.actor,
            target=note.target,
            reason=note.reason or error.code.value,
            meta=meta,
            details=note.details,
        )
        raise
    await record(
        action,
        AuditOutcome.SUCCESS,
        actor=note.actor,
        target=note.target,
        meta=meta,
        details=note.details,
    )


@dataclass(frozen=True)
class AuditFilter:
    action: str | None = None
    outcome: AuditOutcome | None = None
    actor_kind: str | None = None
    actor_id: str | None = None
    request_id: str | None = None


def filter_events(criteria: AuditFilter) -> QuerySet[AuditEvent]:
    queryset = AuditEvent.all().order_by("-id")
    filters: dict[str, Any] = {
        "action": criteria.action,
        "outcome": criteria.outcome,
        "actor_kind": criteria.actor_kind,
        "actor_id": criteria.actor_id,
        "request_id": criteria.request_id,
    }
    return queryset.filter(**{k: v for k, v in filters.items() if v is not None})
