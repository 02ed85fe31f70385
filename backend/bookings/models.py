"""Bookings (网上预约), the seat counters that keep a slot from being sold twice, each
resident's booking standing (suspension after no-shows), and the per-centre slot rules.

Slots are not rows: they are computed from the centre's hours (backend/centres/hours.py)
and its slot rule. A `SlotCounter` row for (centre, day, start, matter group) is created on
the first booking of that slot and carries its capacity; a seat is taken by the conditional
UPDATE `taken = taken + 1 WHERE taken < capacity`, so the database, not Python memory,
guarantees capacity whatever the number of instances.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from backend.centres.models import DayType

if TYPE_CHECKING:
    from backend.centres.models import Centre
    from backend.identity.models import Resident
    from backend.matters.models import Matter


class BookingState(str, Enum):
    BOOKED = "BOOKED"  # 已预约
    CHECKED_IN = "CHECKED_IN"  # 已签到
    CANCELLED = "CANCELLED"  # 已取消 (by the resident)
    CANCELLED_BY_CENTRE = "CANCELLED_BY_CENTRE"  # 中心取消 (hours changed)
    NO_SHOW = "NO_SHOW"  # 爽约


ACTIVE_STATES = (BookingState.BOOKED,)


class SlotRule(Model):
    """The slot length and capacity of a centre for a kind of day (seed/booking_slots.json).
    Capacity of a slot = windows x residents per window per slot."""

    id = fields.IntField(primary_key=True)
    centre: fields.ForeignKeyRelation[Centre] = fields.ForeignKeyField(
        "tongban.Centre", related_name="slot_rules", on_delete=fields.CASCADE
    )
    day_type = fields.CharEnumField(DayType, max_length=8)
    slot_minutes = fields.SmallIntField()
    windows = fields.SmallIntField()
    per_window = fields.SmallIntField()

    centre_id: int

    class Meta:
        table = "booking_slot_rule"
        unique_together = (("centre", "day_type"),)


class SlotCounter(Model):
    """Seats taken in one slot of one matter group (the windows of a department)."""

    id = fields.BigIntField(primary_key=True)
    centre: fields.ForeignKeyRelation[Centre] = fields.ForeignKeyField(
        "tongban.Centre", related_name="slot_counters", on_delete=fields.RESTRICT
    )
    day = fields.DateField()
    start_minute = fields.SmallIntField()  # Shanghai wall-clock minutes since midnight
    group_id = fields.IntField()  # the matter's department
    capacity = fields.IntField()
    taken = fields.IntField(default=0)

    centre_id: int

    class Meta:
        table = "booking_slot_counter"
        unique_together = (("centre", "day", "start_minute", "group_id"),)


class BookingHolder(Model):
    """The booking standing of a resident. The row is locked while they book, so the
    concurrent requests of one resident are serialised (limits hold under concurrency)."""

    id = fields.IntField(primary_key=True)
    resident: fields.OneToOneRelation[Resident] = fields.OneToOneField(
        "tongban.Resident", related_name="booking_holder", on_delete=fields.CASCADE
    )
    suspended_until = fields.DatetimeField(null=True)

    resident_id: int

    class Meta:
        table = "booking_holder"


class Booking(Model):
    id = fields.IntField(primary_key=True)
    resident: fields.ForeignKeyRelation[Resident] = fields.ForeignKeyField(
        "tongban.Resident", related_name="bookings", on_delete=fields.RESTRICT
    )
    centre: fields.ForeignKeyRelation[Centre] = fields.ForeignKeyField(
        "tongban.Centre", related_name="bookings", on_delete=fields.RESTRICT
    )
    matter: fields.ForeignKeyRelation[Matter] = fields.ForeignKeyField(
        "tongban.Matter", related_name="bookings", on_delete=fields.RESTRICT
    )
    counter: fields.ForeignKeyRelation[SlotCounter] = fields.ForeignKeyField(
        "tongban.SlotCounter", related_name="bookings", on_delete=fields.RESTRICT
    )
    day = fields.DateField()
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField(db_index=True)
    state = fields.CharEnumField(BookingState, max_length=20, db_index=True)
    check_in_code = fields.CharField(max_length=12)
    idempotency_key = fields.CharField(max_length=64)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    cancelled_at = fields.DatetimeField(null=True)
    checked_in_at = fields.DatetimeField(null=True)
    checked_in_by_staff_id = fields.IntField(null=True)
    no_show_at = fields.DatetimeField(null=True)

    resident_id: int
    centre_id: int
    matter_id: int
    counter_id: int

    class Meta:
        table = "booking"
        unique_together = (("resident", "idempotency_key"), ("centre", "day", "check_in_code"))
        indexes = (("resident_id", "state"), ("state", "ends_at"))
