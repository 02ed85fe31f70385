from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import strawberry
from strawberry import relay

from backend.bookings import access, codes, models, qr, service
from backend.bookings.loaders import load_bookings
from backend.centres.loaders import load_centres
from backend.centres.types import Centre
from backend.graphql.context import Info
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


@strawberry.input(description="Check a resident in at the door by their booking's code.")
class CheckInBookingInput:
    code: str = strawberry.field(
        description=f"The {codes.LENGTH}-character code, typed or scanned from the QR code."
    )


@strawberry.type
class BookingPayload:
    booking: Booking | None = None
    errors: list[MutationError]
