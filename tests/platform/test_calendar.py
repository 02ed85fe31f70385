"""backend/platform/calendar.py: statutory holidays and make-up working days (调休) from
chinese-calendar, and the plain weekday rule, said so, for a year it does not know."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest

from backend.platform.calendar import HOLIDAY_NAMES_ZH, CalendarDay, calendar_day

UNKNOWN_YEAR = 2031  # chinese-calendar 1.x knows up to the year after its release


HOLIDAYS = [
    (date(2026, 1, 1), "元旦"),  # a Thursday
    (date(2026, 2, 17), "春节"),  # a Tuesday
    (date(2026, 5, 1), "劳动节"),  # a Friday
    (date(2025, 10, 6), "中秋节"),  # a Monday, in the National Day week of 2025
    (date(2026, 10, 1), "国庆节"),  # a Thursday
    (date(2015, 9, 3), "中国人民抗日战争胜利70周年纪念日"),  # a Thursday
]


@pytest.mark.parametrize(("day", "name"), HOLIDAYS, ids=[d.isoformat() for d, _ in HOLIDAYS])
def test_statutory_holidays_are_rest_days_with_their_chinese_name(day: date, name: str) -> None:
    assert day.weekday() < 5  # a weekday the calendar turns into a holiday
    assert calendar_day(day) == CalendarDay(
        date=day,
        is_workday=False,
        holiday_name=name,
        is_makeup_workday=False,
        calendar_known=True,
    )


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 2, 14),  # Saturday, worked for the Spring Festival
        date(2026, 2, 28),  # Saturday, likewise
        date(2026, 5, 9),  # Saturday, worked for Labour Day
        date(2026, 10, 10),  # Saturday, worked for National Day
    ],
    ids=str,
)
def test_makeup_working_days_are_weekend_workdays_without_a_holiday_name(day: date) -> None:
    assert day.weekday() == 5
    assert calendar_day(day) == CalendarDay(
        date=day,
        is_workday=True,
        holiday_name=None,
        is_makeup_workday=True,
        calendar_known=True,
    )


def test_ordinary_weekdays_and_weekends() -> None:
    monday, saturday, sunday = date(2026, 11, 23), date(2026, 11, 21), date(2026, 11, 22)
    assert calendar_day(monday) == CalendarDay(monday, True, None, False, calendar_known=True)
    for weekend in (saturday, sunday):
        assert calendar_day(weekend) == CalendarDay(weekend, False, None, False, True)


def test_a_year_the_package_does_not_know_follows_the_weekday_rule_and_says_so() -> None:
    with pytest.raises(NotImplementedError):  # the premise: the package has no data for it
        chinese_calendar.is_workday(date(UNKNOWN_YEAR, 3, 3))
    start = date(UNKNOWN_YEAR, 9, 29)  # a Monday; 1 October would be National Day
    for offset in range(7):
        day = start + timedelta(days=offset)
        weekend = day.weekday() >= 5
        assert calendar_day(day) == CalendarDay(
            date=day,
            is_workday=not weekend,
            holiday_name=None,  # no guessed holiday is passed off as announced
            is_makeup_workday=False,
            calendar_known=False,
        )


def test_every_holiday_the_package_names_has_a_chinese_name() -> None:
    english = {holiday.value for holiday in chinese_calendar.Holiday}
    assert english <= set(HOLIDAY_NAMES_ZH)
