"""Opening hours: the city rule, statutory holidays, make-up working days, centre overrides."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

from backend.centres.hours import HoursSource, hours_on, is_open_at
from backend.centres.models import DayType, HoursOverride


def test_weekday_is_open_all_day_including_lunchtime() -> None:
    monday = hours_on(date(2026, 11, 23))
    assert monday.day_type is DayType.WORKDAY
    assert (monday.opens_at, monday.closes_at) == (time(8, 30), time(16, 30))
    assert monday.is_open_at(time(12, 15))  # 中午不休息


def test_weekend_mornings_only() -> None:
    saturday = hours_on(date(2026, 11, 21))
    assert saturday.day_type is DayType.REST_DAY
    assert (saturday.opens_at, saturday.closes_at) == (time(8, 30), time(11, 30))
    assert not saturday.is_open_at(time(14, 0))


def test_statutory_holiday_on_a_weekday_keeps_morning_service() -> None:
    national_day = hours_on(date(2026, 10, 1))  # a Thursday
    assert national_day.day_type is DayType.REST_DAY
    assert national_day.holiday_name == "国庆节"
    assert (national_day.opens_at, national_day.closes_at) == (time(8, 30), time(11, 30))


def test_makeup_working_saturday_has_full_hours() -> None:
    makeup = hours_on(date(2026, 2, 14))  # Saturday worked in lieu of the Spring Festival
    assert makeup.is_makeup_workday
    assert makeup.day_type is DayType.WORKDAY
    assert makeup.closes_at == time(16, 30)


def test_unpublished_year_falls_back_and_says_so() -> None:
    day = hours_on(date(2031, 3, 3))  # a Monday
    assert not day.calendar_known
    assert day.day_type is DayType.WORKDAY


def test_boundaries_and_time_zones() -> None:
    assert is_open_at(datetime(2026, 11, 23, 8, 30))
    assert not is_open_at(datetime(2026, 11, 23, 8, 29, 59))
    assert not is_open_at(datetime(2026, 11, 23, 16, 30))
    # 01:00 UTC is 09:00 in Shanghai.
    assert is_open_at(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    assert not is_open_at(datetime(2026, 11, 23, 9, 0, tzinfo=timezone(timedelta(hours=-5))))


def test_centre_overrides_date_beats_day_type() -> None:
    weekend_afternoons = HoursOverride(
        day_type=DayType.REST_DAY, opens_minute=510, closes_minute=960, note="周末下午加开"
    )
    closed_for_move = HoursOverride(date=date(2026, 11, 28), closed=True, note="搬迁暂停服务")
    overrides = [weekend_afternoons, closed_for_move]

    sunday = hours_on(date(2026, 11, 22), overrides)
    assert sunday.source is HoursSource.CENTRE_DAY_TYPE
    assert sunday.closes_at == time(16, 0)

    moving_day = hours_on(date(2026, 11, 28), overrides)
    assert moving_day.source is HoursSource.CENTRE_DATE
    assert not moving_day.is_open_day
    assert moving_day.note == "搬迁暂停服务"
    assert not is_open_at(datetime(2026, 11, 28, 9, 0), overrides)

    weekday = hours_on(date(2026, 11, 23), overrides)
    assert weekday.source is HoursSource.CITY_RULE
