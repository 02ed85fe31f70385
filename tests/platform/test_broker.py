"""Pub/sub: Redis between app instances, memory inside one process."""

from __future__ import annotations

import asyncio
import uuid

from backend.platform.broker import RedisBroker, create_broker
from tests.conftest import REDIS_URL


async def test_redis_broker_carries_events_between_instances() -> None:
    channel = f"test:{uuid.uuid4()}"
    instance_a, instance_b = RedisBroker(REDIS_URL), RedisBroker(REDIS_URL)
    await instance_a.connect()
    await instance_b.connect()
    try:
        async with instance_b.subscribe(channel) as messages:
            # No waiting: the subscription is live once `subscribe` is entered.
            await instance_a.publish(channel, {"case": "MZ001-1", "status": "已受理"})
            received = await asyncio.wait_for(anext(messages), timeout=5)
        assert received == {"case": "MZ001-1", "status": "已受理"}
    finally:
        await instance_a.disconnect()
        await instance_b.disconnect()


async def test_memory_broker_fans_out_within_the_process() -> None:
    broker = create_broker(None)
    assert not broker.is_redis
    await broker.connect()
    try:
        async with broker.subscribe("c") as first, broker.subscribe("c") as second:
            await broker.publish("c", {"n": 1})
            got = await asyncio.wait_for(asyncio.gather(anext(first), anext(second)), timeout=5)
        assert got == [{"n": 1}, {"n": 1}]
    finally:
        await broker.disconnect()
