"""Live queue: the public call display and the resident's own place in line.

Both listen on the centre's public board channel (events.board_channel: ticket numbers and
windows only, never the `centre:<id>` stream), and recompute from the database on each
message, so a missed message is corrected by the next one and the first message is always
the current state (the listener is attached before the first read, nothing is lost in
between)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from backend.bookings import events, queue, waits
from backend.bookings.auth import MY_BOOKINGS
from backend.bookings.models import QueueTicket as TicketRow
from backend.bookings.models import TicketState
from backend.bookings.types import QueueBoard, QueueCall, QueueTicket
from backend.graphql.context import Info
from backend.graphql.inputs import text
from backend.graphql.permissions import requires

ANNOUNCED = ("CALL", "RECALL")


@strawberry.type
class BookingSubscriptions:
    @strawberry.subscription(
        description="The call display of a centre, live and anonymous: the whole board first, "
        "then again on every change; `announcement` is set when the change was a call or a "
        "recall (speak it: 请 A012 号到 3 号窗口). Ticket numbers only, no personal data."
    )
    async def queue_board(
        self, info: Info, centre: Annotated[str, text(16)]
    ) -> AsyncGenerator[QueueBoard, None]:
        found = await queue.centre_for_board(centre)
        listen = info.context.infra.events.listen(
            events.board_channel(found.id), events.QueueChanged.from_message
        )
        async with listen as changes:
            yield QueueBoard.from_board(await waits.board(found))
            async for change in changes:
                board = await waits.board(found)
                announcement = None
                if change.action in ANNOUNCED and change.window is not None:
                    letter = next(
                        (c.letter for c in board.recent if c.number == change.number),
                        change.number[:1],
                    )
                    recalls = next(
                        (c.recalls for c in board.recent if c.number == change.number), 0
                    )
                    announcement = QueueCall(
                        number=change.number,
                        queue_letter=letter,
                        window=change.window,
                        called_at=change.at,
                        recalls=recalls,
                    )
                yield QueueBoard.from_board(board, announcement)

    @strawberry.subscription(
        description="My ticket today, live: its state, window, how many are ahead and the "
        "estimated wait, first as it is, then on every change of its centre's queue; ends "
        "after it is finished or skipped. Yields null (and ends) when I have no ticket "
        "today: check in first (myUpdates tells when the booking is checked in).",
        extensions=[requires(MY_BOOKINGS)],
    )
    async def my_queue_position(self, info: Info) -> AsyncGenerator[QueueTicket | None, None]:
        principal = await info.context.principal()
        ticket = await queue.my_ticket(principal)
        if ticket is None:
            yield None
            return
        listen = info.context.infra.events.listen(
            events.board_channel(ticket.centre_id), events.QueueChanged.from_message
        )
        async with listen as changes:
            current = await TicketRow.get(id=ticket.id)
            yield QueueTicket.from_model(current)
            async for _ in changes:
                current = await TicketRow.get(id=ticket.id)
                info.context.clear_loaders()
                yield QueueTicket.from_model(current)
                if current.state in (TicketState.FINISHED, TicketState.SKIPPED):
                    return
