"""The queue at the centre, through the service, against PostgreSQL: numbering, call order,
priority by verified age, calling at once, refusals (audited), times kept, wait estimates."""

from __future__ import annotations

import asyncio
import math
from datetime import date, timedelta

import pytest

from backend.audit.models import AuditEvent, AuditOutcome
from backend.bookings import queue, service, waits
from backend.bookings.models import (
    PriorityReason,
    QueueLine,
    QueueTicket,
    TicketState,
)
from backend.centres.models import Centre
from backend.identity.idnumber import make_id_number
from backend.identity.models import Resident, StaffRole
from backend.matters.models import Matter
from backend.platform import infra
from backend.platform.clock import now, to_shanghai
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.models import StreamEvent
from backend.platform.principal import Principal
from tests.bookings.helpers import (
    booking_at,
    counter_matter,
    fresh_centre,
    new_resident,
    principal_of,
)
from tests.cases.helpers import staff_principal

pytestmark = pytest.mark.usefixtures("database_url")


async def _refused(code: ErrorCode, call: object) -> DomainError:
    with pytest.raises(DomainError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code is code, caught.value
    return caught.value


async def _checked_in(
    clerk: Principal, centre: Centre, matter: Matter, minutes_from_now: int, **kw: object
) -> QueueTicket:
    resident = kw.pop("resident", None) or await new_resident()
    start = to_shanghai(now()) + timedelta(minutes=minutes_from_now)
    booking = await booking_at(resident, centre, matter, start)  # type: ignore[arg-type]
    _, ticket = await service.check_in_with_ticket(clerk, booking.check_in_code, **kw)  # type: ignore[arg-type]
    return ticket


async def _walk_in(
    clerk: Principal, centre: Centre, letter: str = "B", priority: bool = False
) -> QueueTicket:
    return await queue.issue_walk_in(clerk, centre.code, letter, None, priority, None)


async def test_tickets_are_numbered_per_queue_and_called_in_order() -> None:
    centre, matter = await fresh_centre(), await counter_matter()  # GA006: 公安 -> queue B
    clerk = await staff_principal(StaffRole.CLERK, centre.code)
    early_walk_in = await _walk_in(clerk, centre)
    on_time = await _checked_in(clerk, centre, matter, 10)
    late = await _checked_in(clerk, centre, matter, -60)  # slot started an hour ago
    later_walk_in = await _walk_in(clerk, centre)
    marked = await _walk_in(clerk, centre, priority=True)
    other_queue = await _walk_in(clerk, centre, "A")
    assert [t.number for t in (early_walk_in, on_time, late, later_walk_in, marked)] == [
        "B001",
        "B002",
        "B003",
        "B004",
        "B005",
    ]
    assert other_queue.number == "A001"
    assert (on_time.booked_on_time, late.booked_on_time) == (True, False)
    assert marked.priority_reason is PriorityReason.MARKED_BY_CLERK
    assert await queue.waiting_ahead(later_walk_in) == 4
    assert await queue.waiting_ahead(marked) == 0

    called = [await queue.call_next(clerk, centre.code, 3, ["B"]) for _ in range(5)]
    # priority first; the booking on time before every walk-in; the late one by arrival
    assert [t.number for t in called] == ["B005", "B002", "B001", "B003", "B004"]
    await _refused(ErrorCode.QUEUE_EMPTY, queue.call_next(clerk, centre.code, 3, ["B"]))
    rows = {t.number: t for t in await QueueTicket.filter(centre_id=centre.id, line__letter="B")}
    for number in ("B005", "B002", "B001", "B003"):  # finished by the next call at window 3
        row = rows[number]
        assert row.state is TicketState.FINISHED and row.window == 3
        assert row.issued_at <= row.called_at <= row.finished_at  # type: ignore[operator]
        assert row.called_by_staff_id == clerk.staff_id
    assert rows["B004"].state is TicketState.CALLED
    # the A queue was not served by a window that calls B only
    assert (await QueueTicket.get(id=other_queue.id)).state is TicketState.WAITING


async def test_the_queue_follows_the_matter_department_and_seeded_letters() -> None:
    centre, matter = await fresh_centre(), await counter_matter()
    clerk = await staff_principal(StaffRole.CLERK, centre.code)
    ticket = await _checked_in(clerk, centre, matter, 5)
    line = await QueueLine.get(id=ticket.line_id)
    assert (line.letter, line.name) == ("B", "公安民政")
    by_matter = await queue.issue_walk_in(clerk, centre.code, None, "GA006", False, None)
    assert by_matter.line_id == line.id and by_matter.matter_id == matter.id
    seeded = await QueueLine.filter(centre__code="310101-01").order_by("position")
    assert [ln.letter for ln in seeded] == ["A", "B", "C", "E"]


async def test_residents_of_seventy_get_priority_by_their_verified_birth_date() -> None:
    centre, matter = await fresh_centre(), await counter_matter()
    clerk = await staff_principal(StaffRole.CLERK, centre.code)
    cipher = infra.current().cipher
    today = to_shanghai(now()).date()

    async def born(on: date) -> Resident:
        resident = await new_resident()
        number = make_id_number("310101", on, 123)
        await Resident.filter(id=resident.id).update(
            id_number_enc=cipher.encrypt("id_number", number)
        )
        return resident

    # 70 today (a 29 February birthday is taken on 28 February here)
    seventy_today = date(today.year - 70, today.month, min(today.day, 28))
    walk_in = await _walk_in(clerk, centre)
    elder = await _checked_in(clerk, centre, matter, 20, resident=await born(seventy_today))
    younger = await _checked_in(
        clerk, centre, matter, 20, resident=await born(seventy_today + timedelta(days=1))
    )
    marked = await _checked_in(clerk, centre, matter, 20, priority=True)
    assert (elder.priority, elder.priority_reason) == (True, PriorityReason.AGE_70)
    assert (younger.priority, younger.priority_reason) == (False, None)
    assert marked.priority_reason is PriorityReason.MARKED_BY_CLERK
    first = await queue.call_next(clerk, centre.code, 1, None)
    second = await queue.call_next(clerk, centre.code, 2, None)
    assert {first.id, second.id} == {elder.id, marked.id}
    assert (await queue.call_next(clerk, centre.code, 4, None)).id == younger.id
    assert (await queue.call_next(clerk, centre.code, 5, None)).id == walk_in.id


async def test_two_clerks_calling_at_once_never_get_the_same_ticket() -> None:
    centre = await fresh_centre()
    clerk = await staff_principal(StaffRole.CLERK, centre.code)
    other = await staff_principal(StaffRole.CLERK, centre.code)
    tickets = [await _walk_in(clerk, centre, "D") for _ in range(30)]

    async def call(window: int) -> int | None:
        who = clerk if window % 2 else other
        try:
            return (await queue.call_next(who, centre.code, window, ["D"])).id
        except DomainError as error:
            assert error.code is ErrorCode.QUEUE_EMPTY
            return None

    got = await asyncio.gather(*(call(w) for w in range(1, 41)))
    called = [g for g in got if g is not None]
    assert len(called) == 30 and len(set(called)) == 30
    assert set(called) == {t.id for t in tickets}
    rows = await QueueTicket.filter(id__in=called)
    assert len({r.window for r in rows}) == 30
    assert all(r.state is TicketState.CALLED for r in rows)


async def test_staff_act_only_at_their_own_centre_and_refusals_are_audited() -> None:
    centre, elsewhere = await fresh_centre(), await fresh_centre()
    clerk = await staff_principal(StaffRole.CLERK, centre.code)
    stranger = await staff_principal(StaffRole.CLERK, elsewhere.code)
    admin = await staff_principal(StaffRole.ADMIN, None)
    resident = principal_of(await new_resident())
    ticket = await _walk_in(clerk, centre)
    refused = await _refused(ErrorCode.FORBIDDEN, queue.call_next(stranger, centre.code, 1, None))
    assert refused.reason == "OTHER_CENTRE"
    await _refused(ErrorCode.FORBIDDEN, queue.call_next(admin, centre.code, 1, None))
    await _refused(ErrorCode.FORBIDDEN, queue.call_next(resident, centre.code, 1, None))
    await _refused(ErrorCode.FORBIDDEN, _walk_in(stranger, centre))
    assert (await QueueTicket.get(id=ticket.id)).state is TicketState.WAITING
    denied = await AuditEvent.filter(
        action="queue.call_next", outcome=AuditOutcome.DENIED, actor_id=stranger.subject_id
    )
    assert [d.reason for d in denied] == ["OTHER_CENTRE"]

    called = await queue.call_next(clerk, centre.code, 2, None)
    for act in (queue.recall, queue.skip, queue.finish):
        error = await _refused(ErrorCode.FORBIDDEN, act(stranger, called.id))
        assert error.reason == "OTHER_CENTRE"
    assert await AuditEvent.filter(
        action="queue.skip",
        outcome=AuditOutcome.DENIED,
        actor_id=stranger.subject_id,
        target_id=str(called.id),
    ).exists()
    assert (await QueueTicket.get(id=called.id)).state is TicketState.CALLED


async def test_recall_skip_finish_and_bad_input() -> None:
    centre = await fresh_centre()
    clerk = await staff_principal(StaffRole.CLERK, centre.code)
    waiting = await _walk_in(clerk, centre, "C")
    await _refused(ErrorCode.TICKET_NOT_ACTIONABLE, queue.recall(clerk, waiting.id))
    await _refused(ErrorCode.NOT_FOUND, queue.finish(clerk, 2**31 - 1))
    for window in (0, -1, 1000):
        await _refused(ErrorCode.WINDOW_INVALID, queue.call_next(clerk, centre.code, window, None))
    await _refused(ErrorCode.QUEUE_NOT_FOUND, queue.call_next(clerk, centre.code, 1, ["Z"]))
    await _refused(ErrorCode.QUEUE_NOT_FOUND, _walk_in(clerk, centre, "\u00e9" * 4))
    await _refused(ErrorCode.NOT_FOUND, queue.call_next(clerk, "no-such", 1, None))
    await _refused(
        ErrorCode.INVALID_INPUT, queue.issue_walk_in(clerk, centre.code, None, None, False, None)
    )
    called = await queue.call_next(clerk, centre.code, 7, ["C"])
    recalled = await queue.recall(clerk, called.id)
    assert (recalled.state, recalled.recalls, recalled.window) == (TicketState.CALLED, 1, 7)
    assert recalled.called_at == called.called_at
    skipped = await queue.skip(clerk, called.id)
    assert skipped.state is TicketState.SKIPPED and skipped.skipped_at is not None
    await _refused(ErrorCode.TICKET_NOT_ACTIONABLE, queue.finish(clerk, called.id))
    another = await _walk_in(clerk, centre, "C")
    assert (await queue.call_next(clerk, centre.code, 7, ["C"])).id == another.id
    done = await queue.finish(clerk, another.id)
    assert done.state is TicketState.FINISHED and done.finished_at is not None


async def test_check_in_codes_of_another_centre_or_day_issue_no_ticket() -> None:
    centre, elsewhere, matter = await fresh_centre(), await fresh_centre(), await counter_matter()
    clerk = await staff_principal(StaffRole.CLERK, centre.code)
    stranger = await staff_principal(StaffRole.CLERK, elsewhere.code)
    resident = await new_resident()
    today = await booking_at(resident, centre, matter, to_shanghai(now()) + timedelta(minutes=30))
    tomorrow = await booking_at(
        resident,
        centre,
        await Matter.get(code="GA001"),
        to_shanghai(now()) + timedelta(days=1),
    )
    await _refused(ErrorCode.CHECK_IN_CODE_INVALID, service.check_in(stranger, today.check_in_code))
    await _refused(ErrorCode.CHECK_IN_CODE_INVALID, service.check_in(clerk, tomorrow.check_in_code))
    assert not await QueueTicket.filter(booking_id__in=[today.id, tomorrow.id]).exists()
    booking, ticket = await service.check_in_with_ticket(clerk, today.check_in_code)
    assert ticket.booking_id == booking.id and ticket.resident_id == resident.id
    assert (await queue.my_ticket(principal_of(resident))).id == ticket.id  # type: ignore[union-attr]
    await _refused(ErrorCode.ALREADY_CHECKED_IN, service.check_in(clerk, today.check_in_code))
    assert await QueueTicket.filter(booking_id=booking.id).count() == 1
    kinds = await StreamEvent.filter(stream=f"resident:{resident.id}", kind="queue.ticket")
    assert [k.payload["action"] for k in kinds] == ["ISSUE"]
    assert kinds[0].payload["number"] == ticket.number


async def test_the_wait_estimate_is_the_average_service_time_times_ahead_over_windows() -> None:
    centre = await fresh_centre()
    clerk = await staff_principal(StaffRole.CLERK, centre.code)
    settings = infra.current().settings
    line = (await queue.lines_of(centre.id))[0]
    moment = now()
    day = to_shanghai(moment).date()
    empty = await waits.line_rate(line.id)
    assert empty == waits.LineRate(settings.queue_default_service_minutes, 1)
    # served: 6 and 10 minutes, at windows 1 and 2, within the last hour
    for seq, (window, minutes) in enumerate(((1, 6), (2, 10)), start=900):
        called = moment - timedelta(minutes=30)
        await QueueTicket.create(
            centre_id=centre.id,
            line_id=line.id,
            day=day,
            seq=seq,
            number=f"{line.letter}{seq}",
            state=TicketState.FINISHED,
            rank_at=called,
            issued_at=called,
            called_at=called,
            finished_at=called + timedelta(minutes=minutes),
            window=window,
        )
    waiting = [await _walk_in(clerk, centre, line.letter) for _ in range(5)]
    rate = await waits.line_rate(line.id)
    assert (rate.average_service_minutes, rate.windows) == (8.0, 2)
    assert await waits.estimate(waiting[3], await queue.waiting_ahead(waiting[3])) == math.ceil(
        3 * 8 / 2
    )
    board = await waits.board(centre)
    status = next(s for s in board.lines if s.line.id == line.id)
    assert (status.waiting, status.estimated_wait_minutes) == (5, 20)
