"""A case (办件) and its immutable history.

A case is collected at one centre (收件) and accepted at another when its matter is
COLLECT_FORWARD (收受分离: the resident's household-registration centre). Every change of
state is a `CaseEvent` row, written in the same transaction as the change and never
updated or deleted (a database trigger refuses it, as for the audit log).
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.centres.models import Centre
    from backend.identity.models import Resident
    from backend.matters.models import Matter


class CaseState(str, Enum):
    SUBMITTED = "SUBMITTED"  # 已提交
    PREREVIEW_PASSED = "PREREVIEW_PASSED"  # 预审通过
    NEEDS_SUPPLEMENT = "NEEDS_SUPPLEMENT"  # 待补正
    ACCEPTED = "ACCEPTED"  # 已受理
    FORWARDED = "FORWARDED"  # 已转办 (to the department's back office)
    PROCESSING = "PROCESSING"  # 办理中
    COMPLETED = "COMPLETED"  # 已办结
    REJECTED = "REJECTED"  # 不予办理
    WITHDRAWN = "WITHDRAWN"  # 已撤回


class CaseChannel(str, Enum):
    ONLINE = "ONLINE"  # 网上申请
    COUNTER = "COUNTER"  # 窗口
    REMOTE_WINDOW = "REMOTE_WINDOW"  # 就近办: a remote window at a neighbourhood point
    HOME_VISIT = "HOME_VISIT"  # 上门办


class ActorKind(str, Enum):
    RESIDENT = "RESIDENT"
    STAFF = "STAFF"
    SYSTEM = "SYSTEM"


class Case(Model):
    id = fields.IntField(primary_key=True)
    number = fields.CharField(max_length=24, unique=True)
    resident: fields.ForeignKeyRelation[Resident] = fields.ForeignKeyField(
        "tongban.Resident", related_name="cases", on_delete=fields.RESTRICT
    )
    matter: fields.ForeignKeyRelation[Matter] = fields.ForeignKeyField(
        "tongban.Matter", related_name="cases", on_delete=fields.RESTRICT
    )
    collecting_centre: fields.ForeignKeyRelation[Centre] = fields.ForeignKeyField(
        "tongban.Centre", related_name="collected_cases", on_delete=fields.RESTRICT
    )
    accepting_centre: fields.ForeignKeyRelation[Centre] = fields.ForeignKeyField(
        "tongban.Centre", related_name="accepted_cases", on_delete=fields.RESTRICT
    )
    channel = fields.CharEnumField(CaseChannel, max_length=16)
    state = fields.CharEnumField(CaseState, max_length=20, db_index=True)
    # [{"name": "...", "provided": true, "e_certificate": "ID_CARD" | null}]
    materials: fields.Field[list[dict[str, Any]]] = fields.JSONField(default=list)
    submitted_at = fields.DatetimeField()
    promised_date = fields.DateField(null=True)  # set on acceptance, in working days
    finished_at = fields.DatetimeField(null=True)
    reject_reason = fields.CharField(max_length=200, null=True)
    opened_by_staff_id = fields.IntField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    resident_id: int
    matter_id: int
    collecting_centre_id: int
    accepting_centre_id: int

    class Meta:
        table = "cases_case"
        indexes = (("accepting_centre_id", "state"), ("collecting_centre_id", "state"))


class CaseEvent(Model):
    """One change of a case: who, when, from, to, note. Append-only."""

    id = fields.BigIntField(primary_key=True)
    case: fields.ForeignKeyRelation[Case] = fields.ForeignKeyField(
        "tongban.Case", related_name="events", on_delete=fields.RESTRICT
    )
    action = fields.CharField(max_length=24)
    from_state = fields.CharEnumField(CaseState, max_length=20, null=True)
    to_state = fields.CharEnumField(CaseState, max_length=20)
    actor_kind = fields.CharEnumField(ActorKind, max_length=8)
    actor_id = fields.IntField(null=True)
    centre_id = fields.IntField(null=True)  # where the staff member acted
    note = fields.CharField(max_length=200, default="")
    at = fields.DatetimeField()

    case_id: int

    class Meta:
        table = "cases_event"
        ordering = ["id"]
