"""Publish/subscribe between app instances.

One interface, two backends through `broadcaster` (encode's maintained library on top of
`redis.asyncio`): Redis when TONGBAN_REDIS_URL is set, so every instance sees every event;
in-process memory otherwise, for the embedded default. Messages are JSON objects.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from broadcaster import Broadcast


class Broker:
    def __init__(self, redis_url: str | None) -> None:
        self.url = redis_url or "memory://"
        self.is_redis = redis_url is not None
        self._broadcast = Broadcast(self.url)
        self._connected = False

    async def connect(self) -> None:
        await self._broadcast.connect()
        self._connected = True

    async def disconnect(self) -> None:
        if self._connected:
            await self._broadcast.disconnect()
            self._connected = False

    async def publish(self, channel: str, message: dict[str, Any]) -> None:
        await self._broadcast.publish(channel, json.dumps(message, ensure_ascii=False))

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[AsyncIterator[dict[str, Any]]]:
        """Yields an async iterator of messages; the subscription is live on entry."""
        async with self._broadcast.subscribe(channel) as subscriber:

            async def messages() -> AsyncIterator[dict[str, Any]]:
                async for event in subscriber:  # type: ignore[union-attr]
                    if event is None:
                        return
                    yield json.loads(event.message)

            yield messages()
