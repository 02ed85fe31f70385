"""The booking rules, through the service, against PostgreSQL: each refusal has its code,
and changes nothing."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import pytest

from backend.bookings import jobs, service
from backend.bookings.models import Booking, BookingHolder, BookingState, SlotCounter
from backend.centres.models import HoursOverride, LocalOffering
from backend.identity.models import StaffRole
from backend.identity.sms import outbox_messages
from backend.matters.models import Matter
from backend.platform.clock import now, to_shanghai
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.models import StreamEvent
from tests.bookings.helpers import (
    ONLINE_MATTER,
    at,
    booking_at,
    counter_for,
    counter_matter,
    fresh_centre,
    new_resident,
    phone_of,
    preset_counter,
    principal_of,
    workday_ahead,
)
from tests.cases.helpers import staff_principal

pytestmark = pytest.mark.usefixtures("database_url")


async def _refused(code: ErrorCode, call: object) -> DomainError:
    with pytest.raises(DomainError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code is code, caught.value
    return caught.value


async def _events(resident_id: int, action: str | None = None) -> list[StreamEvent]:
    rows = await StreamEvent.filter(stream=f"resident:{resident_id}", kind="booking.changed")
    return [r for r in rows if action is None or r.payload["action"] == action]


async def test_a_verified_resident_books_a_slot_and_gets_a_code_and_an_event() -> None:
    centre, matter, resident = await fresh_centre(), await counter_matter(), await new_resident()
    start = at(workday_ahead(), 9, 0)
    booking = await service.book(principal_of(resident), centre.code, COUNTER, start, "k1")
    assert booking.state is BookingState.BOOKED
    assert (booking.starts_at, booking.ends_at - booking.starts_at) == (
        start,
        timedelta(minutes=30),
    )
    assert len(booking.check_in_code) == 8
    counter = await counter_for(centre, matter, start)
    assert counter is not None and (counter.taken, counter.capacity) == (1, 2)
    [event] = await _events(resident.id)
    assert event.payload["action"] == "BOOK" and event.payload["bookingId"] == booking.id
    assert booking.check_in_code not in str(event.payload)


COUNTER = "GA006"


async def test_unverified_residents_cannot_book() -> None:
    centre, resident = await fresh_centre(), await new_resident(verified=False)
    start = at(workday_ahead(), 9, 0)
    await _refused(
        ErrorCode.REAL_NAME_REQUIRED,
        service.book(principal_of(resident), centre.code, COUNTER, start, "k"),
    )
    assert not await Booking.exists(resident_id=resident.id)


async def test_bad_slots_and_matters_are_refused_each_with_its_code() -> None:
    centre, resident = await fresh_centre(), await new_resident()
    who, day = principal_of(resident), workday_ahead()
    moment = to_shanghai(now())

    async def refused(code: ErrorCode, start: object, matter: str = COUNTER) -> None:
        await _refused(code, service.book(who, centre.code, matter, start, uuid.uuid4().hex))

    await refused(ErrorCode.SLOT_IN_PAST, moment - timedelta(hours=1))
    await refused(ErrorCode.SLOT_OUT_OF_RANGE, moment + timedelta(minutes=10))
    await refused(ErrorCode.SLOT_OUT_OF_RANGE, at(day + timedelta(days=8), 9, 0))
    await refused(ErrorCode.SLOT_NOT_FOUND, at(day, 9, 10))
    await refused(ErrorCode.SLOT_NOT_FOUND, at(day, 16, 30))  # closing time
    await refused(ErrorCode.SLOT_NOT_FOUND, at(day, 7, 0))
    await refused(ErrorCode.MATTER_ONLINE_ONLY, at(day, 9, 0), ONLINE_MATTER)
    await refused(ErrorCode.NOT_FOUND, at(day, 9, 0), "NOPE1")
    await _refused(ErrorCode.NOT_FOUND, service.book(who, "000000-00", COUNTER, at(day, 9, 0), "x"))
    # A local matter another centre offers, but not this one.
    offered = await LocalOffering.exclude(centre_id=centre.id).first()
    assert offered is not None
    local = await Matter.get(id=offered.matter_id)
    assert not await LocalOffering.exists(centre_id=centre.id, matter_id=local.id)
    await refused(ErrorCode.MATTER_NOT_OFFERED, at(day, 9, 0), local.code)
    # A closed day.
    await HoursOverride.create(centre_id=centre.id, date=day, closed=True, note="设备检修")
    error = await _refused(
        ErrorCode.CENTRE_CLOSED, service.book(who, centre.code, COUNTER, at(day, 9, 0), "c")
    )
    assert "设备检修" in error.message
    assert not await Booking.exists(resident_id=resident.id)
    assert not await SlotCounter.exists(centre_id=centre.id)


async def test_a_full_slot_is_refused_and_nothing_changes() -> None:
    centre, matter, resident = await fresh_centre(), await counter_matter(), await new_resident()
    start = at(workday_ahead(), 10, 0)
    counter = await preset_counter(centre, matter, start, capacity=3, taken=3)
    await _refused(
        ErrorCode.SLOT_FULL, service.book(principal_of(resident), centre.code, COUNTER, start, "k")
    )
    assert (await SlotCounter.get(id=counter.id)).taken == 3
    assert not await Booking.exists(resident_id=resident.id)


async def test_one_per_matter_and_day_and_at_most_three_active() -> None:
    resident = await new_resident()
    who = principal_of(resident)
    centre = await fresh_centre()
    day = workday_ahead(1, 3)
    await service.book(who, centre.code, COUNTER, at(day, 9, 0), "a")
    await _refused(
        ErrorCode.DUPLICATE_BOOKING, service.book(who, centre.code, COUNTER, at(day, 11, 0), "b")
    )
    other_day = workday_ahead((day - to_shanghai(now()).date()).days + 1, 6)
    await service.book(who, centre.code, COUNTER, at(other_day, 9, 0), "c")
    await service.book(who, centre.code, "GA001", at(day, 9, 0), "d")
    assert await Booking.filter(resident_id=resident.id).count() == 3
    await _refused(
        ErrorCode.BOOKING_LIMIT_REACHED,
        service.book(who, centre.code, "GA002", at(other_day, 10, 0), "e"),
    )
    assert await Booking.filter(resident_id=resident.id).count() == 3


async def test_retries_with_one_key_give_one_booking() -> None:
    centre, resident = await fresh_centre(), await new_resident()
    who, start = principal_of(resident), at(workday_ahead(), 9, 30)
    made = await asyncio.gather(
        *(service.book(who, centre.code, COUNTER, start, "same-key") for _ in range(20))
    )
    assert len({b.id for b in made}) == 1
    assert await Booking.filter(resident_id=resident.id).count() == 1
    again = await service.book(who, centre.code, COUNTER, start, "same-key")
    assert again.id == made[0].id
    assert len(await _events(resident.id, "BOOK")) == 1
    # The key for another booking is refused, not silently answered with the first.
    await _refused(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        service.book(who, centre.code, "GA001", start, "same-key"),
    )


async def test_two_hundred_concurrent_bookings_for_the_last_five_seats() -> None:
    centre, matter = await fresh_centre(), await counter_matter()
    start = at(workday_ahead(), 11, 0)
    counter = await preset_counter(centre, matter, start, capacity=40, taken=35)
    residents = [await new_resident() for _ in range(200)]
    results = await asyncio.gather(
        *(service.book(principal_of(r), centre.code, COUNTER, start, "k") for r in residents),
        return_exceptions=True,
    )
    won = [r for r in results if isinstance(r, Booking)]
    lost = [r for r in results if isinstance(r, DomainError)]
    assert len(won) == 5 and len(lost) == 195, [
        r for r in results if not isinstance(r, (Booking, DomainError))
    ][:3]
    assert {e.code for e in lost} == {ErrorCode.SLOT_FULL}
    assert (await SlotCounter.get(id=counter.id)).taken == 40
    assert await Booking.filter(counter_id=counter.id).count() == 5


async def test_cancel_frees_the_seat_until_the_slot_starts() -> None:
    centre, matter, resident = await fresh_centre(), await counter_matter(), await new_resident()
    who, start = principal_of(resident), at(workday_ahead(), 9, 0)
    booking = await service.book(who, centre.code, COUNTER, start, "k")
    cancelled = await service.cancel(who, booking.id)
    assert cancelled.state is BookingState.CANCELLED and cancelled.cancelled_at is not None
    counter = await counter_for(centre, matter, start)
    assert counter is not None and counter.taken == 0
    await _refused(ErrorCode.BOOKING_NOT_CHANGEABLE, service.cancel(who, booking.id))
    # A booking whose slot has started cannot be cancelled or moved.
    started = await booking_at(resident, centre, matter, to_shanghai(now()) - timedelta(minutes=5))
    await _refused(ErrorCode.BOOKING_NOT_CHANGEABLE, service.cancel(who, started.id))
    await _refused(
        ErrorCode.BOOKING_NOT_CHANGEABLE,
        service.reschedule(who, started.id, at(workday_ahead(), 10, 0)),
    )
    assert (await Booking.get(id=started.id)).state is BookingState.BOOKED


async def test_someone_elses_booking_is_not_found() -> None:
    centre, owner, other = await fresh_centre(), await new_resident(), await new_resident()
    booking = await service.book(
        principal_of(owner), centre.code, COUNTER, at(workday_ahead(), 9, 0), "k"
    )
    await _refused(ErrorCode.NOT_FOUND, service.cancel(principal_of(other), booking.id))
    await _refused(
        ErrorCode.NOT_FOUND,
        service.reschedule(principal_of(other), booking.id, at(workday_ahead(), 10, 0)),
    )
    await _refused(ErrorCode.NOT_FOUND, service.get_booking(principal_of(other), booking.id))
    assert (await Booking.get(id=booking.id)).state is BookingState.BOOKED


async def test_a_reschedule_moves_the_seat_and_never_loses_it_when_the_new_slot_is_full() -> None:
    centre, matter, resident = await fresh_centre(), await counter_matter(), await new_resident()
    who, day = principal_of(resident), workday_ahead()
    old_start, full_start, free_start = at(day, 9, 0), at(day, 9, 30), at(day, 10, 0)
    booking = await service.book(who, centre.code, COUNTER, old_start, "k")
    full = await preset_counter(centre, matter, full_start, capacity=2, taken=2)
    await _refused(ErrorCode.SLOT_FULL, service.reschedule(who, booking.id, full_start))
    kept = await Booking.get(id=booking.id)
    assert (kept.state, kept.starts_at, kept.counter_id) == (
        BookingState.BOOKED,
        old_start,
        booking.counter_id,
    )
    assert (await SlotCounter.get(id=booking.counter_id)).taken == 1
    assert (await SlotCounter.get(id=full.id)).taken == 2

    moved = await service.reschedule(who, booking.id, free_start)
    assert moved.id == booking.id and moved.starts_at == free_start
    assert (await SlotCounter.get(id=booking.counter_id)).taken == 0
    assert (await SlotCounter.get(id=moved.counter_id)).taken == 1
    assert [e.payload["action"] for e in await _events(resident.id)] == ["BOOK", "RESCHEDULE"]


async def test_check_in_by_code_at_the_booked_centre_on_the_day() -> None:
    centre, matter, resident = await fresh_centre(), await counter_matter(), await new_resident()
    other_centre = await fresh_centre()
    today_start = to_shanghai(now()) + timedelta(minutes=40)
    booking = await booking_at(resident, centre, matter, today_start)
    tomorrow = await booking_at(
        resident, centre, await Matter.get(code="GA001"), today_start + timedelta(days=1)
    )
    clerk = await staff_principal(StaffRole.CLERK, centre.code)
    elsewhere = await staff_principal(StaffRole.CLERK, other_centre.code)
    admin = await staff_principal(StaffRole.ADMIN, None)

    for who, code in (
        (elsewhere, booking.check_in_code),  # another centre's clerk
        (clerk, tomorrow.check_in_code),  # another day
        (clerk, "garbage!"),
        (clerk, ""),
        (clerk, "A" * 5000),
    ):
        await _refused(ErrorCode.CHECK_IN_CODE_INVALID, service.check_in(who, code))
    await _refused(ErrorCode.FORBIDDEN, service.check_in(admin, booking.check_in_code))
    assert (await Booking.get(id=booking.id)).state is BookingState.BOOKED

    typed = booking.check_in_code.lower()[:4] + " " + booking.check_in_code[4:]
    done = await service.check_in(clerk, typed)
    assert done.state is BookingState.CHECKED_IN
    assert done.checked_in_by_staff_id == clerk.staff_id and done.checked_in_at is not None
    await _refused(ErrorCode.ALREADY_CHECKED_IN, service.check_in(clerk, booking.check_in_code))
    scanned = f"TONGBAN-CHECKIN:{tomorrow.check_in_code}"
    await _refused(ErrorCode.CHECK_IN_CODE_INVALID, service.check_in(clerk, scanned))


async def test_two_concurrent_no_show_runs_mark_each_booking_once() -> None:
    centre, matter = await fresh_centre(), await counter_matter()
    moment = to_shanghai(now())
    residents = [await new_resident() for _ in range(30)]
    overdue = [
        await booking_at(r, centre, matter, moment - timedelta(minutes=50 + i))
        for i, r in enumerate(residents)
    ]
    # Inside the grace period (ended 10 minutes ago): not yet a no-show.
    grace = await booking_at(residents[0], centre, matter, moment - timedelta(minutes=40), 30)
    await asyncio.gather(jobs.mark_no_shows(), jobs.mark_no_shows())
    for booking in overdue:
        assert (await Booking.get(id=booking.id)).state is BookingState.NO_SHOW
    assert (await Booking.get(id=grace.id)).state is BookingState.BOOKED
    for resident in residents:
        assert len(await _events(resident.id, "NO_SHOW")) == 1


async def test_three_no_shows_in_ninety_days_suspend_booking_for_thirty_days() -> None:
    centre, matter, resident = await fresh_centre(), await counter_matter(), await new_resident()
    moment = to_shanghai(now())
    ancient = moment - timedelta(days=120)
    await booking_at(
        resident, centre, matter, ancient, state=BookingState.NO_SHOW, no_show_at=ancient
    )
    recent = moment - timedelta(days=20)
    await booking_at(
        resident, centre, matter, recent, state=BookingState.NO_SHOW, no_show_at=recent
    )
    await booking_at(resident, centre, matter, moment - timedelta(hours=3))
    await jobs.mark_no_shows()
    assert not await BookingHolder.filter(resident_id=resident.id, suspended_until__gt=moment)
    # The third within 90 days.
    await booking_at(resident, centre, matter, moment - timedelta(hours=2))
    await jobs.mark_no_shows()
    holder = await BookingHolder.get(resident_id=resident.id)
    assert holder.suspended_until is not None
    assert timedelta(days=29) < holder.suspended_until - moment <= timedelta(days=30, minutes=1)
    error = await _refused(
        ErrorCode.BOOKING_SUSPENDED,
        service.book(principal_of(resident), centre.code, COUNTER, at(workday_ahead(), 9, 0), "k"),
    )
    assert "暂停" in error.message


async def test_hours_that_shrink_cancel_the_bookings_that_no_longer_fit_and_tell_the_resident() -> (
    None
):
    centre = await fresh_centre()
    early, late, untouched = await new_resident(), await new_resident(), await new_resident()
    day = workday_ahead()
    kept = await service.book(principal_of(early), centre.code, COUNTER, at(day, 9, 0), "k")
    gone = await service.book(principal_of(late), centre.code, COUNTER, at(day, 16, 0), "k")
    next_day = workday_ahead((day - to_shanghai(now()).date()).days + 1, 6)
    other_day = await service.book(
        principal_of(untouched), centre.code, COUNTER, at(next_day, 16, 0), "k"
    )
    await HoursOverride.create(
        centre_id=centre.id, date=day, opens_minute=8 * 60 + 30, closes_minute=12 * 60
    )
    cancelled = await jobs.cancel_unfit_bookings()
    assert gone.id in cancelled and kept.id not in cancelled and other_day.id not in cancelled
    assert (await Booking.get(id=gone.id)).state is BookingState.CANCELLED_BY_CENTRE
    for still in (kept, other_day):
        row = await Booking.get(id=still.id)
        assert (row.state, row.starts_at, row.check_in_code) == (
            BookingState.BOOKED,
            still.starts_at,
            still.check_in_code,
        )
    assert (await SlotCounter.get(id=gone.counter_id)).taken == 0
    assert len(await _events(late.id, "CANCEL_BY_CENTRE")) == 1
    assert await _events(early.id, "CANCEL_BY_CENTRE") == []
    [sms] = await outbox_messages(await phone_of(late), limit=5)
    assert sms.template == "BOOKING_CANCELLED_BY_CENTRE" and "16:00" in sms.text
    assert await outbox_messages(await phone_of(early), limit=5) == []
    # Running it again moves nothing.
    assert await jobs.cancel_unfit_bookings() == []
