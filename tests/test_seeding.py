"""Loading the whole seed (backend/seeding.py) twice changes nothing."""

from __future__ import annotations

from backend.centres.models import Centre, LocalOffering
from backend.matters.models import Department, Matter
from backend.seeding import load_seed
from tests.conftest import SEED_DIR


async def _counts() -> tuple[int, ...]:
    return (
        await Department.all().count(),
        await Matter.all().count(),
        await Centre.all().count(),
        await LocalOffering.all().count(),
    )


async def test_loading_twice_changes_nothing(database_url: str) -> None:
    # The session fixture has loaded the seed once already; tests of other modules may have
    # left bookings outside the seeded hours since, which a load cancels: settle them first.
    await load_seed(SEED_DIR)
    before = await _counts()
    again = await load_seed(SEED_DIR)
    assert again == {
        "catalogue": {"created": 0, "updated": 0},
        "centres": {"created": 0, "updated": 0},
        "booking_slots": {"created": 0, "updated": 0, "removed": 0},
        "queues": {"created": 0, "updated": 0, "removed": 0},
        "bookings_cancelled_by_centre": {"cancelled": 0},
        "population_registry": {"created": 0, "updated": 0},
        "demo_accounts": {"residents_created": 0, "staff_created": 0},
    }
    assert await _counts() == before
