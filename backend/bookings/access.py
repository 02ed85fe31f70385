"""Row rules of the bookings domain. A resident sees and changes their own bookings; staff
see the bookings of their centre (admins: all), and check in only at their own centre."""

from __future__ import annotations

from tortoise.queryset import QuerySet

from backend.bookings.models import Booking
from backend.platform.principal import Principal


def mine(principal: Principal) -> QuerySet[Booking]:
    if principal.resident_id is None:
        return Booking.filter(id=-1)
    return Booking.filter(resident_id=principal.resident_id)


def may_read(principal: Principal, booking: Booking) -> bool:
    if principal.resident_id is not None:
        return booking.resident_id == principal.resident_id
    return principal.is_staff and principal.acts_at_centre(booking.centre_id)


def is_owner(principal: Principal, booking: Booking) -> bool:
    return principal.resident_id is not None and booking.resident_id == principal.resident_id


def checks_in_at(principal: Principal) -> int | None:
    """The centre where `principal` checks residents in: a clerk's or head's own centre."""
    if principal.is_staff and not principal.is_admin:
        return principal.centre_id
    return None
