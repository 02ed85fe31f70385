from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import strawberry
from strawberry import relay

from backend.bookings import access, codes, models, qr, queue, service, waits
from backend.bookings.loaders import load_bookings, load_queue_lines, load_tickets
from backend.centres.loaders import load_centres
from backend.centres.types import Centre
from backend.graphql.context import Info
from backend.graphql.inputs import text_field
from backend.graphql.payloads import MutationError
from backend.graphql.relay import visible_nodes
from backend.matters.loaders import load_matters
from backend.matters.types import Matter

strawberry.enum(
    models.BookingState,
    description="BOOKED 已预约, CHECKED_IN 已签到, CANCELLED 已取消, "
    "CANCELLED_BY_CENTRE 中心取消 (opening hours changed), NO_SHOW 爽约.",
)


@strawberry.type(description="A bookable slot and the seats left in it.")
class AvailableSlot:
    start: dt.datetime
    end: dt.datetime
    capacity: int
    seats_left: int


@strawberry.type(description="An appointment (网上预约) at a centre for one matter.")
class Booking(relay.Node):
    id: relay.NodeID[int]
    state: models.BookingState
    state_name: str = strawberry.field(description="The state, in Chinese.")
    start: dt.datetime
    end: dt.datetime
    created_at: dt.datetime
    cancelled_at: dt.datetime | None
    checked_in_at: dt.datetime | None
    row: strawberry.Private[models.Booking]

    @classmethod
    def from_model(cls, booking: models.Booking) -> Booking:
        return cls(
            id=booking.id,
            state=booking.state,
            state_name=service.STATE_NAMES[booking.state],
            start=booking.starts_at,
            end=booking.ends_at,
            created_at=booking.created_at,
            cancelled_at=booking.cancelled_at,
            checked_in_at=booking.checked_in_at,
            row=booking,
        )

    @strawberry.field
    async def matter(self, info: Info) -> Matter:
        row = await info.context.loader(load_matters).load(self.row.matter_id)
        assert row is not None  # a foreign key
        return Matter.from_model(row)

    @strawberry.field
    async def centre(self, info: Info) -> Centre:
        row = await info.context.loader(load_centres).load(self.row.centre_id)
        assert row is not None
        return Centre.from_model(row)

    @strawberry.field(description="The code to show at the door (its owner only; null for others).")
    async def check_in_code(self, info: Info) -> str | None:
        if not access.is_owner(await info.context.principal(), self.row):
            return None
        return self.row.check_in_code

    @strawberry.field(
        description="The check-in code as a QR code, an SVG document (its owner only)."
    )
    async def check_in_qr_svg(self, info: Info) -> str | None:
        if not access.is_owner(await info.context.principal(), self.row):
            return None
        return qr.check_in_svg(self.row.check_in_code)

    @strawberry.field(description="The queue ticket issued when the booking was checked in.")
    async def ticket(self, info: Info) -> QueueTicket | None:
        row = await queue.ticket_of_booking(self.row.id)
        return QueueTicket.from_model(row) if row is not None else None

    @strawberry.field(
        description="The .ics calendar file of this booking (its owner, bearer token)."
    )
    def calendar_url(self) -> str:
        return f"/bookings/{self.row.id}.ics"

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Booking | None]:
        return await visible_nodes(
            info, node_ids, load_bookings, access.may_read, cls.from_model, "找不到该预约。"
        )


@strawberry.input(description="Book a slot.")
class BookSlotInput:
    centre_code: str
    matter_code: str
    start: dt.datetime = strawberry.field(
        description="The slot's start, as availableSlots gives it (Shanghai time)."
    )
    idempotency_key: str = strawberry.field(
        description="A key the app makes once per booking attempt (e.g. a UUID) and sends "
        "again on a retry: the retry returns the same booking and never books twice."
    )


@strawberry.input(description="Cancel a booking, until its slot starts.")
class CancelBookingInput:
    booking_id: strawberry.ID


@strawberry.input(
    description="Move a booking to another slot of the same centre and matter. If the new "
    "slot is full, the old booking stays as it was."
)
class RescheduleBookingInput:
    booking_id: strawberry.ID
    start: dt.datetime


@strawberry.input(
    description="Check a resident in at the door by their booking's code: issues their "
    "queue ticket."
)
class CheckInBookingInput:
    code: str = strawberry.field(
        description=f"The {codes.LENGTH}-character code, typed or scanned from the QR code."
    )
    priority: bool = strawberry.field(
        default=False,
        description="The clerk marks the ticket a priority one (绿色通道). Residents aged 70 "
        "or more by their verified birth date get priority anyway.",
    )


@strawberry.type
class BookingPayload:
    booking: Booking | None = None
    ticket: QueueTicket | None = strawberry.field(
        default=None, description="checkInBooking: the queue ticket issued."
    )
    errors: list[MutationError]


strawberry.enum(
    models.TicketState,
    description="WAITING 等候中, CALLED 已叫号 (at a window), FINISHED 已办结, SKIPPED 已过号.",
)
strawberry.enum(
    models.PriorityReason,
    description="AGE_70: 70 or older by the verified birth date; MARKED_BY_CLERK: a clerk "
    "marked it (绿色通道).",
)


@strawberry.type(
    description="A queue ticket (排队号) at a centre for one day, e.g. A012: the queue's "
    "letter and a number. Read by its resident and the staff of its centre."
)
class QueueTicket(relay.Node):
    id: relay.NodeID[int]
    number: str
    state: models.TicketState
    state_name: str = strawberry.field(description="The state, in Chinese.")
    priority: bool
    priority_reason: models.PriorityReason | None
    window: int | None = strawberry.field(description="The window it was called to.")
    recalls: int = strawberry.field(description="How often it was called again (重呼).")
    issued_at: dt.datetime
    called_at: dt.datetime | None
    finished_at: dt.datetime | None
    skipped_at: dt.datetime | None
    row: strawberry.Private[models.QueueTicket]

    @classmethod
    def from_model(cls, ticket: models.QueueTicket) -> QueueTicket:
        return cls(
            id=ticket.id,
            number=ticket.number,
            state=ticket.state,
            state_name=queue.STATE_NAMES[ticket.state],
            priority=ticket.priority,
            priority_reason=ticket.priority_reason,
            window=ticket.window,
            recalls=ticket.recalls,
            issued_at=ticket.issued_at,
            called_at=ticket.called_at,
            finished_at=ticket.finished_at,
            skipped_at=ticket.skipped_at,
            row=ticket,
        )

    @strawberry.field(description="The queue's letter (A, B ...).")
    async def queue_letter(self, info: Info) -> str:
        line = await info.context.loader(load_queue_lines).load(self.row.line_id)
        return line.letter if line else "?"

    @strawberry.field(description="The queue's name, in Chinese.")
    async def queue_name(self, info: Info) -> str:
        line = await info.context.loader(load_queue_lines).load(self.row.line_id)
        return line.name if line else ""

    @strawberry.field(description="How many waiting tickets of its queue are called before it.")
    async def ahead(self) -> int:
        return await queue.waiting_ahead(self.row)

    @strawberry.field(
        description="Estimated minutes until it is called: ahead x the queue's average "
        "service time (last N served) / the windows calling it; 0 once called."
    )
    async def estimated_wait_minutes(self) -> int:
        return await waits.estimate(self.row, await queue.waiting_ahead(self.row))

    @strawberry.field(description="The booking it was issued for (null for a walk-in).")
    async def booking(self, info: Info) -> Booking | None:
        if self.row.booking_id is None:
            return None
        row = await info.context.loader(load_bookings).load(self.row.booking_id)
        if row is None or not access.may_read(await info.context.principal(), row):
            return None
        return Booking.from_model(row)

    @strawberry.field
    async def centre(self, info: Info) -> Centre:
        row = await info.context.loader(load_centres).load(self.row.centre_id)
        assert row is not None
        return Centre.from_model(row)

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[QueueTicket | None]:
        return await visible_nodes(
            info, node_ids, load_tickets, queue.may_read, cls.from_model, "找不到该排队号。"
        )


@strawberry.type(description="A queue of a centre on the public board. No personal data.")
class QueueLineStatus:
    letter: str
    name: str
    waiting: int = strawberry.field(description="Tickets waiting in it now.")
    estimated_wait_minutes: int = strawberry.field(
        description="The wait of someone taking a number now."
    )
    average_service_minutes: float = strawberry.field(
        description="Mean service time of its last N served tickets."
    )


@strawberry.type(description="A call: a ticket number to a window (请 A012 号到 3 号窗口).")
class QueueCall:
    number: str
    queue_letter: str
    window: int
    called_at: dt.datetime
    recalls: int


@strawberry.type(
    description="The public call display (叫号屏) of a centre: ticket numbers only, nothing "
    "that names a person."
)
class QueueBoard:
    centre_code: str
    centre_name: str
    queues: list[QueueLineStatus]
    serving: list[QueueCall] = strawberry.field(description="Now serving, per window.")
    recent_calls: list[QueueCall] = strawberry.field(description="The last calls, newest first.")
    announcement: QueueCall | None = strawberry.field(
        default=None,
        description="queueBoard: the call (or recall) that caused this message, to be "
        "announced aloud; null for other changes and for the first message.",
    )
    updated_at: dt.datetime

    @classmethod
    def from_board(cls, board: waits.Board, announcement: QueueCall | None = None) -> QueueBoard:
        def call(c: waits.Call) -> QueueCall:
            return QueueCall(
                number=c.number,
                queue_letter=c.letter,
                window=c.window,
                called_at=c.called_at,
                recalls=c.recalls,
            )

        return cls(
            centre_code=board.centre.code,
            centre_name=board.centre.name,
            queues=[
                QueueLineStatus(
                    letter=s.line.letter,
                    name=s.line.name,
                    waiting=s.waiting,
                    estimated_wait_minutes=s.estimated_wait_minutes,
                    average_service_minutes=round(s.average_service_minutes, 1),
                )
                for s in board.lines
            ],
            serving=[call(c) for c in board.serving],
            recent_calls=[call(c) for c in board.recent],
            announcement=announcement,
            updated_at=board.at,
        )


@strawberry.input(description="A ticket for a resident without a booking (clerks of the centre).")
class IssueWalkInTicketInput:
    centre_code: str = text_field(16, required=True)
    queue: str | None = text_field(
        4, description="The queue's letter; or give matterCode and the queue is found."
    )
    matter_code: str | None = text_field(16)
    priority: bool = False
    priority_reason: models.PriorityReason | None = strawberry.field(
        default=None, description="Why priority (MARKED_BY_CLERK when priority and no reason)."
    )


@strawberry.input(description="Call the next ticket to a window (clerks of the centre).")
class CallNextInput:
    centre_code: str = text_field(16, required=True)
    window: int
    queues: list[str] | None = text_field(
        4, description="The letters of the queues this window serves (all when null)."
    )


@strawberry.input(description="Recall, skip or finish a called ticket (clerks of its centre).")
class TicketActionInput:
    ticket_id: strawberry.ID


@strawberry.type
class QueueTicketPayload:
    ticket: QueueTicket | None = None
    errors: list[MutationError]
