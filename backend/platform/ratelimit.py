"""Fixed-window rate limits: Redis when TONGBAN_REDIS_URL is set, in-process otherwise.

One primitive, `hit(key, limit, window)`: count this attempt in the current window and say
whether it is within the limit. A "once a minute" throttle is `limit=1, window=60`.

On Redis the count, the window's expiry and the remaining time are one MULTI/EXEC block
(SET NX EX, INCR, PTTL), so every instance shares one count and two racing attempts never
both see the last free slot. In process, nothing awaits between reading and writing.
"""

from __future__ import annotations

import math
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

from redis import asyncio as redis_asyncio

from backend.platform.errors import DomainError, ErrorCode


@dataclass(frozen=True)
class RateDecision:
    allowed: bool
    count: int
    retry_after: int  # seconds until the window resets


class RateLimiter(ABC):
    @abstractmethod
    async def hit(self, key: str, limit: int, window: int) -> RateDecision: ...

    @abstractmethod
    async def reset(self, key: str) -> None: ...

    async def close(self) -> None:  # noqa: B027 - optional hook
        pass


class MemoryRateLimiter(RateLimiter):
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._windows: dict[str, tuple[int, float]] = {}
        self._clock = clock

    async def hit(self, key: str, limit: int, window: int) -> RateDecision:
        now = self._clock()
        count, ends = self._windows.get(key, (0, 0.0))
        if ends <= now:
            count, ends = 0, now + window
        count += 1
        self._windows[key] = (count, ends)
        if len(self._windows) > 100_000:
            self._sweep(now)
        return RateDecision(count <= limit, count, max(1, math.ceil(ends - now)))

    async def reset(self, key: str) -> None:
        self._windows.pop(key, None)

    def _sweep(self, now: float) -> None:
        for key in [k for k, (_, ends) in self._windows.items() if ends <= now]:
            del self._windows[key]


class RedisRateLimiter(RateLimiter):
    def __init__(self, url: str, prefix: str) -> None:
        self._redis = redis_asyncio.Redis.from_url(url)
        self._prefix = f"{prefix}ratelimit:"

    async def hit(self, key: str, limit: int, window: int) -> RateDecision:
        name = self._prefix + key
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.set(name, 0, ex=window, nx=True)
            pipe.incr(name)
            pipe.pttl(name)
            _, count, ttl_ms = await pipe.execute()
        retry_after = max(1, math.ceil(ttl_ms / 1000)) if ttl_ms > 0 else window
        return RateDecision(int(count) <= limit, int(count), retry_after)

    async def reset(self, key: str) -> None:
        await self._redis.delete(self._prefix + key)

    async def close(self) -> None:
        await self._redis.aclose()


async def enforce(
    limiter: RateLimiter,
    key: str,
    limit: int,
    window: int,
    message: str,
    field: str | None = None,
) -> None:
    """Count an attempt; past the limit, refuse with RATE_LIMITED and `message`, which may
    say when to come back with {seconds} or {minutes}."""
    decision = await limiter.hit(key, limit, window)
    if not decision.allowed:
        raise DomainError(
            ErrorCode.RATE_LIMITED,
            message.format(
                seconds=decision.retry_after, minutes=max(1, decision.retry_after // 60)
            ),
            field,
        )
