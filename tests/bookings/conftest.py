from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from backend.centres.models import HoursOverride


@pytest.fixture(autouse=True)
async def _forget_test_hours(database_url: str) -> AsyncIterator[None]:
    """Hours overrides a test makes are the seed's business afterwards: remove them, so a
    later `load_seed` in this worker finds exactly the seed's overrides."""
    last = await HoursOverride.all().order_by("-id").first()
    yield
    await HoursOverride.filter(id__gt=last.id if last else 0).delete()
