"""A centre's bookable slots on one day, computed from its opening hours (with the holiday
calendar and the centre's overrides: backend/centres/hours.py) and its slot rule.

Slots are not stored: the day's hours are cut into slots of the rule's length from opening
time, the last one ending at or before closing time. A rest day of a 全年无休 centre has the
short rest-day hours; a 调休 make-up day is a working day; a closed day has no slots.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from backend.bookings.models import SlotRule
from backend.centres.hours import DayHours, hours_on
from backend.centres.models import DayType, HoursOverride
from backend.platform import infra
from backend.platform.clock import SHANGHAI


@dataclass(frozen=True)
class Capacity:
    slot_minutes: int
    windows: int
    per_window: int

    @property
    def seats(self) -> int:
        return self.windows * self.per_window


@dataclass(frozen=True)
class Slot:
    day: date
    start_minute: int
    end_minute: int
    capacity: int

    @property
    def starts_at(self) -> datetime:
        return at_minute(self.day, self.start_minute)

    @property
    def ends_at(self) -> datetime:
        return at_minute(self.day, self.end_minute)


def at_minute(day: date, minute: int) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=SHANGHAI) + timedelta(minutes=minute)


def minute_of(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def default_capacity() -> Capacity:
    settings = infra.current().settings
    return Capacity(
        settings.booking_slot_minutes, settings.booking_windows, settings.booking_per_window
    )


def capacity_for(rules: Sequence[SlotRule], day_type: DayType) -> Capacity:
    for rule in rules:
        if rule.day_type == day_type:
            return Capacity(rule.slot_minutes, rule.windows, rule.per_window)
    return default_capacity()


def day_slots(hours: DayHours, capacity: Capacity) -> list[Slot]:
    if hours.opens_at is None or hours.closes_at is None:
        return []
    opens, closes = minute_of(hours.opens_at), minute_of(hours.closes_at)
    step = capacity.slot_minutes
    return [
        Slot(hours.date, start, start + step, capacity.seats)
        for start in range(opens, closes - step + 1, step)
    ]


def slots_on(
    day: date, overrides: Sequence[HoursOverride], rules: Sequence[SlotRule]
) -> tuple[DayHours, list[Slot]]:
    hours = hours_on(day, overrides)
    return hours, day_slots(hours, capacity_for(rules, hours.day_type))


def fits(hours: DayHours, start_minute: int, end_minute: int) -> bool:
    """Whether a booked slot still lies inside the day's hours."""
    if hours.opens_at is None or hours.closes_at is None:
        return False
    return minute_of(hours.opens_at) <= start_minute and end_minute <= minute_of(hours.closes_at)
