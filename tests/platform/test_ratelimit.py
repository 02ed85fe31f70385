"""Rate limits: one interface, Redis (shared, atomic) and in-process."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest

from backend.platform.ratelimit import (
    MemoryRateLimiter,
    ProgressiveDelay,
    RateLimiter,
    RedisRateLimiter,
)
from tests.conftest import REDIS_URL


@pytest.fixture(params=["redis", "memory"])
async def limiter(request: pytest.FixtureRequest) -> AsyncIterator[RateLimiter]:
    if request.param == "redis":
        redis_limiter = RedisRateLimiter(REDIS_URL, f"tongban-test:rl:{uuid.uuid4().hex}:")
        yield redis_limiter
        await redis_limiter.close()
    else:
        yield MemoryRateLimiter()


async def test_counts_within_a_window_then_refuses(limiter: RateLimiter) -> None:
    decisions = [await limiter.hit("k", 3, 60) for _ in range(5)]
    assert [d.allowed for d in decisions] == [True, True, True, False, False]
    assert [d.count for d in decisions] == [1, 2, 3, 4, 5]
    assert 55 <= decisions[-1].retry_after <= 60
    assert (await limiter.hit("other", 3, 60)).allowed
    await limiter.reset("k")
    assert (await limiter.hit("k", 3, 60)).count == 1


async def test_the_window_expires(limiter: RateLimiter) -> None:
    assert (await limiter.hit("w", 1, 1)).allowed
    assert not (await limiter.hit("w", 1, 1)).allowed
    await asyncio.sleep(1.1)
    assert (await limiter.hit("w", 1, 1)).allowed


async def test_racing_attempts_never_share_the_last_slot(limiter: RateLimiter) -> None:
    decisions = await asyncio.gather(*(limiter.hit("race", 5, 60) for _ in range(50)))
    assert sum(d.allowed for d in decisions) == 5
    assert sorted(d.count for d in decisions) == list(range(1, 51))


async def test_two_redis_limiters_share_one_count() -> None:
    prefix = f"tongban-test:rl:{uuid.uuid4().hex}:"
    first, second = RedisRateLimiter(REDIS_URL, prefix), RedisRateLimiter(REDIS_URL, prefix)
    try:
        assert (await first.hit("shared", 1, 60)).allowed
        assert not (await second.hit("shared", 1, 60)).allowed
        other = RedisRateLimiter(REDIS_URL, prefix + "x:")
        assert (await other.hit("shared", 1, 60)).allowed  # prefixes isolate
        await other.close()
    finally:
        await first.close()
        await second.close()


def test_a_progressive_delay_is_free_then_doubles_up_to_its_ceiling() -> None:
    slowdown = ProgressiveDelay(free=3, first=0.5, doubling_every=2, ceiling=3.0, window=60)
    delays = [slowdown.delay_for(count) for count in range(1, 12)]
    assert delays == [0.0, 0.0, 0.0, 0.5, 0.5, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0]
    assert slowdown.delay_for(10**9) == 3.0


async def test_a_progressive_delay_counts_every_attempt_and_never_refuses(
    limiter: RateLimiter,
) -> None:
    slowdown = ProgressiveDelay(free=2, first=1.0, doubling_every=1, ceiling=60.0, window=60)
    delays = [await slowdown.hit(limiter, "slow") for _ in range(6)]
    assert delays == [0.0, 0.0, 1.0, 2.0, 4.0, 8.0]
    assert (await limiter.hit("slow", 100, 60)).count == 7
