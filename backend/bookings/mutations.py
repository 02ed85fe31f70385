from __future__ import annotations

import strawberry

from backend.bookings import queue, service
from backend.bookings.auth import BOOK, CHECK_IN, MY_BOOKINGS
from backend.bookings.types import (
    Booking,
    BookingPayload,
    BookSlotInput,
    CallNextInput,
    CancelBookingInput,
    CheckInBookingInput,
    IssueWalkInTicketInput,
    QueueTicket,
    QueueTicketPayload,
    RescheduleBookingInput,
    TicketActionInput,
)
from backend.graphql.context import Info
from backend.graphql.payloads import mutation
from backend.graphql.permissions import requires
from backend.graphql.relay import decode_global_id


@strawberry.type
class BookingMutations:
    @mutation(
        description="Book a slot (real-name verified residents). A retry with the same "
        "idempotencyKey returns the same booking. Follow changes with myUpdates.",
        extensions=[requires(BOOK)],
    )
    async def book_slot(self, info: Info, input: BookSlotInput) -> BookingPayload:
        booking = await service.book(
            await info.context.principal(),
            input.centre_code,
            input.matter_code,
            input.start,
            input.idempotency_key,
        )
        return BookingPayload(booking=Booking.from_model(booking), errors=[])

    @mutation(
        description="Cancel my booking, until its slot starts.",
        extensions=[requires(MY_BOOKINGS)],
    )
    async def cancel_booking(self, info: Info, input: CancelBookingInput) -> BookingPayload:
        booking = await service.cancel(
            await info.context.principal(), decode_global_id(input.booking_id, "Booking")
        )
        return BookingPayload(booking=Booking.from_model(booking), errors=[])

    @mutation(
        description="Move my booking to another slot, until its slot starts; a full new "
        "slot leaves the booking as it was.",
        extensions=[requires(BOOK)],
    )
    async def reschedule_booking(self, info: Info, input: RescheduleBookingInput) -> BookingPayload:
        booking = await service.reschedule(
            await info.context.principal(),
            decode_global_id(input.booking_id, "Booking"),
            input.start,
        )
        return BookingPayload(booking=Booking.from_model(booking), errors=[])

    @mutation(
        description="Check a resident in by their booking's code: a clerk of the booked "
        "centre, on the booked day. Issues the resident's queue ticket (payload.ticket).",
        extensions=[requires(CHECK_IN)],
    )
    async def check_in_booking(self, info: Info, input: CheckInBookingInput) -> BookingPayload:
        booking, ticket = await service.check_in_with_ticket(
            await info.context.principal(), input.code, input.priority, info.context.meta
        )
        return BookingPayload(
            booking=Booking.from_model(booking), ticket=QueueTicket.from_model(ticket), errors=[]
        )

    @mutation(
        description="Issue a queue ticket to a resident without a booking (clerks of the "
        "centre), for a queue by its letter or for a matter.",
        extensions=[requires(CHECK_IN)],
    )
    async def issue_walk_in_ticket(
        self, info: Info, input: IssueWalkInTicketInput
    ) -> QueueTicketPayload:
        ticket = await queue.issue_walk_in(
            await info.context.principal(),
            input.centre_code,
            input.queue,
            input.matter_code,
            input.priority,
            input.priority_reason,
            info.context.meta,
        )
        return QueueTicketPayload(ticket=QueueTicket.from_model(ticket), errors=[])

    @mutation(
        description="Call the next ticket to my window: priority first, then bookings "
        "checked in on time, then by arrival. The ticket called before at that window is "
        "finished. Two clerks calling at once never get the same ticket.",
        extensions=[requires(CHECK_IN)],
    )
    async def call_next(self, info: Info, input: CallNextInput) -> QueueTicketPayload:
        ticket = await queue.call_next(
            await info.context.principal(),
            input.centre_code,
            input.window,
            input.queues,
            info.context.meta,
        )
        return QueueTicketPayload(ticket=QueueTicket.from_model(ticket), errors=[])

    @mutation(
        description="Call a called ticket again (重呼), to the same window.",
        extensions=[requires(CHECK_IN)],
    )
    async def recall_ticket(self, info: Info, input: TicketActionInput) -> QueueTicketPayload:
        ticket = await queue.recall(
            await info.context.principal(),
            decode_global_id(input.ticket_id, "QueueTicket"),
            info.context.meta,
        )
        return QueueTicketPayload(ticket=QueueTicket.from_model(ticket), errors=[])

    @mutation(
        description="The called resident did not come (过号).",
        extensions=[requires(CHECK_IN)],
    )
    async def skip_ticket(self, info: Info, input: TicketActionInput) -> QueueTicketPayload:
        ticket = await queue.skip(
            await info.context.principal(),
            decode_global_id(input.ticket_id, "QueueTicket"),
            info.context.meta,
        )
        return QueueTicketPayload(ticket=QueueTicket.from_model(ticket), errors=[])

    @mutation(
        description="The called resident was served (办结).",
        extensions=[requires(CHECK_IN)],
    )
    async def finish_ticket(self, info: Info, input: TicketActionInput) -> QueueTicketPayload:
        ticket = await queue.finish(
            await info.context.principal(),
            decode_global_id(input.ticket_id, "QueueTicket"),
            info.context.meta,
        )
        return QueueTicketPayload(ticket=QueueTicket.from_model(ticket), errors=[])
