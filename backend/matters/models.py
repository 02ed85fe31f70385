from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model


class HandlingMode(str, Enum):
    DIRECT = "DIRECT"  # 直接受理: accepted on the spot
    COLLECT_FORWARD = "COLLECT_FORWARD"  # 收受分离: accepted by the household-registration centre


class OnlineLevel(str, Enum):
    FULLY_ONLINE = "FULLY_ONLINE"  # 全程网办
    PREREVIEW = "PREREVIEW"  # 网上预审, at most one visit
    COUNTER = "COUNTER"  # at the counter only


class ECertificateKind(str, Enum):
    ID_CARD = "ID_CARD"
    RESIDENCE_PERMIT = "RESIDENCE_PERMIT"
    BIRTH_CERTIFICATE = "BIRTH_CERTIFICATE"
    HUKOU_BOOKLET = "HUKOU_BOOKLET"
    MARRIAGE_CERTIFICATE = "MARRIAGE_CERTIFICATE"


class Department(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=32)
    full_name = fields.CharField(max_length=64)
    sort_order = fields.IntField(default=0)

    class Meta:
        table = "department"
        ordering = ["sort_order", "id"]


class Matter(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=16, unique=True)
    name = fields.CharField(max_length=64, unique=True)
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "tongban.Department", related_name="matters", on_delete=fields.RESTRICT
    )
    handling_mode = fields.CharEnumField(HandlingMode, max_length=16)
    online_level = fields.CharEnumField(OnlineLevel, max_length=16)
    city_wide = fields.BooleanField(default=True, db_index=True)
    promised_working_days = fields.IntField()
    summary = fields.TextField(default="")
    # [{"name": "居民身份证", "e_certificate": "ID_CARD" | null}, ...]: part of the matter's
    # definition, always read whole, so it lives with the matter.
    materials: fields.Field[list[dict[str, str | None]]] = fields.JSONField(default=list)
    # 办事指南: conditions, steps, fees, legal basis, materials in detail, sample forms, FAQ
    # (seed/matter_guides.json). Every fact names its source or says it is not known.
    guide: fields.Field[dict[str, object]] = fields.JSONField(default=dict)

    department_id: int

    class Meta:
        table = "matter"
        ordering = ["code"]
