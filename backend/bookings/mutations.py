from __future__ import annotations

import strawberry

from backend.bookings import service
from backend.bookings.auth import BOOK, CHECK_IN, MY_BOOKINGS
from backend.bookings.types import (
    Booking,
    BookingPayload,
    BookSlotInput,
    CancelBookingInput,
    CheckInBookingInput,
    RescheduleBookingInput,
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
        "centre, on the booked day.",
        extensions=[requires(CHECK_IN)],
    )
    async def check_in_booking(self, info: Info, input: CheckInBookingInput) -> BookingPayload:
        booking = await service.check_in(
            await info.context.principal(), input.code, info.context.meta
        )
        return BookingPayload(booking=Booking.from_model(booking), errors=[])
