from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from backend.matters.models import Matter


class CentreKind(str, Enum):
    CENTRE = "CENTRE"
    BRANCH = "BRANCH"


class DayType(str, Enum):
    WORKDAY = "WORKDAY"  # Monday-Friday and make-up working days (调休)
    REST_DAY = "REST_DAY"  # weekends and statutory holidays


class Centre(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=16, unique=True)
    name = fields.CharField(max_length=64, unique=True)
    short_name = fields.CharField(max_length=32)
    district = fields.CharField(max_length=16, db_index=True)
    district_code = fields.CharField(max_length=6, db_index=True)
    kind = fields.CharEnumField(CentreKind, max_length=8, db_index=True)
    parent: fields.ForeignKeyNullableRelation[Centre] = fields.ForeignKeyField(
        "tongban.Centre", related_name="branches", null=True, on_delete=fields.RESTRICT
    )
    address = fields.CharField(max_length=128)
    address_approximate = fields.BooleanField(default=True)
    phone = fields.CharField(max_length=32, null=True)
    latitude = fields.FloatField()
    longitude = fields.FloatField()
    coordinates_approximate = fields.BooleanField(default=True)

    parent_id: int | None

    class Meta:
        table = "centre"
        ordering = ["code"]


class LocalOffering(Model):
    """A matter that is not city-wide (全市通办) but offered at this centre.

    Every city-wide matter is offered at every centre, so those are not stored here.
    """

    id = fields.IntField(primary_key=True)
    centre: fields.ForeignKeyRelation[Centre] = fields.ForeignKeyField(
        "tongban.Centre", related_name="local_offerings", on_delete=fields.CASCADE
    )
    matter: fields.ForeignKeyRelation[Matter] = fields.ForeignKeyField(
        "tongban.Matter", related_name="local_offerings", on_delete=fields.CASCADE
    )

    centre_id: int
    matter_id: int

    class Meta:
        table = "centre_local_offering"
        unique_together = (("centre", "matter"),)


class HoursOverride(Model):
    """A centre's own hours, for one date or for a kind of day.

    A date override wins over a day-type override, which wins over the city-wide rule.
    """

    id = fields.IntField(primary_key=True)
    centre: fields.ForeignKeyRelation[Centre] = fields.ForeignKeyField(
        "tongban.Centre", related_name="hours_overrides", on_delete=fields.CASCADE
    )
    date = fields.DateField(null=True)
    day_type = fields.CharEnumField(DayType, max_length=8, null=True)
    closed = fields.BooleanField(default=False)
    # Shanghai wall-clock minutes since midnight (510 = 08:30). Plain integers, because an
    # ORM time field under use_tz turns these into zone-shifted instants, which they are not.
    opens_minute = fields.SmallIntField(null=True)
    closes_minute = fields.SmallIntField(null=True)
    note = fields.CharField(max_length=128, default="")

    centre_id: int

    class Meta:
        table = "centre_hours_override"
