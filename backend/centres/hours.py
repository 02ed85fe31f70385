"""Opening hours (全年无休): the city-wide rule, holidays, and each centre's overrides.

City rule (2018 全市通办 notice): Monday-Friday 08:30-16:30 with lunchtime service;
Saturdays, Sundays and statutory holidays 08:30-11:30. A make-up working day (调休上班)
is a working day. A centre may override a kind of day, or one date; the date wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum

from backend.centres.models import DayType, HoursOverride
from backend.platform.calendar import calendar_day
from backend.platform.clock import to_shanghai
from backend.platform.errors import DomainError, ErrorCode

CITY_HOURS = {
    DayType.WORKDAY: (time(8, 30), time(16, 30)),
    DayType.REST_DAY: (time(8, 30), time(11, 30)),
}


class HoursSource(str, Enum):
    CITY_RULE = "CITY_RULE"
    CENTRE_DAY_TYPE = "CENTRE_DAY_TYPE"
    CENTRE_DATE = "CENTRE_DATE"


@dataclass(frozen=True)
class DayHours:
    date: date
    day_type: DayType
    opens_at: time | None
    closes_at: time | None
    holiday_name: str | None
    is_makeup_workday: bool
    calendar_known: bool
    source: HoursSource
    note: str

    @property
    def is_open_day(self) -> bool:
        return self.opens_at is not None and self.closes_at is not None

    def is_open_at(self, moment: time) -> bool:
        if self.opens_at is None or self.closes_at is None:
            return False
        return self.opens_at <= moment < self.closes_at


def hours_on(day: date, overrides: Sequence[HoursOverride] = ()) -> DayHours:
    info = calendar_day(day)
    day_type = DayType.WORKDAY if info.is_workday else DayType.REST_DAY
    opens_at: time | None
    closes_at: time | None
    opens_at, closes_at = CITY_HOURS[day_type]
    source, note = HoursSource.CITY_RULE, ""
    override = _pick_override(day, day_type, overrides)
    if override is not None:
        source = HoursSource.CENTRE_DATE if override.date else HoursSource.CENTRE_DAY_TYPE
        note = override.note
        if override.closed:
            opens_at = closes_at = None
        elif override.opens_minute is not None and override.closes_minute is not None:
            opens_at = minute_to_time(override.opens_minute)
            closes_at = minute_to_time(override.closes_minute)
    return DayHours(
        date=day,
        day_type=day_type,
        opens_at=opens_at,
        closes_at=closes_at,
        holiday_name=info.holiday_name,
        is_makeup_workday=info.is_makeup_workday,
        calendar_known=info.calendar_known,
        source=source,
        note=note,
    )


def minute_to_time(minute: int) -> time:
    return time(minute // 60, minute % 60)


def is_open_at(moment: datetime, overrides: Sequence[HoursOverride] = ()) -> bool:
    try:
        local = to_shanghai(moment)
    except OverflowError:  # e.g. 0001-01-01T00:00+14:00: before the first Shanghai date
        raise DomainError(ErrorCode.INVALID_DATE, "时间超出可处理的范围。", "at") from None
    return hours_on(local.date(), overrides).is_open_at(local.time().replace(tzinfo=None))


def _pick_override(
    day: date, day_type: DayType, overrides: Sequence[HoursOverride]
) -> HoursOverride | None:
    for override in overrides:
        if override.date == day:
            return override
    for override in overrides:
        if override.date is None and override.day_type == day_type:
            return override
    return None
