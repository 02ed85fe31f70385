"""/healthz tells a load balancer the truth: 503 when a dependency does not answer."""

from __future__ import annotations

import httpx

from backend.app import create_app
from backend.platform.broker import RedisBroker
from backend.platform.infra import Infrastructure
from backend.settings import get_settings
from tests.conftest import REDIS_URL


async def _health(broker: RedisBroker) -> httpx.Response:
    # The database is the test session's, already connected; the broker is this test's.
    container = Infrastructure(get_settings(), broker=broker)
    app = create_app(infrastructure=container)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get("/healthz")
    finally:
        await container.stop()


async def test_healthy_with_postgres_and_redis(database_url: str) -> None:
    broker = RedisBroker(REDIS_URL)
    await broker.connect()  # healthy means its listener is connected, not just Redis up
    response = await _health(broker)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "redis"}


async def test_unreachable_redis_is_503(database_url: str) -> None:
    response = await _health(RedisBroker("redis://127.0.0.1:1/0"))
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "broker": "error"}
