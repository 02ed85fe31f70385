"""一次一验: a presentation id is redeemed once, whatever the number of app instances.

With Redis (settings.redis_url): `SET <prefix>ecert:jti:<jti> 1 NX PX <ms>`, the key living
until the token has expired plus the clock skew, after which the signature check refuses
the token anyway. Without Redis (the embedded default): an insert into
`certificates_redemption`, whose primary key refuses the second one on every instance that
shares the database; rows past their expiry are swept now and then.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Protocol

from redis import asyncio as redis_asyncio
from tortoise.exceptions import IntegrityError

from backend.certificates.models import Redemption
from backend.certificates.tokens import CLOCK_SKEW_SECONDS
from backend.platform.clock import now
from backend.settings import Settings

SWEEP_ONE_IN = 200  # the embedded default sweeps expired rows on about one insert in 200


class Redeemer(Protocol):
    async def redeem(self, token_id: str, expires_at: datetime) -> bool:
        """True the first time a token id is redeemed, False ever after (until expiry)."""
        ...

    async def aclose(self) -> None: ...


def _lifetime_ms(expires_at: datetime) -> int:
    left = expires_at + timedelta(seconds=CLOCK_SKEW_SECONDS) - now()
    return max(1000, int(left.total_seconds() * 1000))


class RedisRedeemer:
    def __init__(self, url: str, prefix: str) -> None:
        self._redis = redis_asyncio.Redis.from_url(url)
        self._prefix = f"{prefix}ecert:jti:"

    async def redeem(self, token_id: str, expires_at: datetime) -> bool:
        done = await self._redis.set(
            self._prefix + token_id, b"1", nx=True, px=_lifetime_ms(expires_at)
        )
        return bool(done)

    async def aclose(self) -> None:
        await self._redis.aclose()


class DatabaseRedeemer:
    async def redeem(self, token_id: str, expires_at: datetime) -> bool:
        if secrets.randbelow(SWEEP_ONE_IN) == 0:
            await Redemption.filter(
                expires_at__lt=now() - timedelta(seconds=CLOCK_SKEW_SECONDS)
            ).delete()
        try:
            await Redemption.create(
                token_id=token_id, expires_at=expires_at + timedelta(seconds=CLOCK_SKEW_SECONDS)
            )
        except IntegrityError:
            return False
        return True

    async def aclose(self) -> None:
        return None


def build_redeemer(settings: Settings) -> Redeemer:
    if settings.redis_url:
        return RedisRedeemer(settings.redis_url, settings.redis_key_prefix)
    return DatabaseRedeemer()
