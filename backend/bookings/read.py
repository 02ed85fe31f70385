"""What other domains may read about bookings, without touching the bookings tables."""

from __future__ import annotations

from backend.bookings.models import Booking


async def resident_bookings_export(resident_id: int) -> list[dict[str, object]]:
    """Every booking of a resident, for their own data download (我的数据)."""
    rows = await (
        Booking.filter(resident_id=resident_id)
        .order_by("id")
        .values(
            "day",
            "starts_at",
            "ends_at",
            "state",
            "created_at",
            "cancelled_at",
            "checked_in_at",
            "no_show_at",
            centre="centre__name",
            matter_code="matter__code",
            matter_name="matter__name",
        )
    )
    return [dict(row) for row in rows]
