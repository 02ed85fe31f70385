"""Booking and queue events. Booking events are durable, on the resident's stream
(`resident:<id>`, the one the resident's `myUpdates` subscription follows) and the
centre's (`centre:<id>`). Queue events for the hall's display go on a public channel of
their own (`board_channel`), the resident's own ticket on their stream."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Self

from backend.bookings.models import Booking, BookingState
from backend.platform.broker import Message
from backend.platform.events import Event
from backend.platform.streams import DurableEvent

BOOKING_CHANGED = "booking.changed"


@dataclass(frozen=True)
class BookingChanged(DurableEvent):
    """A booking was made, moved, cancelled (by the resident or the centre), checked in or
    marked a no-show. Ids, states and times only: no personal data, no check-in code."""

    booking_id: int
    resident_id: int
    centre_id: int
    action: str  # BOOK, RESCHEDULE, CANCEL, CANCEL_BY_CENTRE, CHECK_IN, NO_SHOW
    state: BookingState
    starts_at: datetime
    at: datetime

    @property
    def kind(self) -> str:
        return BOOKING_CHANGED

    @property
    def streams(self) -> Sequence[str]:
        return [f"resident:{self.resident_id}", f"centre:{self.centre_id}"]

    def to_message(self) -> Message:
        return {
            "bookingId": self.booking_id,
            "residentId": self.resident_id,
            "centreId": self.centre_id,
            "action": self.action,
            "state": self.state.value,
            "startsAt": self.starts_at.isoformat(),
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_message(cls, message: Message) -> Self:
        return cls(
            booking_id=int(message["bookingId"]),
            resident_id=int(message["residentId"]),
            centre_id=int(message["centreId"]),
            action=str(message["action"]),
            state=BookingState(message["state"]),
            starts_at=datetime.fromisoformat(message["startsAt"]),
            at=datetime.fromisoformat(message["at"]),
        )


def changed(booking: Booking, action: str, at: datetime) -> BookingChanged:
    return BookingChanged(
        booking_id=booking.id,
        resident_id=booking.resident_id,
        centre_id=booking.centre_id,
        action=action,
        state=booking.state,
        starts_at=booking.starts_at,
        at=at,
    )


QUEUE_TICKET_CHANGED = "queue.ticket"
BOOKING_REMINDER = "booking.reminder"


def board_channel(centre_id: int) -> str:
    """The public channel of a centre's call display: ticket numbers and windows only.
    Never the `centre:<id>` stream, which carries case and booking events with ids."""
    return f"queue.board.{centre_id}"


@dataclass(frozen=True)
class QueueChanged(Event):
    """Something moved in a centre's queue (ISSUE, CALL, RECALL, SKIP, FINISH). Public:
    what the hall's display shows anyway, nothing that names a person."""

    centre_id: int
    action: str
    number: str
    window: int | None
    at: datetime

    @property
    def channel(self) -> str:
        return board_channel(self.centre_id)

    def to_message(self) -> Message:
        return {
            "centreId": self.centre_id,
            "action": self.action,
            "number": self.number,
            "window": self.window,
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_message(cls, message: Message) -> Self:
        window = message.get("window")
        return cls(
            centre_id=int(message["centreId"]),
            action=str(message["action"]),
            number=str(message["number"]),
            window=int(window) if window is not None else None,
            at=datetime.fromisoformat(message["at"]),
        )


@dataclass(frozen=True)
class QueueTicketChanged(DurableEvent):
    """The resident's own ticket was issued, called (to which window), recalled, skipped or
    finished: on their stream, so `myUpdates` shows it even when the app was closed."""

    ticket_id: int
    resident_id: int
    number: str
    action: str
    state: str
    window: int | None
    at: datetime

    @property
    def kind(self) -> str:
        return QUEUE_TICKET_CHANGED

    @property
    def streams(self) -> Sequence[str]:
        return [f"resident:{self.resident_id}"]

    def to_message(self) -> Message:
        return {
            "ticketId": self.ticket_id,
            "residentId": self.resident_id,
            "number": self.number,
            "action": self.action,
            "state": self.state,
            "window": self.window,
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_message(cls, message: Message) -> Self:
        window = message.get("window")
        return cls(
            ticket_id=int(message["ticketId"]),
            resident_id=int(message["residentId"]),
            number=str(message["number"]),
            action=str(message["action"]),
            state=str(message["state"]),
            window=int(window) if window is not None else None,
            at=datetime.fromisoformat(message["at"]),
        )


@dataclass(frozen=True)
class BookingReminder(DurableEvent):
    """The day-before reminder of a booking, on the resident's stream only."""

    booking_id: int
    resident_id: int
    starts_at: datetime
    at: datetime

    @property
    def kind(self) -> str:
        return BOOKING_REMINDER

    @property
    def streams(self) -> Sequence[str]:
        return [f"resident:{self.resident_id}"]

    def to_message(self) -> Message:
        return {
            "bookingId": self.booking_id,
            "residentId": self.resident_id,
            "startsAt": self.starts_at.isoformat(),
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_message(cls, message: Message) -> Self:
        return cls(
            booking_id=int(message["bookingId"]),
            resident_id=int(message["residentId"]),
            starts_at=datetime.fromisoformat(message["startsAt"]),
            at=datetime.fromisoformat(message["at"]),
        )
