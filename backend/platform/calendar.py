"""China's statutory holidays and make-up working days (调休), from `chinese-calendar`.

The package carries the State Council's announced schedule year by year. For a year it
does not know yet, days fall back to the plain weekday rule and say so
(`calendar_known=False`), so nobody is told a guess is an announcement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import chinese_calendar

HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争胜利70周年纪念日",
}


@dataclass(frozen=True)
class CalendarDay:
    date: date
    is_workday: bool
    holiday_name: str | None  # Chinese name of the statutory holiday, if it is one
    is_makeup_workday: bool  # a weekend day worked in lieu (调休上班)
    calendar_known: bool


def calendar_day(day: date) -> CalendarDay:
    weekend = day.weekday() >= 5
    try:
        is_workday = chinese_calendar.is_workday(day)
        _, english_name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return CalendarDay(day, not weekend, None, False, calendar_known=False)
    holiday_name = HOLIDAY_NAMES_ZH.get(english_name, english_name) if english_name else None
    return CalendarDay(
        date=day,
        is_workday=is_workday,
        holiday_name=None if is_workday else holiday_name,
        is_makeup_workday=is_workday and weekend,
        calendar_known=True,
    )


def add_working_days(start: date, days: int) -> date:
    """The working day `days` working days after `start` (调休 make-up days count as
    working days, holidays do not); `days` = 0 is `start` itself."""
    from datetime import timedelta

    current, left = start, days
    while left > 0:
        current += timedelta(days=1)
        if calendar_day(current).is_workday:
            left -= 1
    return current
