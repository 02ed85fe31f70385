"""Background work on bookings, safe with any number of app instances running it at once.

- `mark_no_shows`: a booking not checked in by its slot's end plus the grace period
  becomes NO_SHOW. Each booking is taken by its own conditional UPDATE
  (`WHERE state = 'BOOKED'`): when two instances race for one booking, PostgreSQL makes the
  second wait for the first's commit and then finds the state changed, so it is marked,
  and its event written, exactly once. A resident with too many recent no-shows is
  suspended from booking.
- `cancel_unfit_bookings`: after a centre's hours changed (an override loaded by the
  seed), future bookings whose slot no longer lies inside the day's hours are cancelled
  by the centre; each resident gets a durable event and an SMS. Nothing else moves.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime, timedelta

from tortoise.expressions import F

from backend.bookings import events, slots
from backend.bookings.models import Booking, BookingHolder, BookingState, SlotCounter
from backend.centres import service as centres
from backend.centres.hours import hours_on
from backend.centres.loaders import load_hours_overrides
from backend.identity import residents
from backend.identity.sms import SmsMessage, sms_sender
from backend.matters import service as matters
from backend.platform import infra
from backend.platform.clock import now, to_shanghai
from backend.platform.events import record
from backend.platform.uow import unit_of_work

logger = logging.getLogger("tongban.bookings")
BATCH = 500


async def mark_no_shows(moment: datetime | None = None) -> int:
    """Mark every overdue booking NO_SHOW; returns how many this call marked."""
    settings = infra.current().settings
    moment = moment or now()
    deadline = moment - timedelta(minutes=settings.booking_no_show_grace_minutes)
    marked = 0
    while True:
        ids = await (
            Booking.filter(state=BookingState.BOOKED, ends_at__lte=deadline)
            .order_by("id")
            .limit(BATCH)
            .values_list("id", flat=True)
        )
        won_any = False
        for booking_id in ids:
            async with unit_of_work():
                won = await Booking.filter(id=booking_id, state=BookingState.BOOKED).update(
                    state=BookingState.NO_SHOW, no_show_at=moment
                )
                if won:
                    booking = await Booking.get(id=booking_id)
                    record(events.changed(booking, "NO_SHOW", moment))
                    await _suspend_if_due(booking.resident_id, moment)
            marked += won
            won_any = won_any or bool(won)
        if len(ids) < BATCH or not won_any:
            return marked


async def _suspend_if_due(resident_id: int, moment: datetime) -> None:
    settings = infra.current().settings
    since = moment - timedelta(days=settings.booking_no_show_window_days)
    recent = await Booking.filter(
        resident_id=resident_id, state=BookingState.NO_SHOW, no_show_at__gte=since
    ).count()
    if recent >= settings.booking_no_show_limit:
        until = moment + timedelta(days=settings.booking_suspension_days)
        await BookingHolder.bulk_create(
            [BookingHolder(resident_id=resident_id)], ignore_conflicts=True
        )
        await BookingHolder.filter(resident_id=resident_id).update(suspended_until=until)


async def cancel_unfit_bookings() -> list[int]:
    """Cancel future bookings that the centres' current hours no longer hold; the ids."""
    moment = now()
    future = await Booking.filter(state=BookingState.BOOKED, starts_at__gt=moment)
    by_centre: dict[int, list[Booking]] = defaultdict(list)
    for booking in future:
        by_centre[booking.centre_id].append(booking)
    centre_ids = sorted(by_centre)
    overrides = dict(zip(centre_ids, await load_hours_overrides(centre_ids), strict=True))
    cancelled: list[Booking] = []
    for centre_id in centre_ids:
        for booking in by_centre[centre_id]:
            start, end = to_shanghai(booking.starts_at), to_shanghai(booking.ends_at)
            hours = hours_on(booking.day, overrides[centre_id])
            if slots.fits(hours, slots.minute_of(start.time()), slots.minute_of(end.time())):
                continue
            async with unit_of_work():
                won = await Booking.filter(id=booking.id, state=BookingState.BOOKED).update(
                    state=BookingState.CANCELLED_BY_CENTRE, cancelled_at=moment
                )
                if won:
                    await SlotCounter.filter(id=booking.counter_id, taken__gt=0).update(
                        taken=F("taken") - 1
                    )
                    booking = await Booking.get(id=booking.id)
                    record(events.changed(booking, "CANCEL_BY_CENTRE", moment))
            if won:
                cancelled.append(booking)
    for booking in cancelled:
        await _tell_by_sms(booking)
    return [b.id for b in cancelled]


async def _tell_by_sms(booking: Booking) -> None:
    """The SMS after the commit; a failure is logged (ids only) and the cancellation stands."""
    try:
        phone = await residents.contact_phone(booking.resident_id)
        if phone is None:
            return
        centre = await centres.get_centre(booking.centre_id)
        matter = await matters.get_matter(booking.matter_id)
        start = to_shanghai(booking.starts_at)
        await sms_sender().send(
            SmsMessage(
                phone=phone,
                template="BOOKING_CANCELLED_BY_CENTRE",
                params={
                    "centre": centre.short_name,
                    "date": start.date().isoformat(),
                    "time": start.strftime("%H:%M"),
                    "matter": matter.name,
                },
            )
        )
    except Exception:
        logger.warning("SMS for cancelled booking %d not sent", booking.id, exc_info=False)
