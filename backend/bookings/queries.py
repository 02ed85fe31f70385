from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry

from backend.bookings import access, service
from backend.bookings.auth import MY_BOOKINGS
from backend.bookings.loaders import load_bookings
from backend.bookings.models import BookingState
from backend.bookings.types import AvailableSlot, Booking
from backend.graphql.context import Info
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
