from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest

from backend.certificates.redeem import RedisRedeemer
from backend.certificates.service import REDEEMER_KEY
from backend.platform.infra import Infrastructure
from tests.conftest import REDIS_URL, worker_id


@pytest.fixture(scope="session", autouse=True)
async def redis_redemption(infrastructure: Infrastructure) -> AsyncIterator[RedisRedeemer]:
    """一次一验 on Redis in these tests, as production has it (the settings the process
    container was built from name no Redis, which would pick the database redeemer)."""
    redeemer = infrastructure.adapter(
        REDEEMER_KEY,
        lambda s: RedisRedeemer(REDIS_URL, f"tongban-test:{worker_id()}:{uuid.uuid4().hex[:8]}:"),
    )
    assert isinstance(redeemer, RedisRedeemer)
    yield redeemer
