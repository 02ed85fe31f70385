"""Wait estimates and the public board of a centre's queues.

The estimate for a queue (documented in docs/architecture.md):

    average service = mean of (finished_at - called_at) over the queue's last N finished
                      tickets (N = TONGBAN_QUEUE_SERVICE_SAMPLE; before any history,
                      TONGBAN_QUEUE_DEFAULT_SERVICE_MINUTES)
    windows         = the windows that called a ticket of the queue in the last
                      TONGBAN_QUEUE_ACTIVE_WINDOW_MINUTES (at least 1)
    wait(ahead)     = ceil(ahead x average service / windows)  minutes

A resident's `ahead` is the number of waiting tickets of their queue that will be called
before theirs; the board's estimate for a queue is the wait of someone taking a number
now (ahead = everyone waiting in it).

The board carries ticket numbers, queue letters and names, windows and times only: it is
public (the hall's TV), so nothing in it names or identifies a person.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from backend.bookings.models import QueueLine, QueueTicket, TicketState
from backend.bookings.queue import lines_of, today
from backend.centres.models import Centre
from backend.platform import infra
from backend.platform.clock import now


@dataclass(frozen=True)
class LineRate:
    average_service_minutes: float
    windows: int

    def wait(self, ahead: int) -> int:
        return math.ceil(ahead * self.average_service_minutes / self.windows)


async def line_rate(line_id: int, moment: datetime | None = None) -> LineRate:
    settings = infra.current().settings
    moment = moment or now()
    served = await (
        QueueTicket.filter(line_id=line_id, state=TicketState.FINISHED)
        .exclude(called_at=None)
        .order_by("-finished_at")
        .limit(settings.queue_service_sample)
        .values_list("called_at", "finished_at")
    )
    minutes = [
        (finished - called).total_seconds() / 60
        for called, finished in served
        if called is not None and finished is not None
    ]
    average = sum(minutes) / len(minutes) if minutes else settings.queue_default_service_minutes
    since = moment - timedelta(minutes=settings.queue_active_window_minutes)
    windows = await (
        QueueTicket.filter(line_id=line_id, called_at__gte=since)
        .exclude(window=None)
        .distinct()
        .values_list("window", flat=True)
    )
    return LineRate(max(average, 0.0), max(len(set(windows)), 1))


async def estimate(ticket: QueueTicket, ahead: int) -> int:
    if ticket.state is not TicketState.WAITING:
        return 0
    return (await line_rate(ticket.line_id)).wait(ahead)


@dataclass(frozen=True)
class LineStatus:
    line: QueueLine
    waiting: int
    estimated_wait_minutes: int
    average_service_minutes: float


@dataclass(frozen=True)
class Call:
    number: str
    letter: str
    window: int
    called_at: datetime
    recalls: int


@dataclass
class Board:
    centre: Centre
    lines: list[LineStatus]
    serving: list[Call]
    recent: list[Call]
    at: datetime


async def board(centre: Centre) -> Board:
    """The centre's queues today: waiting counts and estimates, now serving per window,
    the last calls."""
    settings = infra.current().settings
    moment = now()
    day = today()
    lines = await lines_of(centre.id)
    letters = {line.id: line.letter for line in lines}
    waiting_by_line: dict[int, int] = defaultdict(int)
    waiting_lines: list[int] = await QueueTicket.filter(
        centre_id=centre.id, day=day, state=TicketState.WAITING
    ).values_list("line_id", flat=True)  # type: ignore[assignment]
    for line_id in waiting_lines:
        waiting_by_line[line_id] += 1
    statuses = []
    for line in lines:
        rate = await line_rate(line.id, moment)
        count = waiting_by_line[line.id]
        statuses.append(LineStatus(line, count, rate.wait(count), rate.average_service_minutes))
    called = await (
        QueueTicket.filter(centre_id=centre.id, day=day)
        .exclude(called_at=None)
        .order_by("-called_at", "-id")
        .limit(max(settings.queue_recent_calls, 1))
        .only("id", "number", "line_id", "window", "called_at", "recalls")
    )
    now_serving = await (
        QueueTicket.filter(centre_id=centre.id, day=day, state=TicketState.CALLED)
        .order_by("window")
        .only("id", "number", "line_id", "window", "called_at", "recalls")
    )

    def call_of(ticket: QueueTicket) -> Call:
        assert ticket.window is not None and ticket.called_at is not None
        return Call(
            ticket.number,
            letters.get(ticket.line_id, "?"),
            ticket.window,
            ticket.called_at,
            ticket.recalls,
        )

    return Board(
        centre=centre,
        lines=statuses,
        serving=[call_of(t) for t in now_serving if t.window is not None],
        recent=[call_of(t) for t in called if t.window is not None],
        at=moment,
    )
