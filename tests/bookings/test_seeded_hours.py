"""An hours override that arrives through the seed (seed/centres.json) and closes a day:
the bookings of that day at that centre are cancelled by the centre, nothing else."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from backend.bookings import jobs as bookings_jobs
from backend.bookings import service
from backend.bookings.models import Booking, BookingState
from backend.platform.models import StreamEvent
from backend.seeding import load_seed
from tests.bookings.helpers import at, fresh_centre, new_resident, principal_of, workday_ahead
from tests.conftest import SEED_DIR


async def test_a_seeded_closure_cancels_that_days_bookings(
    database_url: str, tmp_path: Path
) -> None:
    # Bookings other tests left outside the seeded hours would be cancelled by the load too.
    await bookings_jobs.cancel_unfit_bookings()
    centre, neighbour = await fresh_centre(), await fresh_centre()
    resident, other = await new_resident(), await new_resident()
    day = workday_ahead()
    closed = await service.book(principal_of(resident), centre.code, "GA006", at(day, 9, 0), "k")
    elsewhere = await service.book(principal_of(other), neighbour.code, "GA006", at(day, 9, 0), "k")

    seed = tmp_path / "seed"
    shutil.copytree(SEED_DIR, seed)
    rows = json.loads((seed / "centres.json").read_text(encoding="utf-8"))
    for row in rows:
        if row["code"] == centre.code:
            row["hours_overrides"] = [{"date": day.isoformat(), "closed": True, "note": "停电"}]
    (seed / "centres.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    try:
        loaded = await load_seed(seed)
        assert loaded["bookings_cancelled_by_centre"] == {"cancelled": 1}
        assert (await Booking.get(id=closed.id)).state is BookingState.CANCELLED_BY_CENTRE
        assert (await Booking.get(id=elsewhere.id)).state is BookingState.BOOKED
        events = await StreamEvent.filter(stream=f"resident:{resident.id}")
        assert [e.payload["action"] for e in events] == ["BOOK", "CANCEL_BY_CENTRE"]
    finally:
        await load_seed(SEED_DIR)  # the real seed again: the override goes
