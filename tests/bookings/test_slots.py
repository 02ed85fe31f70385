"""Slots from opening hours, the holiday calendar, overrides and slot rules."""

from __future__ import annotations

from datetime import date, time

from backend.bookings import slots
from backend.bookings.models import SlotRule
from backend.centres.models import Centre, DayType, HoursOverride

WORKDAY = date(2026, 12, 2)  # a Wednesday
SATURDAY = date(2026, 12, 5)
NATIONAL_DAY = date(2026, 10, 2)  # a Friday, and a statutory holiday
MAKEUP_SATURDAY = date(2026, 2, 14)  # 调休: worked in lieu of Spring Festival


def _starts(found: list[slots.Slot]) -> list[str]:
    return [f"{s.start_minute // 60:02d}:{s.start_minute % 60:02d}" for s in found]


def test_a_workday_has_half_hour_slots_from_opening_to_closing() -> None:
    hours, found = slots.slots_on(WORKDAY, [], [])
    assert (hours.opens_at, hours.closes_at) == (time(8, 30), time(16, 30))
    assert len(found) == 16
    assert _starts(found)[0] == "08:30" and _starts(found)[-1] == "16:00"
    assert found[-1].end_minute == 16 * 60 + 30
    assert all(s.capacity == 2 for s in found)  # Settings: 2 windows x 1 per window


def test_rest_days_and_holidays_have_the_short_hours_and_makeup_days_are_working_days() -> None:
    for rest in (SATURDAY, NATIONAL_DAY):
        _, found = slots.slots_on(rest, [], [])
        assert _starts(found) == ["08:30", "09:00", "09:30", "10:00", "10:30", "11:00"]
    hours, found = slots.slots_on(MAKEUP_SATURDAY, [], [])
    assert hours.day_type is DayType.WORKDAY and hours.is_makeup_workday
    assert len(found) == 16


def test_the_centres_rule_sets_length_and_capacity_per_day_type() -> None:
    rules = [
        SlotRule(centre_id=1, day_type=DayType.WORKDAY, slot_minutes=20, windows=5, per_window=2),
        SlotRule(centre_id=1, day_type=DayType.REST_DAY, slot_minutes=60, windows=1, per_window=3),
    ]
    _, work = slots.slots_on(WORKDAY, [], rules)
    assert len(work) == 24 and {s.capacity for s in work} == {10}
    assert work[1].start_minute - work[0].start_minute == 20
    _, rest = slots.slots_on(SATURDAY, [], rules)
    assert _starts(rest) == ["08:30", "09:30", "10:30"] and {s.capacity for s in rest} == {3}


def test_an_override_closes_or_shortens_a_day() -> None:
    closed = HoursOverride(centre_id=1, date=WORKDAY, closed=True, note="设备检修")
    assert slots.slots_on(WORKDAY, [closed], [])[1] == []
    short = HoursOverride(centre_id=1, date=WORKDAY, opens_minute=9 * 60, closes_minute=11 * 60)
    hours, found = slots.slots_on(WORKDAY, [short], [])
    assert _starts(found) == ["09:00", "09:30", "10:00", "10:30"]
    assert slots.fits(hours, 9 * 60, 9 * 60 + 30)
    assert not slots.fits(hours, 8 * 60 + 30, 9 * 60)
    assert not slots.fits(hours, 10 * 60 + 45, 11 * 60 + 15)


async def test_the_seed_loads_slot_rules_idempotently(database_url: str) -> None:
    from backend.bookings.seed import load_slot_rules
    from backend.seeding import read_seed
    from tests.conftest import SEED_DIR

    rows = read_seed(SEED_DIR, "booking_slots.json")
    assert await load_slot_rules(rows) == {"created": 0, "updated": 0, "removed": 0}
    centre = await Centre.get(code="310104-01")
    rule = await SlotRule.get(centre_id=centre.id, day_type=DayType.WORKDAY)
    assert (rule.slot_minutes, rule.windows * rule.per_window) == (20, 5)


async def test_the_seed_refuses_a_bad_rule(database_url: str) -> None:
    import pytest

    from backend.bookings.seed import load_slot_rules

    good = {"centre": "310101-01", "day_type": "WORKDAY", "windows": 1, "per_window": 1}
    for bad in (
        {**good, "slot_minutes": 7},
        {**good, "slot_minutes": 30, "windows": 0},
        {**good, "slot_minutes": 30, "centre": "999999-99"},
    ):
        with pytest.raises(ValueError):
            await load_slot_rules([bad])
    with pytest.raises(ValueError):
        await load_slot_rules([{**good, "slot_minutes": 30}, {**good, "slot_minutes": 30}])
