"""Audit events. Rows are only ever inserted: there is no update or delete API, and the
database refuses UPDATE and DELETE on the table (a trigger, installed by migration)."""

from __future__ import annotations

from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class AuditOutcome(str, Enum):
    SUCCESS = "SUCCESS"
    FAILURE = "FAILURE"  # the attempt was refused by a rule (wrong code, bad password ...)
    DENIED = "DENIED"  # a permission check said no


class AppendOnlyError(RuntimeError):
    pass


class AuditEvent(Model):
    id = fields.BigIntField(primary_key=True)
    at = fields.DatetimeField(auto_now_add=True, db_index=True)
    request_id = fields.CharField(max_length=64, null=True)
    # anonymous | resident | staff | client | system, and the subject's id within that kind.
    actor_kind = fields.CharField(max_length=16)
    actor_id = fields.CharField(max_length=64, null=True)
    action = fields.CharField(max_length=64, db_index=True)
    target_kind = fields.CharField(max_length=32, null=True)
    target_id = fields.CharField(max_length=64, null=True)
    outcome = fields.CharEnumField(AuditOutcome, max_length=8)
    reason = fields.CharField(max_length=64, null=True)
    # Keyed hash of the client address: lets us see one source hammering, without the IP.
    source_hash = fields.CharField(max_length=16, null=True)
    details: dict[str, Any] = fields.JSONField(default=dict)

    class Meta:
        table = "audit_event"
        ordering = ["-id"]

    async def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._saved_in_db:
            await super().save(*args, **kwargs)
            return
        raise AppendOnlyError("audit events cannot be changed")

    async def delete(self, *args: Any, **kwargs: Any) -> None:
        raise AppendOnlyError("audit events cannot be deleted")
