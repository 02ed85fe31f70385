"""The day-before reminder of a booking, safe with any number of app instances.

From TONGBAN_BOOKING_REMINDER_HOUR (Shanghai time) on, every booking of the next day that
is still BOOKED and not reminded yet is taken by its own conditional UPDATE
(`SET reminded_at = now WHERE id = ? AND reminded_at IS NULL AND state = 'BOOKED'`): when
two instances race for one booking, PostgreSQL makes the second wait for the first's
commit and then finds `reminded_at` set, so each booking is reminded exactly once. The
reminder is a durable event on the resident's stream (`myUpdates` shows it live, or on the
next connection), and an SMS through identity's notify (the phone never leaves identity),
sent after the commit: a failed SMS is logged with ids only and the reminder stands.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from backend.bookings import events
from backend.bookings.models import Booking, BookingState
from backend.centres import service as centres
from backend.identity import notify
from backend.matters import service as matters
from backend.platform import infra
from backend.platform.clock import now, to_shanghai
from backend.platform.events import record
from backend.platform.uow import unit_of_work

logger = logging.getLogger("tongban.bookings")
BATCH = 500
SMS_TEMPLATE = "BOOKING_REMINDER"


async def remind_tomorrow(moment: datetime | None = None) -> list[int]:
    """Remind the bookings of the day after `moment` (Shanghai) not reminded yet; the ids
    this call reminded (none before the reminder hour)."""
    settings = infra.current().settings
    moment = moment or now()
    local = to_shanghai(moment)
    if local.hour < settings.booking_reminder_hour:
        return []
    tomorrow = local.date() + timedelta(days=1)
    reminded: list[Booking] = []
    while True:
        ids = await (
            Booking.filter(state=BookingState.BOOKED, day=tomorrow, reminded_at=None)
            .order_by("id")
            .limit(BATCH)
            .values_list("id", flat=True)
        )
        won_any = False
        for booking_id in ids:
            async with unit_of_work():
                won = await Booking.filter(
                    id=booking_id, state=BookingState.BOOKED, reminded_at=None
                ).update(reminded_at=moment)
                if won:
                    booking = await Booking.get(id=booking_id)
                    record(
                        events.BookingReminder(
                            booking_id=booking.id,
                            resident_id=booking.resident_id,
                            starts_at=booking.starts_at,
                            at=moment,
                        )
                    )
                    reminded.append(booking)
                    won_any = True
        if len(ids) < BATCH or not won_any:
            break
    for booking in reminded:
        await _text(booking)
    return [b.id for b in reminded]


async def _text(booking: Booking) -> None:
    try:
        centre = await centres.get_centre(booking.centre_id)
        matter = await matters.get_matter(booking.matter_id)
        start = to_shanghai(booking.starts_at)
        await notify.text_resident(
            booking.resident_id,
            SMS_TEMPLATE,
            {
                "centre": centre.short_name,
                "date": start.date().isoformat(),
                "time": start.strftime("%H:%M"),
                "matter": matter.name,
            },
        )
    except Exception:
        logger.warning("reminder SMS for booking %d not sent", booking.id, exc_info=False)
