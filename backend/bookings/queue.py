"""The queue at the centre (叫号): tickets, calling, recall, skip, finish.

A ticket is issued when a clerk checks a booking in (`issue_for_booking`, inside the
check-in's transaction) or for a walk-in (`issue_walk_in`). Its number is the queue's
letter and a 3-digit sequence per queue, centre and day (A012), from a locked counter row
(platform `next_value`), so two clerks issuing at once never get the same number.

Call order within the queues a window serves (`CALL_ORDER`):

1. priority tickets first (绿色通道: 70 or older by the verified birth date, or marked by
   the clerk);
2. then bookings checked in on time (by the slot's start plus
   TONGBAN_QUEUE_ON_TIME_GRACE_MINUTES), in the order of their slots: a booked resident
   who came on time goes ahead of every walk-in, and so of every walk-in who came later;
3. then everyone else (walk-ins, late bookings) by arrival (`rank_at` = issued at).

`call_next` takes the first waiting ticket with `SELECT ... FOR UPDATE SKIP LOCKED`, then a
conditional UPDATE (`WHERE state = 'WAITING'`): two clerks calling at once lock different
rows, so no ticket is ever called twice, on any number of app instances. Calling the next
ticket finishes the one called before at that window.

Staff act only at their own centre: another centre's window or ticket is refused with
FORBIDDEN / OTHER_CENTRE, audited as DENIED like every refusal by permission.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from backend.audit import service as audit
from backend.audit.service import AuditNote, Target
from backend.bookings import events
from backend.bookings.models import (
    Booking,
    PriorityReason,
    QueueLine,
    QueueTicket,
    TicketState,
)
from backend.centres import service as centres
from backend.centres.models import Centre
from backend.identity import residents
from backend.matters import service as matters
from backend.platform import infra
from backend.platform.clock import now, to_shanghai
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.events import record
from backend.platform.principal import Principal
from backend.platform.requestmeta import RequestMeta
from backend.platform.streams import next_value
from backend.platform.uow import unit_of_work

CALL_ORDER = ("-priority", "-booked_on_time", "rank_at", "id")
ACTIVE_TICKET_STATES = (TicketState.WAITING, TicketState.CALLED)
DEFAULT_LINE = ("A", "综合窗口")

STATE_NAMES = {
    TicketState.WAITING: "等候中",
    TicketState.CALLED: "已叫号",
    TicketState.FINISHED: "已办结",
    TicketState.SKIPPED: "已过号",
}


def today() -> date:
    return to_shanghai(now()).date()


def sort_key(ticket: QueueTicket) -> tuple[int, int, datetime, int]:
    """The call order of CALL_ORDER, in Python (for `ahead`)."""
    return (-int(ticket.priority), -int(ticket.booked_on_time), ticket.rank_at, ticket.id)


# Queues -------------------------------------------------------------------------------


async def lines_of(centre_id: int) -> list[QueueLine]:
    """The centre's queues in display order; a centre the seed gave none gets one."""
    lines = await QueueLine.filter(centre_id=centre_id).order_by("position", "letter")
    if lines:
        return lines
    letter, name = DEFAULT_LINE
    await QueueLine.bulk_create(
        [QueueLine(centre_id=centre_id, letter=letter, name=name, department_ids=[])],
        ignore_conflicts=True,
    )
    return await QueueLine.filter(centre_id=centre_id).order_by("position", "letter")


def line_for_department(lines: list[QueueLine], department_id: int | None) -> QueueLine:
    """The queue that serves a department's matters: the one naming it, else the first
    catch-all (no departments), else the first queue."""
    for line in lines:
        if department_id is not None and department_id in line.department_ids:
            return line
    for line in lines:
        if not line.department_ids:
            return line
    return lines[0]


def _line_by_letter(lines: list[QueueLine], letter: str) -> QueueLine:
    wanted = letter.strip().upper()
    for line in lines:
        if line.letter == wanted:
            return line
    raise DomainError(ErrorCode.QUEUE_NOT_FOUND, f"本中心没有 {wanted[:4]} 队列。", "queue")


# Who acts where ---------------------------------------------------------------------


async def _centre_by_code(code: str, field: str = "centreCode") -> Centre:
    centre = await centres.find_centre_by_code(code.strip()[:16])
    if centre is None:
        raise DomainError(ErrorCode.NOT_FOUND, "没有该受理中心。", field)
    return centre


async def centre_for_board(code: str) -> Centre:
    return await _centre_by_code(code, "centre")


def _ensure_own_centre(
    principal: Principal, centre_id: int, field: str | None, note: AuditNote
) -> int:
    """The clerk's or head's staff id, if `centre_id` is their centre; refused otherwise
    (the refusal's reason goes to the audit log with DENIED)."""
    refusal: DomainError | None = None
    if not principal.is_staff or principal.is_admin or principal.centre_id is None:
        refusal = DomainError(
            ErrorCode.FORBIDDEN, "只有受理中心的工作人员可以叫号。", None, "CENTRE_STAFF_ONLY"
        )
    elif principal.centre_id != centre_id:
        refusal = DomainError(
            ErrorCode.FORBIDDEN, "只能在本中心的窗口叫号和处理排队号。", field, "OTHER_CENTRE"
        )
    if refusal is not None or principal.staff_id is None:
        refusal = refusal or DomainError(ErrorCode.FORBIDDEN, "只有工作人员可以叫号。")
        note.reason = refusal.reason
        raise refusal
    return principal.staff_id


def _check_window(window: int) -> int:
    top = infra.current().settings.queue_max_window
    if not 1 <= window <= top:
        raise DomainError(ErrorCode.WINDOW_INVALID, f"窗口号应为 1 到 {top}。", "window")
    return window


# Issuing ------------------------------------------------------------------------------


async def _issue(
    *,
    centre_id: int,
    line: QueueLine,
    moment: datetime,
    priority: PriorityReason | None,
    booking: Booking | None = None,
    booked_on_time: bool = False,
    rank_at: datetime | None = None,
    resident_id: int | None = None,
    matter_id: int | None = None,
    staff_id: int | None = None,
) -> QueueTicket:
    """A new ticket, inside the caller's unit of work."""
    day = to_shanghai(moment).date()
    seq = await next_value(f"queue:{line.id}:{day.isoformat()}")
    ticket = await QueueTicket.create(
        centre_id=centre_id,
        line_id=line.id,
        day=day,
        seq=seq,
        number=f"{line.letter}{seq:03d}",
        state=TicketState.WAITING,
        priority=priority is not None,
        priority_reason=priority,
        booked_on_time=booked_on_time,
        rank_at=rank_at or moment,
        booking_id=booking.id if booking else None,
        resident_id=resident_id,
        matter_id=matter_id,
        issued_at=moment,
        issued_by_staff_id=staff_id,
    )
    record(events.QueueChanged(centre_id, "ISSUE", ticket.number, None, moment))
    _tell_resident(ticket, "ISSUE", moment)
    return ticket


def _tell_resident(ticket: QueueTicket, action: str, moment: datetime) -> None:
    if ticket.resident_id is not None:
        record(
            events.QueueTicketChanged(
                ticket_id=ticket.id,
                resident_id=ticket.resident_id,
                number=ticket.number,
                action=action,
                state=ticket.state.value,
                window=ticket.window,
                at=moment,
            )
        )


async def issue_for_booking(
    booking: Booking, staff_id: int, marked_priority: bool, moment: datetime
) -> QueueTicket:
    """The ticket of a booking just checked in (inside the check-in's unit of work)."""
    settings = infra.current().settings
    matter = await matters.get_matter(booking.matter_id)
    line = line_for_department(await lines_of(booking.centre_id), matter.department_id)
    grace = timedelta(minutes=settings.queue_on_time_grace_minutes)
    on_time = moment <= booking.starts_at + grace
    priority: PriorityReason | None = None
    if await residents.aged_at_least(
        booking.resident_id, settings.queue_priority_age, to_shanghai(moment).date()
    ):
        priority = PriorityReason.AGE_70
    elif marked_priority:
        priority = PriorityReason.MARKED_BY_CLERK
    return await _issue(
        centre_id=booking.centre_id,
        line=line,
        moment=moment,
        priority=priority,
        booking=booking,
        booked_on_time=on_time,
        rank_at=booking.starts_at if on_time else moment,
        resident_id=booking.resident_id,
        matter_id=booking.matter_id,
        staff_id=staff_id,
    )


async def issue_walk_in(
    principal: Principal,
    centre_code: str,
    queue_letter: str | None,
    matter_code: str | None,
    priority: bool,
    reason: PriorityReason | None,
    meta: RequestMeta | None = None,
) -> QueueTicket:
    """A ticket for a resident without a booking, by a clerk of the centre."""
    async with audit.audited("queue.issue_walk_in", actor=principal.audit_actor, meta=meta) as note:
        centre = await _centre_by_code(centre_code)
        staff_id = _ensure_own_centre(principal, centre.id, "centreCode", note)
        lines = await lines_of(centre.id)
        matter_id: int | None = None
        if queue_letter:
            line = _line_by_letter(lines, queue_letter)
        elif matter_code:
            matter = await matters.find_matter_by_code(matter_code.strip()[:16])
            if matter is None:
                raise DomainError(ErrorCode.NOT_FOUND, "没有该事项。", "matterCode")
            matter_id = matter.id
            line = line_for_department(lines, matter.department_id)
        else:
            raise DomainError(ErrorCode.INVALID_INPUT, "请选择队列或事项。", "queue")
        marked = reason if reason is not None else PriorityReason.MARKED_BY_CLERK
        moment = now()
        async with unit_of_work():
            ticket = await _issue(
                centre_id=centre.id,
                line=line,
                moment=moment,
                priority=marked if priority or reason is not None else None,
                matter_id=matter_id,
                staff_id=staff_id,
            )
        note.target = Target("queue_ticket", ticket.id)
    return ticket


# Calling ------------------------------------------------------------------------------


async def call_next(
    principal: Principal,
    centre_code: str,
    window: int,
    queue_letters: list[str] | None,
    meta: RequestMeta | None = None,
) -> QueueTicket:
    """The next ticket for `window`, from the queues it serves (all when none given)."""
    async with audit.audited("queue.call_next", actor=principal.audit_actor, meta=meta) as note:
        centre = await _centre_by_code(centre_code)
        staff_id = _ensure_own_centre(principal, centre.id, "centreCode", note)
        _check_window(window)
        lines = await lines_of(centre.id)
        chosen = (
            [_line_by_letter(lines, letter) for letter in queue_letters[:26]]
            if queue_letters
            else lines
        )
        ticket = await _call_next(centre.id, staff_id, window, [line.id for line in chosen])
        note.target = Target("queue_ticket", ticket.id)
    return ticket


async def _call_next(
    centre_id: int, staff_id: int, window: int, line_ids: list[int]
) -> QueueTicket:
    moment = now()
    day = to_shanghai(moment).date()
    for _ in range(20):  # a lost race (SQLite has no SKIP LOCKED) tries the next ticket
        async with unit_of_work():
            await _finish_at_window(centre_id, day, window, moment)
            candidate = (
                await QueueTicket.filter(
                    centre_id=centre_id, day=day, state=TicketState.WAITING, line_id__in=line_ids
                )
                .order_by(*CALL_ORDER)
                .select_for_update(skip_locked=True)
                .first()
            )
            if candidate is None:
                raise DomainError(ErrorCode.QUEUE_EMPTY, "当前没有等候的号。", "queues")
            won = await QueueTicket.filter(id=candidate.id, state=TicketState.WAITING).update(
                state=TicketState.CALLED,
                window=window,
                called_at=moment,
                called_by_staff_id=staff_id,
            )
            if won:
                ticket = await QueueTicket.get(id=candidate.id)
                record(events.QueueChanged(centre_id, "CALL", ticket.number, window, moment))
                _tell_resident(ticket, "CALL", moment)
                return ticket
    raise DomainError(ErrorCode.QUEUE_EMPTY, "当前没有等候的号，请稍后再试。", "queues")


async def _finish_at_window(centre_id: int, day: date, window: int, moment: datetime) -> None:
    """The ticket called before at this window is done when the next is called."""
    current = await QueueTicket.filter(
        centre_id=centre_id, day=day, window=window, state=TicketState.CALLED
    ).select_for_update()
    for ticket in current:
        won = await QueueTicket.filter(id=ticket.id, state=TicketState.CALLED).update(
            state=TicketState.FINISHED, finished_at=moment
        )
        if won:
            ticket.state = TicketState.FINISHED
            record(events.QueueChanged(centre_id, "FINISH", ticket.number, window, moment))
            _tell_resident(ticket, "FINISH", moment)


async def _act(
    principal: Principal,
    ticket_id: int,
    action: str,
    meta: RequestMeta | None,
) -> QueueTicket:
    async with audit.audited(
        f"queue.{action.lower()}",
        actor=principal.audit_actor,
        target=Target("queue_ticket", ticket_id),
        meta=meta,
    ) as note:
        moment = now()
        async with unit_of_work():
            ticket = await QueueTicket.filter(id=ticket_id).select_for_update().first()
            if ticket is None:
                raise DomainError(ErrorCode.NOT_FOUND, "找不到该排队号。", "ticketId")
            _ensure_own_centre(principal, ticket.centre_id, "ticketId", note)
            if ticket.state is not TicketState.CALLED:
                raise DomainError(
                    ErrorCode.TICKET_NOT_ACTIONABLE,
                    f"该号{STATE_NAMES[ticket.state]}，不能{ACTION_NAMES[action]}。",
                    "ticketId",
                )
            changes: dict[str, object]
            if action == "RECALL":
                changes = {"recalls": ticket.recalls + 1, "called_at": ticket.called_at}
            elif action == "SKIP":
                changes = {"state": TicketState.SKIPPED, "skipped_at": moment}
            else:
                changes = {"state": TicketState.FINISHED, "finished_at": moment}
            await QueueTicket.filter(id=ticket.id, state=TicketState.CALLED).update(**changes)
            ticket = await QueueTicket.get(id=ticket.id)
            record(
                events.QueueChanged(ticket.centre_id, action, ticket.number, ticket.window, moment)
            )
            _tell_resident(ticket, action, moment)
    return ticket


ACTION_NAMES = {"RECALL": "重呼", "SKIP": "过号", "FINISH": "办结"}


async def recall(
    principal: Principal, ticket_id: int, meta: RequestMeta | None = None
) -> QueueTicket:
    """Announce a called ticket again (重呼), at the same window."""
    return await _act(principal, ticket_id, "RECALL", meta)


async def skip(
    principal: Principal, ticket_id: int, meta: RequestMeta | None = None
) -> QueueTicket:
    """The called resident did not come (过号)."""
    return await _act(principal, ticket_id, "SKIP", meta)


async def finish(
    principal: Principal, ticket_id: int, meta: RequestMeta | None = None
) -> QueueTicket:
    """The called resident was served (办结): the service time feeds the wait estimate."""
    return await _act(principal, ticket_id, "FINISH", meta)


# Reading ------------------------------------------------------------------------------


async def my_ticket(principal: Principal) -> QueueTicket | None:
    """The resident's active ticket today (waiting or called), the latest if several."""
    if principal.resident_id is None:
        return None
    return (
        await QueueTicket.filter(
            resident_id=principal.resident_id, day=today(), state__in=ACTIVE_TICKET_STATES
        )
        .order_by("-id")
        .first()
    )


async def ticket_of_booking(booking_id: int) -> QueueTicket | None:
    return await QueueTicket.get_or_none(booking_id=booking_id)


async def centre_tickets(
    principal: Principal, centre_code: str, states: list[TicketState] | None
) -> list[QueueTicket]:
    """Today's tickets of the clerk's centre, in call order (waiting first)."""
    centre = await _centre_by_code(centre_code, "centre")
    if not principal.acts_at_centre(centre.id):
        raise DomainError(ErrorCode.FORBIDDEN, "只能查看本中心的排队号。", "centre", "OTHER_CENTRE")
    query = QueueTicket.filter(centre_id=centre.id, day=today())
    if states:
        query = query.filter(state__in=list(states))
    rows = await query.limit(1000)
    return sorted(rows, key=lambda t: (t.state is not TicketState.WAITING, sort_key(t)))


def may_read(principal: Principal, ticket: QueueTicket) -> bool:
    if principal.resident_id is not None:
        return ticket.resident_id == principal.resident_id
    return principal.is_staff and principal.acts_at_centre(ticket.centre_id)


@dataclass(frozen=True)
class Position:
    ahead: int
    estimated_wait_minutes: int


async def waiting_ahead(ticket: QueueTicket) -> int:
    """How many waiting tickets of its queue will be called before it (0 once called)."""
    if ticket.state is not TicketState.WAITING:
        return 0
    waiting = await QueueTicket.filter(
        line_id=ticket.line_id, day=ticket.day, state=TicketState.WAITING
    ).only("id", "priority", "booked_on_time", "rank_at")
    mine = sort_key(ticket)
    return sum(1 for other in waiting if sort_key(other) < mine)
