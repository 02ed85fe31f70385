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
    reminded_at = fields.DatetimeField(null=True)  # the day-before reminder went out

    resident_id: int
    centre_id: int
    matter_id: int
    counter_id: int

    class Meta:
        table = "booking"
        unique_together = (("resident", "idempotency_key"), ("centre", "day", "check_in_code"))
        indexes = (("resident_id", "state"), ("state", "ends_at"))


class TicketState(str, Enum):
    WAITING = "WAITING"  # 等候中
    CALLED = "CALLED"  # 已叫号 (at a window)
    FINISHED = "FINISHED"  # 已办结
    SKIPPED = "SKIPPED"  # 已过号


class PriorityReason(str, Enum):
    AGE_70 = "AGE_70"  # 70 or older by the verified birth date (绿色通道)
    MARKED_BY_CLERK = "MARKED_BY_CLERK"  # a clerk marked it (e.g. disability, pregnancy)


class QueueLine(Model):
    """One queue of a centre (seed/queues.json): a letter, a name, and the departments whose
    matters it serves. A line with no departments takes every matter no other line names."""

    id = fields.IntField(primary_key=True)
    centre: fields.ForeignKeyRelation[Centre] = fields.ForeignKeyField(
        "tongban.Centre", related_name="queue_lines", on_delete=fields.CASCADE
    )
    letter = fields.CharField(max_length=1)
    name = fields.CharField(max_length=32)
    department_ids: list[int] = fields.JSONField(default=list)
    position = fields.SmallIntField(default=0)

    centre_id: int

    class Meta:
        table = "queue_line"
        unique_together = (("centre", "letter"),)


class QueueTicket(Model):
    """A number taken at a centre on one day (A012). Called in the order: priority first,
    then bookings checked in on time, then by `rank_at` (see backend/bookings/queue.py)."""

    id = fields.IntField(primary_key=True)
    centre: fields.ForeignKeyRelation[Centre] = fields.ForeignKeyField(
        "tongban.Centre", related_name="queue_tickets", on_delete=fields.RESTRICT
    )
    line: fields.ForeignKeyRelation[QueueLine] = fields.ForeignKeyField(
        "tongban.QueueLine", related_name="tickets", on_delete=fields.RESTRICT
    )
    day = fields.DateField()
    seq = fields.IntField()
    number = fields.CharField(max_length=8)
    state = fields.CharEnumField(TicketState, max_length=10)
    priority = fields.BooleanField(default=False)
    priority_reason = fields.CharEnumField(PriorityReason, max_length=16, null=True)
    booked_on_time = fields.BooleanField(default=False)
    rank_at = fields.DatetimeField()
    booking: fields.ForeignKeyNullableRelation[Booking] = fields.OneToOneField(
        "tongban.Booking", related_name="ticket", null=True, on_delete=fields.RESTRICT
    )
    resident_id = fields.IntField(null=True)
    matter_id = fields.IntField(null=True)
    window = fields.SmallIntField(null=True)
    recalls = fields.SmallIntField(default=0)
    issued_at = fields.DatetimeField()
    called_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)
    skipped_at = fields.DatetimeField(null=True)
    issued_by_staff_id = fields.IntField(null=True)
    called_by_staff_id = fields.IntField(null=True)

    centre_id: int
    line_id: int
    booking_id: int | None

    class Meta:
        table = "queue_ticket"
        unique_together = (("line", "day", "seq"), ("centre", "day", "number"))
        indexes = (
            ("centre_id", "day", "state"),
            ("resident_id", "day"),
            ("line_id", "finished_at"),
        )
