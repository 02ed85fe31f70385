"""Booking events: durable, on the resident's stream (`resident:<id>`, the one the
resident's `myUpdates` subscription follows) and the centre's (`centre:<id>`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Self

from backend.bookings.models import Booking, BookingState
from backend.platform.broker import Message
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
