"""Residents, centres and slots for the bookings tests. Each test takes centres of its own
(`fresh_centre`), so tests that share a worker's database never share a slot counter."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta

from backend.bookings import codes, slots
from backend.bookings.models import Booking, BookingState, SlotCounter
from backend.centres.hours import hours_on
from backend.centres.models import Centre, CentreKind, DayType
from backend.identity.models import Resident
from backend.identity.sessions import open_session
from backend.matters.models import Matter
from backend.platform import infra
from backend.platform.clock import now, to_shanghai
from backend.platform.principal import Principal, Role
from backend.platform.tokens import SubjectKind

COUNTER_MATTER = "GA006"  # 居住证新办: 窗口办理, city-wide
ONLINE_MATTER = "GA007"  # 居住证签注: 全程网办
SEEDED_RULE_CENTRE = "310101-01"  # has rules in seed/booking_slots.json
_taken_centres: set[str] = {SEEDED_RULE_CENTRE, "310104-01", "310110-01"}


def new_phone() -> str:
    return "139" + "".join(random.choice("0123456789") for _ in range(8))


async def new_resident(verified: bool = True) -> Resident:
    cipher = infra.current().cipher
    phone = new_phone()
    return await Resident.create(
        phone_hash=cipher.blind_index("phone", phone),
        phone_enc=cipher.encrypt("phone", phone),
        verified_at=now() if verified else None,
    )


async def phone_of(resident: Resident) -> str:
    return infra.current().cipher.decrypt("phone", resident.phone_enc)


def principal_of(resident: Resident) -> Principal:
    return Principal(
        kind=SubjectKind.RESIDENT,
        subject_id=str(resident.id),
        role=Role.RESIDENT,
        verified=resident.verified_at is not None,
    )


async def token_of(resident: Resident) -> str:
    return (await open_session(resident)).access_token


async def fresh_centre() -> Centre:
    """A centre (not a branch) no other test of this process has used."""
    for centre in await Centre.filter(kind=CentreKind.CENTRE).order_by("code"):
        if centre.code not in _taken_centres:
            _taken_centres.add(centre.code)
            return centre
    raise AssertionError("out of centres")


async def counter_matter() -> Matter:
    return await Matter.get(code=COUNTER_MATTER)


def workday_ahead(min_days: int = 1, max_days: int = 6) -> date:
    """A working day (city hours 08:30-16:30) inside the booking window."""
    today = to_shanghai(now()).date()
    for offset in range(min_days, max_days + 1):
        day = today + timedelta(days=offset)
        if hours_on(day).day_type is DayType.WORKDAY:
            return day
    raise AssertionError("no working day ahead")


def at(day: date, hh: int, mm: int) -> datetime:
    return slots.at_minute(day, hh * 60 + mm)


async def counter_for(centre: Centre, matter: Matter, start: datetime) -> SlotCounter | None:
    local = to_shanghai(start)
    return await SlotCounter.get_or_none(
        centre_id=centre.id,
        day=local.date(),
        start_minute=local.hour * 60 + local.minute,
        group_id=matter.department_id,
    )


async def preset_counter(
    centre: Centre, matter: Matter, start: datetime, capacity: int, taken: int
) -> SlotCounter:
    """The slot's counter as if `taken` seats were booked already."""
    local = to_shanghai(start)
    return await SlotCounter.create(
        centre_id=centre.id,
        day=local.date(),
        start_minute=local.hour * 60 + local.minute,
        group_id=matter.department_id,
        capacity=capacity,
        taken=taken,
    )


async def booking_at(
    resident: Resident,
    centre: Centre,
    matter: Matter,
    start: datetime,
    minutes: int = 30,
    state: BookingState = BookingState.BOOKED,
    **extra: object,
) -> Booking:
    """A booking put straight into the table (any time, past included), with its seat."""
    local = to_shanghai(start)
    counter = await counter_for(centre, matter, start)
    if counter is None:
        counter = await preset_counter(centre, matter, start, capacity=50, taken=0)
    await SlotCounter.filter(id=counter.id).update(taken=counter.taken + 1)
    return await Booking.create(
        resident_id=resident.id,
        centre_id=centre.id,
        matter_id=matter.id,
        counter_id=counter.id,
        day=local.date(),
        starts_at=local,
        ends_at=local + timedelta(minutes=minutes),
        state=state,
        check_in_code=codes.new_code(),
        idempotency_key=uuid.uuid4().hex,
        **extra,
    )
