"""Publish/subscribe between app instances.

One interface, two implementations: Redis (`redis.asyncio`) when TONGBAN_REDIS_URL is set,
so every instance sees every event; in-process memory otherwise, for the embedded
default. Messages are JSON objects. A subscription is live when `subscribe` is entered:
nothing published after that is missed.

We first tried `broadcaster`, but with redis-py 8 its listener can start before the first
SUBSCRIBE lands, exit at once, and never deliver a message; this module is small enough
to own.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from redis import asyncio as redis_asyncio

Message = dict[str, Any]
_CLOSED = object()


class BrokerInterrupted(Exception):
    """A subscription's stream was cut: messages may have been lost (a subscriber that can
    resume, such as backend/platform/streams.py, catches up from its log)."""


class Broker(ABC):
    is_redis = False

    def __init__(self) -> None:
        self._queues: dict[str, set[asyncio.Queue[Any]]] = defaultdict(set)

    async def connect(self) -> None:  # noqa: B027 - optional hook
        pass

    async def disconnect(self) -> None:
        for queues in self._queues.values():
            for queue in queues:
                queue.put_nowait(_CLOSED)

    @abstractmethod
    async def publish(self, channel: str, message: Message) -> None: ...

    async def ping(self) -> None:  # noqa: B027 - in-process brokers are always up
        """Raises when the broker cannot carry messages."""

    @abstractmethod
    async def _first_subscriber(self, channel: str) -> None: ...

    @abstractmethod
    async def _last_unsubscriber(self, channel: str) -> None: ...

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[AsyncIterator[Message]]:
        queue: asyncio.Queue[Any] = asyncio.Queue()
        first = not self._queues[channel]
        self._queues[channel].add(queue)
        try:
            if first:
                await self._first_subscriber(channel)
            yield self._drain(queue)
        finally:
            self._queues[channel].discard(queue)
            if not self._queues[channel]:
                del self._queues[channel]
                await self._last_unsubscriber(channel)

    def _deliver(self, channel: str, payload: str) -> None:
        message = json.loads(payload)
        for queue in self._queues.get(channel, ()):
            queue.put_nowait(message)

    @staticmethod
    async def _drain(queue: asyncio.Queue[Any]) -> AsyncIterator[Message]:
        while (item := await queue.get()) is not _CLOSED:
            yield item


class MemoryBroker(Broker):
    async def publish(self, channel: str, message: Message) -> None:
        self._deliver(channel, json.dumps(message, ensure_ascii=False))

    async def _first_subscriber(self, channel: str) -> None:
        pass

    async def _last_unsubscriber(self, channel: str) -> None:
        pass


class RedisBroker(Broker):
    """One Redis connection listens for the whole instance and fans out locally."""

    is_redis = True
    SUBSCRIBE_TIMEOUT_S = 5.0

    def __init__(self, url: str) -> None:
        super().__init__()
        self._client = redis_asyncio.Redis.from_url(url)
        self._pubsub = self._client.pubsub()
        self._confirmed: dict[str, asyncio.Event] = {}
        self._listener: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await self._client.ping()
        self._listener = asyncio.create_task(self._listen(), name="redis-broker-listener")

    async def disconnect(self) -> None:
        await super().disconnect()
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
        await self._pubsub.aclose()  # type: ignore[no-untyped-call]
        await self._client.aclose()

    async def publish(self, channel: str, message: Message) -> None:
        await self._client.publish(channel, json.dumps(message, ensure_ascii=False))

    async def ping(self) -> None:
        await self._client.ping()

    async def _first_subscriber(self, channel: str) -> None:
        confirmed = self._confirmed[channel] = asyncio.Event()
        await self._pubsub.subscribe(channel)
        await asyncio.wait_for(confirmed.wait(), self.SUBSCRIBE_TIMEOUT_S)

    async def _last_unsubscriber(self, channel: str) -> None:
        self._confirmed.pop(channel, None)
        await self._pubsub.unsubscribe(channel)

    async def _listen(self) -> None:
        while True:
            if not self._pubsub.subscribed:
                await asyncio.sleep(0.02)
                continue
            message = await self._pubsub.get_message(timeout=1.0)
            if message is None:
                continue
            channel = message["channel"].decode()
            if message["type"] == "subscribe" and channel in self._confirmed:
                self._confirmed[channel].set()
            elif message["type"] == "message":
                self._deliver(channel, message["data"].decode())


def create_broker(redis_url: str | None) -> Broker:
    return RedisBroker(redis_url) if redis_url else MemoryBroker()
