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


async def _heap(
    infrastructure: Infrastructure, client: str, *, diagnostics: bool
) -> httpx.Response:
    settings = get_settings().model_copy(
        update={"migrate_on_start": False, "seed_on_start": False, "diagnostics": diagnostics}
    )
    app = create_app(settings, infrastructure=infrastructure)
    transport = httpx.ASGITransport(app=app, client=(client, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        return await http.get("/debug/heap")


async def test_heap_diagnostics_only_when_enabled_and_only_on_loopback(
    database_url: str, infrastructure: Infrastructure
) -> None:
    answer = await _heap(infrastructure, "127.0.0.1", diagnostics=True)
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "no-store"
    heap = answer.json()
    assert heap["allocatedBlocks"] > 0 and heap["trackedObjects"] > 0
    assert heap["websocketConnections"] == 0

    # From anywhere else, nothing; and off (the default), the route does not exist.
    assert (await _heap(infrastructure, "203.0.113.9", diagnostics=True)).status_code == 404
    off = await _heap(infrastructure, "127.0.0.1", diagnostics=False)
    assert "allocatedBlocks" not in off.text
