"""Load the data files in seed/ through the domain services. Loading twice changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from backend.bookings import jobs as bookings_jobs
from backend.bookings import seed as bookings_seed
from backend.centres import seed as centres_seed
from backend.identity import seed as identity_seed
from backend.matters import seed as matters_seed
from backend.platform import infra


def read_seed(seed_dir: Path, name: str) -> Any:
    with (seed_dir / name).open(encoding="utf-8") as handle:
        return json.load(handle)


async def load_seed(seed_dir: Path) -> dict[str, dict[str, int]]:
    catalogue = await matters_seed.load_catalogue(
        read_seed(seed_dir, "departments.json"), read_seed(seed_dir, "matters.json")
    )
    centres = await centres_seed.load_centres(read_seed(seed_dir, "centres.json"))
    loaded = {"catalogue": catalogue, "centres": centres}
    if (seed_dir / "booking_slots.json").exists():
        loaded["booking_slots"] = await bookings_seed.load_slot_rules(
            read_seed(seed_dir, "booking_slots.json")
        )
    if (seed_dir / "queues.json").exists():
        loaded["queues"] = await bookings_seed.load_queues(read_seed(seed_dir, "queues.json"))
    # Hours may have changed: bookings that no longer fit are cancelled by the centre.
    loaded["bookings_cancelled_by_centre"] = {
        "cancelled": len(await bookings_jobs.cancel_unfit_bookings())
    }
    return {**loaded, **await load_identity_seed(seed_dir)}


async def load_identity_seed(seed_dir: Path) -> dict[str, dict[str, int]]:
    """The population registry stand-in and, unless turned off, the demo accounts."""
    loaded: dict[str, dict[str, int]] = {}
    if (seed_dir / "population_registry.json").exists():
        loaded["population_registry"] = await identity_seed.load_population_registry(
            read_seed(seed_dir, "population_registry.json")
        )
    if infra.current().settings.seed_demo_accounts and (seed_dir / "staff.json").exists():
        loaded["demo_accounts"] = await identity_seed.load_demo_accounts(
            read_seed(seed_dir, "staff.json")
        )
    return loaded
