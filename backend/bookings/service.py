"""Every write to a booking: book, cancel, reschedule, check in; and the reads that decide
what can be booked.

Capacity is the database's business: a seat is the conditional UPDATE
`taken = taken + 1 WHERE taken < capacity` on the slot's counter row (and a CHECK
constraint behind it on PostgreSQL), so no number of instances or concurrent requests
sells a seat twice. One resident's requests are serialised by locking their
`BookingHolder` row, so the per-resident limits (one per matter and day, at most N active,
suspension) and the idempotency key hold under concurrency too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from backend.audit import service as audit
from backend.audit.service import Target
from backend.bookings import access, codes, events, queue, slots
from backend.bookings.models import (
    ACTIVE_STATES,
    Booking,
    BookingHolder,
    BookingState,
    QueueTicket,
    SlotCounter,
    SlotRule,
)
from backend.centres import service as centres
from backend.centres.loaders import load_hours_overrides
from backend.centres.models import Centre, HoursOverride
from backend.matters import service as matters
from backend.matters.models import Matter, OnlineLevel
from backend.platform import infra
from backend.platform.clock import now, to_shanghai
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.events import record
from backend.platform.principal import Principal
from backend.platform.requestmeta import RequestMeta
from backend.platform.uow import unit_of_work

KEY_MAX = 64
MAX_RANGE_DAYS = 8


@dataclass(frozen=True)
class AvailableSlot:
    starts_at: datetime
    ends_at: datetime
    capacity: int
    seats_left: int


def _not_found() -> DomainError:
    return DomainError(ErrorCode.NOT_FOUND, "找不到该预约。", "bookingId")


def _resident(principal: Principal) -> int:
    if principal.resident_id is None or not principal.is_verified_resident:
        raise DomainError(ErrorCode.REAL_NAME_REQUIRED, "请先完成实名认证后再预约。")
    return principal.resident_id


async def _centre_and_matter(centre_code: str, matter_code: str) -> tuple[Centre, Matter]:
    """The centre and matter of a booking, if the matter can be booked there at all."""
    matter = await matters.find_matter_by_code(matter_code.strip()[:16])
    if matter is None:
        raise DomainError(ErrorCode.NOT_FOUND, "没有该事项。", "matterCode")
    if matter.online_level is OnlineLevel.FULLY_ONLINE:
        raise DomainError(
            ErrorCode.MATTER_ONLINE_ONLY,
            "该事项可全程网办，无需到现场，请直接在网上提交申请。",
            "matterCode",
        )
    centre = await centres.find_centre_by_code(centre_code.strip()[:16])
    if centre is None:
        raise DomainError(ErrorCode.NOT_FOUND, "没有该受理中心。", "centreCode")
    if not await centres.offers_matter(centre.id, matter):
        raise DomainError(ErrorCode.MATTER_NOT_OFFERED, "该中心不受理此事项。", "matterCode")
    return centre, matter


async def _calendar(centre_id: int) -> tuple[list[HoursOverride], list[SlotRule]]:
    overrides = (await load_hours_overrides([centre_id]))[0]
    return overrides, await SlotRule.filter(centre_id=centre_id)


def _check_window(start: datetime, moment: datetime) -> None:
    settings = infra.current().settings
    if start <= moment:
        raise DomainError(ErrorCode.SLOT_IN_PAST, "该时段已经过去，请选择其他时段。", "start")
    lead = timedelta(minutes=settings.booking_min_lead_minutes)
    if start < moment + lead:
        raise DomainError(
            ErrorCode.SLOT_OUT_OF_RANGE,
            f"请至少提前 {settings.booking_min_lead_minutes} 分钟预约。",
            "start",
        )
    if start > moment + timedelta(days=settings.booking_max_days_ahead):
        raise DomainError(
            ErrorCode.SLOT_OUT_OF_RANGE,
            f"只能预约 {settings.booking_max_days_ahead} 天内的时段。",
            "start",
        )


async def _find_slot(centre: Centre, start: datetime) -> slots.Slot:
    local = to_shanghai(start)
    overrides, rules = await _calendar(centre.id)
    hours, day_slots = slots.slots_on(local.date(), overrides, rules)
    if not day_slots:
        why = f"（{hours.note}）" if hours.note else ""
        raise DomainError(
            ErrorCode.CENTRE_CLOSED, f"该中心 {local.date().isoformat()} 不办公{why}。", "start"
        )
    minute = local.hour * 60 + local.minute
    for slot in day_slots:
        if slot.start_minute == minute and local.second == 0 and local.microsecond == 0:
            return slot
    raise DomainError(ErrorCode.SLOT_NOT_FOUND, "没有从这个时间开始的预约时段。", "start")


async def available_slots(
    centre_code: str, matter_code: str, first_day: date, last_day: date
) -> list[AvailableSlot]:
    """Bookable slots (inside the booking window) from `first_day` to `last_day`, with the
    seats left in each; full ones included, with 0 seats left."""
    if last_day < first_day:
        raise DomainError(ErrorCode.INVALID_DATE, "结束日期不能早于开始日期。", "to")
    if (last_day - first_day).days >= MAX_RANGE_DAYS:
        raise DomainError(ErrorCode.INVALID_DATE, f"一次最多查询 {MAX_RANGE_DAYS} 天。", "to")
    centre, matter = await _centre_and_matter(centre_code, matter_code)
    settings, moment = infra.current().settings, now()
    earliest = moment + timedelta(minutes=settings.booking_min_lead_minutes)
    latest = moment + timedelta(days=settings.booking_max_days_ahead)
    overrides, rules = await _calendar(centre.id)
    taken = {
        (c.day, c.start_minute): (c.capacity, c.taken)
        for c in await SlotCounter.filter(
            centre_id=centre.id,
            group_id=matter.department_id,
            day__gte=first_day,
            day__lte=last_day,
        )
    }
    found: list[AvailableSlot] = []
    day = first_day
    while day <= last_day:
        for slot in slots.slots_on(day, overrides, rules)[1]:
            if not (earliest <= slot.starts_at <= latest):
                continue
            capacity, used = taken.get((day, slot.start_minute), (slot.capacity, 0))
            found.append(
                AvailableSlot(slot.starts_at, slot.ends_at, capacity, max(capacity - used, 0))
            )
        day += timedelta(days=1)
    return found


async def _lock_holder(resident_id: int) -> BookingHolder:
    """The resident's standing, locked until the transaction ends."""
    await BookingHolder.bulk_create([BookingHolder(resident_id=resident_id)], ignore_conflicts=True)
    return await BookingHolder.filter(resident_id=resident_id).select_for_update().get()


def _check_standing(holder: BookingHolder, moment: datetime) -> None:
    if holder.suspended_until is not None and holder.suspended_until > moment:
        until = to_shanghai(holder.suspended_until).date().isoformat()
        raise DomainError(
            ErrorCode.BOOKING_SUSPENDED,
            f"您近期多次预约未到，{until} 前暂停网上预约。",
        )


async def _check_limits(
    resident_id: int, matter_id: int, day: date, except_id: int | None = None
) -> None:
    active = await Booking.filter(resident_id=resident_id, state__in=ACTIVE_STATES).values_list(
        "id", "matter_id", "day"
    )
    others = [(m, d) for i, m, d in active if i != except_id]
    if (matter_id, day) in others:
        raise DomainError(
            ErrorCode.DUPLICATE_BOOKING, "同一事项每天只能预约一次，您已有当天的预约。", "start"
        )
    limit = infra.current().settings.booking_max_active
    if except_id is None and len(others) >= limit:
        raise DomainError(
            ErrorCode.BOOKING_LIMIT_REACHED,
            f"最多同时保留 {limit} 个预约，请先取消或完成已有预约。",
        )


def _counter_of(centre_id: int, slot: slots.Slot, group_id: int) -> SlotCounter:
    return SlotCounter(
        centre_id=centre_id,
        day=slot.day,
        start_minute=slot.start_minute,
        group_id=group_id,
        capacity=slot.capacity,
        taken=0,
    )


async def _ensure_counter(centre_id: int, slot: slots.Slot, group_id: int) -> int:
    """The slot's counter id, the row made on the slot's first booking (one query when it
    exists, which is every booking but the first)."""
    where = {
        "centre_id": centre_id,
        "day": slot.day,
        "start_minute": slot.start_minute,
        "group_id": group_id,
    }
    found = await SlotCounter.filter(**where).only("id").first()
    if found is None:
        await SlotCounter.bulk_create(
            [_counter_of(centre_id, slot, group_id)], ignore_conflicts=True
        )
        found = await SlotCounter.filter(**where).only("id").get()
    return int(found.id)


async def _take_seat(counter_id: int) -> None:
    """The seat, or SLOT_FULL: one conditional UPDATE, decided by the database."""
    won = await SlotCounter.filter(id=counter_id, taken__lt=F("capacity")).update(
        taken=F("taken") + 1
    )
    if not won:
        raise DomainError(ErrorCode.SLOT_FULL, "该时段已约满，请选择其他时段。", "start")


async def _release_seat(counter_id: int) -> None:
    await SlotCounter.filter(id=counter_id, taken__gt=0).update(taken=F("taken") - 1)


async def _create(
    resident_id: int,
    centre_id: int,
    matter_id: int,
    counter_id: int,
    slot: slots.Slot,
    key: str,
) -> Booking:
    """The booking row with a fresh check-in code; a code already used at that centre that
    day (the unique constraint says so) is drawn again, inside a savepoint."""
    for attempt in range(5):
        try:
            async with in_transaction():
                return await Booking.create(
                    resident_id=resident_id,
                    centre_id=centre_id,
                    matter_id=matter_id,
                    counter_id=counter_id,
                    day=slot.day,
                    starts_at=slot.starts_at,
                    ends_at=slot.ends_at,
                    state=BookingState.BOOKED,
                    check_in_code=codes.new_code(),
                    idempotency_key=key,
                )
        except IntegrityError:
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


def _clean_key(key: str) -> str:
    text = key.strip()
    if not text or len(text) > KEY_MAX:
        raise DomainError(
            ErrorCode.INVALID_INPUT, f"幂等键应为 1 到 {KEY_MAX} 个字符。", "idempotencyKey"
        )
    return text


async def _replay(existing: Booking, centre: Centre, matter: Matter) -> Booking:
    if (existing.centre_id, existing.matter_id) != (centre.id, matter.id):
        raise DomainError(
            ErrorCode.IDEMPOTENCY_KEY_REUSED,
            "该幂等键已用于另一次预约，请为新的预约使用新的键。",
            "idempotencyKey",
        )
    return existing


async def book(
    principal: Principal, centre_code: str, matter_code: str, start: datetime, key: str
) -> Booking:
    """Book a seat. The same idempotency key again returns the booking it made."""
    resident_id = _resident(principal)
    key = _clean_key(key)
    centre, matter = await _centre_and_matter(centre_code, matter_code)
    existing = await Booking.get_or_none(resident_id=resident_id, idempotency_key=key)
    if existing is not None:
        return await _replay(existing, centre, matter)
    moment = now()
    _check_window(start, moment)
    slot = await _find_slot(centre, start)
    group_id = matter.department_id
    # A read that spares a full slot the transaction; the UPDATE below still decides.
    full = await SlotCounter.filter(
        centre_id=centre.id,
        day=slot.day,
        start_minute=slot.start_minute,
        group_id=group_id,
        taken__gte=F("capacity"),
    ).exists()
    if full:
        raise DomainError(ErrorCode.SLOT_FULL, "该时段已约满，请选择其他时段。", "start")
    async with unit_of_work():
        holder = await _lock_holder(resident_id)
        again = await Booking.get_or_none(resident_id=resident_id, idempotency_key=key)
        if again is not None:  # a concurrent retry got here first
            return await _replay(again, centre, matter)
        _check_standing(holder, moment)
        await _check_limits(resident_id, matter.id, slot.day)
        counter_id = await _ensure_counter(centre.id, slot, group_id)
        # The row first, the seat last: the seat's UPDATE locks the slot's counter row
        # until the commit, and every booking of that slot waits for it; so the locked
        # part is the UPDATE, the stream heads and the COMMIT, not the insert too. A full
        # slot rolls the row back with the rest.
        booking = await _create(resident_id, centre.id, matter.id, counter_id, slot, key)
        await _take_seat(counter_id)
        record(events.changed(booking, "BOOK", moment))
    return booking


def _ensure_changeable(booking: Booking, moment: datetime) -> None:
    if booking.state is not BookingState.BOOKED:
        raise DomainError(
            ErrorCode.BOOKING_NOT_CHANGEABLE,
            f"该预约{STATE_NAMES[booking.state]}，不能再更改。",
            "bookingId",
        )
    if booking.starts_at <= moment:
        raise DomainError(
            ErrorCode.BOOKING_NOT_CHANGEABLE,
            "预约时段已开始，不能再取消或改约。",
            "bookingId",
        )


async def _locked_own(principal: Principal, booking_id: int) -> Booking:
    booking = await Booking.filter(id=booking_id).select_for_update().first()
    if booking is None or booking.resident_id != principal.resident_id:
        raise _not_found()
    return booking


async def cancel(principal: Principal, booking_id: int) -> Booking:
    """The resident cancels, until the slot starts; the seat is free again at once."""
    if principal.resident_id is None:
        raise _not_found()
    moment = now()
    async with unit_of_work():
        booking = await _locked_own(principal, booking_id)
        _ensure_changeable(booking, moment)
        await Booking.filter(id=booking.id, state=BookingState.BOOKED).update(
            state=BookingState.CANCELLED, cancelled_at=moment
        )
        await _release_seat(booking.counter_id)
        booking = await Booking.get(id=booking.id)
        record(events.changed(booking, "CANCEL", moment))
    return booking


async def reschedule(principal: Principal, booking_id: int, start: datetime) -> Booking:
    """Move a booking to another slot of the same centre and matter, in one transaction:
    the new seat is taken first, then the old one released; if the new slot is full,
    nothing changes and the old seat is kept."""
    resident_id = _resident(principal)
    moment = now()
    _check_window(start, moment)
    async with unit_of_work():
        holder = await _lock_holder(resident_id)
        booking = await _locked_own(principal, booking_id)
        _ensure_changeable(booking, moment)
        _check_standing(holder, moment)
        centre = await centres.get_centre(booking.centre_id)
        matter = await matters.get_matter(booking.matter_id)
        slot = await _find_slot(centre, start)
        if slot.starts_at == booking.starts_at:
            raise DomainError(ErrorCode.INVALID_INPUT, "新时段与原时段相同。", "start")
        await _check_limits(resident_id, matter.id, slot.day, except_id=booking.id)
        new_id = await _ensure_counter(centre.id, slot, matter.department_id)
        # Both counters locked in one order, so two reschedules crossing cannot deadlock.
        ids = sorted({new_id, booking.counter_id})
        await SlotCounter.filter(id__in=ids).order_by("id").select_for_update()
        await _take_seat(new_id)
        await _release_seat(booking.counter_id)
        changes: dict[str, object] = {
            "counter_id": new_id,
            "day": slot.day,
            "starts_at": slot.starts_at,
            "ends_at": slot.ends_at,
        }
        if slot.day != booking.day:  # codes are unique per centre and day
            changes["check_in_code"] = codes.new_code()
        await Booking.filter(id=booking.id).update(**changes)
        booking = await Booking.get(id=booking.id)
        record(events.changed(booking, "RESCHEDULE", moment))
    return booking


async def check_in(principal: Principal, raw_code: str, meta: RequestMeta | None = None) -> Booking:
    """`check_in_with_ticket`, for callers that want the booking only."""
    return (await check_in_with_ticket(principal, raw_code, False, meta))[0]


async def check_in_with_ticket(
    principal: Principal, raw_code: str, priority: bool = False, meta: RequestMeta | None = None
) -> tuple[Booking, QueueTicket]:
    """A clerk checks a resident in by the code of their booking: today, at their centre;
    the resident's queue ticket is issued in the same transaction. Every attempt is audited
    (a run of wrong codes from one clerk shows in the log)."""
    async with audit.audited("bookings.check_in", actor=principal.audit_actor, meta=meta) as note:
        booking, ticket = await _check_in(principal, raw_code, priority)
        note.target = Target("booking", booking.id)
    return booking, ticket


async def _check_in(
    principal: Principal, raw_code: str, priority: bool
) -> tuple[Booking, QueueTicket]:
    centre_id = _check_in_centre(principal)
    code = codes.normalise(raw_code)
    invalid = DomainError(
        ErrorCode.CHECK_IN_CODE_INVALID, "签到码无效，或不是本中心今天的预约。", "code"
    )
    if code is None:
        raise invalid
    moment = now()
    today = to_shanghai(moment).date()
    assert principal.staff_id is not None
    async with unit_of_work():
        booking = (
            await Booking.filter(centre_id=centre_id, day=today, check_in_code=code)
            .select_for_update()
            .first()
        )
        if booking is None:
            raise invalid
        if booking.state is BookingState.CHECKED_IN:
            raise DomainError(ErrorCode.ALREADY_CHECKED_IN, "该预约已经签到。", "code")
        if booking.state is not BookingState.BOOKED:
            raise DomainError(
                ErrorCode.CHECK_IN_CODE_INVALID,
                f"该预约{STATE_NAMES[booking.state]}，不能签到。",
                "code",
            )
        await Booking.filter(id=booking.id, state=BookingState.BOOKED).update(
            state=BookingState.CHECKED_IN,
            checked_in_at=moment,
            checked_in_by_staff_id=principal.staff_id,
        )
        booking = await Booking.get(id=booking.id)
        record(events.changed(booking, "CHECK_IN", moment))
        ticket = await queue.issue_for_booking(booking, principal.staff_id, priority, moment)
    return booking, ticket


def _check_in_centre(principal: Principal) -> int:
    if principal.is_staff and not principal.is_admin and principal.centre_id is not None:
        return principal.centre_id
    raise DomainError(
        ErrorCode.FORBIDDEN, "只有受理中心的工作人员可以为预约签到。", None, "CENTRE_STAFF_ONLY"
    )


async def get_booking(principal: Principal, booking_id: int) -> Booking:
    booking = await Booking.get_or_none(id=booking_id)
    if booking is None or not access.may_read(principal, booking):
        raise _not_found()
    return booking


STATE_NAMES = {
    BookingState.BOOKED: "已预约",
    BookingState.CHECKED_IN: "已签到",
    BookingState.CANCELLED: "已取消",
    BookingState.CANCELLED_BY_CENTRE: "已由中心取消",
    BookingState.NO_SHOW: "已爽约",
}
