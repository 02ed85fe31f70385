"""Fixed-window rate limits: Redis when TONGBAN_REDIS_URL is set, in-process otherwise.

One primitive, `hit(key, limit, window)`: count this attempt in the current window and say
whether it is within the limit. A "once a minute" throttle is `limit=1, window=60`.

On Redis the count, the window's expiry and the remaining time are one MULTI/EXEC block
(SET NX EX, INCR, PTTL), so every instance shares one count and two racing attempts never
both see the last free slot. In process, nothing awaits between reading and writing.

`ProgressiveDelay` is the other answer to "too many": never refuse, but make each further
attempt in the window wait longer (throttling instead of lockout, for limits a stranger
could otherwise use to lock someone out).
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


@dataclass(frozen=True)
class ProgressiveDelay:
    """`free` attempts per `window` seconds cost nothing; then each attempt waits `first`
    seconds, doubled every `doubling_every` attempts, never more than `ceiling`."""

    free: int
    first: float
    doubling_every: int
    ceiling: float
    window: int

    def delay_for(self, count: int) -> float:
        """The wait for the `count`-th attempt of the window (1-based)."""
        over = count - self.free
        if over <= 0:
            return 0.0
        doublings = min((over - 1) // self.doubling_every, 32)
        return float(min(self.ceiling, self.first * 2**doublings))

    async def hit(self, limiter: RateLimiter, key: str) -> float:
        """Count this attempt and return how long it must wait (seconds, 0.0 for none)."""
        decision = await limiter.hit(key, self.free, self.window)
        return self.delay_for(decision.count)


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
