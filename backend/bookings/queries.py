from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from backend.bookings import access, queue, service, waits
from backend.bookings.auth import CHECK_IN, MY_BOOKINGS
from backend.bookings.loaders import load_bookings
from backend.bookings.models import BookingState, TicketState
from backend.bookings.types import AvailableSlot, Booking, QueueBoard, QueueTicket
from backend.graphql.context import Info
from backend.graphql.inputs import text
from backend.graphql.permissions import requires
from backend.graphql.relay import CountedConnection, build_connection, paginate_queryset


@strawberry.type
class BookingQueries:
    @strawberry.field(
        description="Slots of a centre for a matter that can be booked now (from 30 minutes "
        "to 7 days ahead), day by day from `from` to `to` (at most 8 days), with the seats "
        "left in each; a closed day has none."
    )
    async def available_slots(
        self,
        centre_code: str,
        matter_code: str,
        from_: Annotated[dt.date, strawberry.argument(name="from")],
        to: dt.date,
    ) -> list[AvailableSlot]:
        found = await service.available_slots(centre_code, matter_code, from_, to)
        return [
            AvailableSlot(
                start=s.starts_at, end=s.ends_at, capacity=s.capacity, seats_left=s.seats_left
            )
            for s in found
        ]

    @strawberry.field(
        description="My bookings (我的预约), latest slot first.",
        extensions=[requires(MY_BOOKINGS)],
    )
    async def my_bookings(
        self,
        info: Info,
        states: list[BookingState] | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> CountedConnection[Booking]:
        queryset = access.mine(await info.context.principal())
        if states:
            queryset = queryset.filter(state__in=list(states))
        rows, start, end, total = await paginate_queryset(
            queryset.order_by("-starts_at", "-id"), first=first, after=after
        )
        for row in rows:
            info.context.loader(load_bookings).prime(row.id, row)
        return build_connection(
            [Booking.from_model(r) for r in rows], start=start, end=end, total=total
        )

    @strawberry.field(
        description="The public call display (叫号屏) of a centre: waiting count and estimated "
        "wait per queue, now serving per window, the last calls. Anyone may read it: ticket "
        "numbers only, no personal data. Follow it live with the queueBoard subscription."
    )
    async def queue_status(self, centre: Annotated[str, text(16)]) -> QueueBoard:
        found = await queue.centre_for_board(centre)
        return QueueBoard.from_board(await waits.board(found))

    @strawberry.field(
        description="My queue ticket today (waiting or called), or null. Follow it live with "
        "myQueuePosition.",
        extensions=[requires(MY_BOOKINGS)],
    )
    async def my_queue_ticket(self, info: Info) -> QueueTicket | None:
        row = await queue.my_ticket(await info.context.principal())
        return QueueTicket.from_model(row) if row is not None else None

    @strawberry.field(
        description="Today's tickets of a centre, waiting ones first in call order (its staff).",
        extensions=[requires(CHECK_IN)],
    )
    async def centre_queue(
        self,
        info: Info,
        centre: Annotated[str, text(16)],
        states: list[TicketState] | None = None,
    ) -> list[QueueTicket]:
        rows = await queue.centre_tickets(await info.context.principal(), centre, states)
        return [QueueTicket.from_model(r) for r in rows]
