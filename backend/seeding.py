"""Load the data files in seed/ through the domain services. Loading twice changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from backend.centres import service as centres_service
from backend.matters import service as matters_service


def read_seed(seed_dir: Path, name: str) -> Any:
    with (seed_dir / name).open(encoding="utf-8") as handle:
        return json.load(handle)


async def load_seed(seed_dir: Path) -> dict[str, dict[str, int]]:
    catalogue = await matters_service.load_catalogue(
        read_seed(seed_dir, "departments.json"), read_seed(seed_dir, "matters.json")
    )
    centres = await centres_service.load_centres(read_seed(seed_dir, "centres.json"))
    return {"catalogue": catalogue, "centres": centres}
