"""Publish/subscribe between app instances.

One interface, two implementations: Redis (`redis.asyncio`) when TONGBAN_REDIS_URL is set,
so every instance sees every event; in-process memory otherwise, for the embedded
default. Messages are JSON objects.

What a subscriber is guaranteed
-------------------------------
`async with broker.subscribe(channel) as messages:` either raises `SubscriptionInterrupted`
(the channel could not be made live within `SUBSCRIBE_TIMEOUT_S`, e.g. Redis is down) or
returns a *live* subscription: Redis has confirmed this instance's SUBSCRIBE for the
channel, so every message published after `subscribe` returned is received. This holds
for every subscriber, also one that arrives while the channel's first SUBSCRIBE (or its
last subscriber's UNSUBSCRIBE) is still in flight. The stream `messages` then yields a
gap-free, in-order run of the channel's messages, and ends in exactly one of three ways:

- normally (`StopAsyncIteration`) when the broker is disconnected (shutdown);
- with `SubscriptionInterrupted` (reason `CONNECTION_LOST`) when the Redis listener lost
  its connection: messages published until it is back are lost to this instance;
- with `SubscriptionInterrupted` (reason `FELL_BEHIND`) when this subscriber did not read
  and `buffer` messages were waiting for it: the next one could not be kept.

Messages received before the interruption are still yielded first; the exception comes
after them, never in place of a message in the middle. `SubscriptionInterrupted` is a
`DomainError` with code `RESYNC_REQUIRED`, so a GraphQL subscription ends with that code:
the client must subscribe again and reload the state it shows (later: resume from an event
log). Other subscribers of a channel are never affected by one that falls behind, and the
listener never waits for a subscriber.

Redis listener
--------------
One connection per instance listens for all channels (RESP2, no redis-py auto-reconnect:
a silent reconnect would hide lost messages). A supervisor task owns it: on any failure
(connection reset or closed, Redis restarted, a read or write error, no answer to the
heartbeat PING within twice `heartbeat_s`, an exception in the loop) it ends every live
subscription with `CONNECTION_LOST`, reconnects with exponential backoff and jitter, and
re-subscribes the channels that still have (not yet live) subscribers. While it is down
`ping()` raises `BrokerUnavailable`, so /healthz answers 503. `ping()` also makes a PING
round trip over the listener connection itself, so a stalled listener is not healthy.

Subscribe and unsubscribe commands per channel are queued in order and their replies
counted, so a channel is confirmed only by the reply to its newest SUBSCRIBE.

We first tried `broadcaster`, but with redis-py 8 its listener can start before the first
SUBSCRIBE lands, exit at once, and never deliver a message; this module is small enough
to own.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import random
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from redis import asyncio as redis_asyncio
from redis.asyncio.connection import AbstractConnection, ConnectionPool
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from backend.platform.errors import DomainError, ErrorCode

Message = dict[str, Any]
logger = logging.getLogger("tongban.broker")

DEFAULT_SUBSCRIBER_BUFFER = 256
RESYNC_MESSAGE = "实时连接中断，请重新订阅以获取最新状态。"


class InterruptReason(str, Enum):
    CONNECTION_LOST = "CONNECTION_LOST"  # the Redis listener lost its connection
    FELL_BEHIND = "FELL_BEHIND"  # this subscriber's buffer was full
    NOT_LIVE = "NOT_LIVE"  # the channel could not be made live in time


class SubscriptionInterrupted(DomainError):
    """Messages may have been missed: subscribe again and reload the current state."""

    def __init__(self, reason: InterruptReason) -> None:
        super().__init__(ErrorCode.RESYNC_REQUIRED, RESYNC_MESSAGE, None, reason.value)
        self.interruption = reason

    def __repr__(self) -> str:
        return f"SubscriptionInterrupted({self.interruption.value})"


class BrokerUnavailable(Exception):
    """The broker cannot carry messages right now."""


class _Subscriber:
    """One subscriber's bounded buffer, and how its stream ends."""

    __slots__ = ("_error", "_wake", "buffer", "closed", "limit", "live")

    def __init__(self, limit: int) -> None:
        self.buffer: deque[Message] = deque()
        self.limit = limit
        self.live = False  # `subscribe` has returned: its stream is in the caller's hands
        self.closed = False
        self._error: SubscriptionInterrupted | None = None
        self._wake = asyncio.Event()

    def offer(self, message: Message) -> bool:
        """Keeps the message; False when the buffer is full (the caller ends the stream)."""
        if len(self.buffer) >= self.limit:
            return False
        self.buffer.append(message)
        self._wake.set()
        return True

    def finish(self, error: SubscriptionInterrupted | None = None) -> None:
        if not self.closed:
            self.closed = True
            self._error = error
            self._wake.set()

    async def stream(self) -> AsyncIterator[Message]:
        while True:
            if self.buffer:
                yield self.buffer.popleft()
            elif self.closed:
                if self._error is not None:
                    raise self._error
                return
            else:
                self._wake.clear()
                await self._wake.wait()


class Broker(ABC):
    is_redis = False

    def __init__(self, buffer: int = DEFAULT_SUBSCRIBER_BUFFER) -> None:
        if buffer < 1:
            raise ValueError("a subscriber buffer holds at least one message")
        self.buffer = buffer
        self._subscribers: dict[str, set[_Subscriber]] = {}

    async def connect(self) -> None:  # noqa: B027 - optional hook
        pass

    async def disconnect(self) -> None:
        """Ends every subscriber's stream normally."""
        subscribers, self._subscribers = self._subscribers, {}
        for channel_subscribers in subscribers.values():
            for subscriber in channel_subscribers:
                subscriber.finish()

    @abstractmethod
    async def publish(self, channel: str, message: Message) -> None: ...

    async def ping(self) -> None:  # noqa: B027 - in-process brokers are always up
        """Raises when the broker cannot carry messages."""

    def subscriber_count(self, channel: str) -> int:
        """Subscribers this instance holds for the channel (live or becoming live)."""
        return len(self._subscribers.get(channel, ()))

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[AsyncIterator[Message]]:
        """A live subscription; see the module docstring for what it guarantees."""
        subscriber = _Subscriber(self.buffer)
        self._attach(channel, subscriber)
        try:
            await self._until_live(channel, subscriber)
            subscriber.live = True
            yield subscriber.stream()
        finally:
            self._detach(channel, subscriber)

    # Hooks for the transport. `_channel_wanted`/`_channel_unwanted` are synchronous on
    # purpose: they run in `finally` blocks of cancelled tasks, and their order is the
    # order of the commands on the wire.
    def _channel_wanted(self, channel: str) -> None:  # noqa: B027 - optional hook
        """The channel got its first subscriber."""

    def _channel_unwanted(self, channel: str) -> None:  # noqa: B027 - optional hook
        """The channel lost its last subscriber."""

    async def _until_live(self, channel: str, subscriber: _Subscriber) -> None:  # noqa: B027
        """Returns once messages published from now on reach the channel's subscribers."""

    def _attach(self, channel: str, subscriber: _Subscriber) -> None:
        subscribers = self._subscribers.setdefault(channel, set())
        subscribers.add(subscriber)
        if len(subscribers) == 1:
            self._channel_wanted(channel)

    def _detach(self, channel: str, subscriber: _Subscriber) -> None:
        subscribers = self._subscribers.get(channel)
        if subscribers is None or subscriber not in subscribers:
            return
        subscribers.discard(subscriber)
        if not subscribers:
            del self._subscribers[channel]
            self._channel_unwanted(channel)

    def _interrupt(self, channel: str, subscriber: _Subscriber, reason: InterruptReason) -> None:
        subscriber.finish(SubscriptionInterrupted(reason))
        self._detach(channel, subscriber)

    def _fan_out(self, channel: str, message: Message) -> None:
        """Never blocks: a subscriber whose buffer is full is ended, the others go on."""
        for subscriber in list(self._subscribers.get(channel, ())):
            if not subscriber.offer(message):
                self._interrupt(channel, subscriber, InterruptReason.FELL_BEHIND)
                logger.warning("a subscriber left %d messages unread; asked to resync", self.buffer)


class MemoryBroker(Broker):
    """In-process: a subscription is live as soon as it is registered."""

    async def publish(self, channel: str, message: Message) -> None:
        # The same JSON round trip as through Redis: subscribers get their own copy.
        self._fan_out(channel, json.loads(json.dumps(message, ensure_ascii=False)))


@dataclass(eq=False)
class _Wire:
    """A channel's subscription state on the current listener connection."""

    asked: bool = False  # the newest command sent for it was SUBSCRIBE
    pending: deque[bool] = field(default_factory=deque)  # sent, unanswered: True=SUBSCRIBE
    confirmed: asyncio.Event = field(default_factory=asyncio.Event)


@dataclass(eq=False)
class _Link:
    """One listener connection and what is in flight on it."""

    conn: AbstractConnection
    client_id: int
    outbox: asyncio.Queue[tuple[str | bytes, ...] | None] = field(default_factory=asyncio.Queue)
    pongs: dict[bytes, asyncio.Future[None]] = field(default_factory=dict)


_HEARTBEAT_TOKEN = b"tongban-broker-heartbeat"


class RedisBroker(Broker):
    """One supervised Redis connection listens for the whole instance and fans out locally."""

    is_redis = True
    SUBSCRIBE_TIMEOUT_S = 5.0
    CONNECT_TIMEOUT_S = 5.0
    PING_TIMEOUT_S = 2.0

    def __init__(
        self,
        url: str,
        buffer: int = DEFAULT_SUBSCRIBER_BUFFER,
        *,
        heartbeat_s: float = 5.0,
        backoff_s: tuple[float, float] = (0.1, 5.0),
    ) -> None:
        super().__init__(buffer)
        self._client = redis_asyncio.Redis.from_url(url)
        # The listener's own connections: RESP2 (plain pub/sub replies) and no retries, so
        # that every lost connection surfaces here instead of being silently replaced.
        self._listener_pool: ConnectionPool = ConnectionPool.from_url(
            url,
            protocol=2,
            retry=Retry(NoBackoff(), 0),
            client_name="tongban-broker-listener",
            # No socket timeout: redis-py would wrap each write in asyncio.wait_for, which
            # on Python 3.11 can swallow the cancellation of the writer. Reads time out by
            # the heartbeat, the connection handshake by CONNECT_TIMEOUT_S.
            socket_timeout=None,
            socket_connect_timeout=self.CONNECT_TIMEOUT_S,
        )
        self._heartbeat_s = heartbeat_s
        self._backoff_s = backoff_s
        self._wires: dict[str, _Wire] = {}
        self._link: _Link | None = None
        self._up = asyncio.Event()
        self._supervisor: asyncio.Task[None] | None = None
        self._ping_ids = itertools.count()

    @property
    def listener_client_id(self) -> int | None:
        """The Redis CLIENT ID of the listener connection; None while it is down."""
        return self._link.client_id if self._link is not None else None

    async def connect(self) -> None:
        await self._client.ping()  # fail start-up at once when Redis is not there
        self._supervisor = asyncio.create_task(self._supervise(), name="redis-broker-listener")
        try:
            await asyncio.wait_for(self._up.wait(), self.CONNECT_TIMEOUT_S)
        except TimeoutError:
            await self._stop_supervisor()
            raise BrokerUnavailable("the Redis listener did not connect") from None

    async def disconnect(self) -> None:
        await super().disconnect()
        await self._stop_supervisor()
        await self._client.aclose()

    async def publish(self, channel: str, message: Message) -> None:
        await self._client.publish(channel, json.dumps(message, ensure_ascii=False))

    async def ping(self) -> None:
        link = self._link
        if link is None:
            raise BrokerUnavailable("the Redis listener is not connected")
        await self._client.ping()
        if self._link is not link:
            raise BrokerUnavailable("the Redis listener disconnected")
        token = f"tongban-broker-ping:{next(self._ping_ids)}".encode()
        answered = asyncio.get_running_loop().create_future()
        link.pongs[token] = answered
        link.outbox.put_nowait(("PING", token))
        try:
            await asyncio.wait_for(answered, self.PING_TIMEOUT_S)
        except TimeoutError:
            raise BrokerUnavailable("the Redis listener did not answer") from None
        finally:
            link.pongs.pop(token, None)

    # -- channels ------------------------------------------------------------------------

    def _channel_wanted(self, channel: str) -> None:
        wire = self._wires.setdefault(channel, _Wire())
        if self._link is not None and not wire.asked:
            self._send(self._link, channel, wire, subscribe=True)

    def _channel_unwanted(self, channel: str) -> None:
        wire = self._wires.get(channel)
        if wire is None:
            return
        if self._link is not None and wire.asked:
            self._send(self._link, channel, wire, subscribe=False)
        elif not wire.pending:
            del self._wires[channel]

    @staticmethod
    def _send(link: _Link, channel: str, wire: _Wire, *, subscribe: bool) -> None:
        wire.asked = subscribe
        wire.pending.append(subscribe)
        wire.confirmed.clear()
        link.outbox.put_nowait(("SUBSCRIBE" if subscribe else "UNSUBSCRIBE", channel))

    async def _until_live(self, channel: str, subscriber: _Subscriber) -> None:
        try:
            async with asyncio.timeout(self.SUBSCRIBE_TIMEOUT_S):
                # Re-checked after every wake-up: the listener may have gone down between
                # the confirmation and this task running.
                while not subscriber.closed:
                    wire = self._wires.get(channel)
                    if wire is None:
                        break
                    if wire.confirmed.is_set():
                        return
                    await wire.confirmed.wait()
        except TimeoutError:
            pass
        if subscriber.closed:
            return  # the broker was disconnected: the stream ends at once
        raise SubscriptionInterrupted(InterruptReason.NOT_LIVE)

    def _on_ack(self, channel: str, subscribed: bool) -> None:
        wire = self._wires.get(channel)
        if wire is None or not wire.pending or wire.pending.popleft() is not subscribed:
            raise RuntimeError("a (un)subscribe reply that matches no command in flight")
        if wire.pending:
            return  # a newer command for the channel is in flight; its reply decides
        if wire.asked:
            wire.confirmed.set()
        elif channel not in self._subscribers:
            del self._wires[channel]

    def _on_message(self, channel: str, payload: bytes) -> None:
        wire = self._wires.get(channel)
        if wire is None or not wire.confirmed.is_set():
            return  # published before any current subscriber became live
        try:
            message = json.loads(payload)
        except ValueError:
            message = None
        if not isinstance(message, dict):
            logger.warning("dropped a message that is not a JSON object")
            return
        self._fan_out(channel, message)

    # -- the listener --------------------------------------------------------------------

    async def _supervise(self) -> None:
        failures = 0
        loop = asyncio.get_running_loop()
        while True:
            link: _Link | None = None
            started = loop.time()
            try:
                link = await self._open_link()
                self._link_up(link)
                await self._serve(link)
            except asyncio.CancelledError:
                raise
            except Exception as error:
                # The type only: messages of some errors can carry payload text.
                logger.warning("Redis broker listener failed: %s", type(error).__name__)
            finally:
                if link is not None:
                    self._link_down(link)
                    await link.conn.disconnect(nowait=True)
            low, high = self._backoff_s
            if loop.time() - started >= high:
                failures = 0  # it had been up for a while: retry quickly
            delay = min(high, low * 2**failures) * random.uniform(0.5, 1.0)  # noqa: S311 - jitter
            failures += 1
            await asyncio.sleep(delay)

    async def _open_link(self) -> _Link:
        conn = self._listener_pool.make_connection()  # type: ignore[no-untyped-call]
        try:
            async with asyncio.timeout(self.CONNECT_TIMEOUT_S):
                await conn.connect()
                await conn.send_command("CLIENT", "ID", check_health=False)
                client_id = int(await conn.read_response())
        except BaseException:
            await conn.disconnect(nowait=True)
            raise
        return _Link(conn=conn, client_id=client_id)

    def _link_up(self, link: _Link) -> None:
        self._link = link
        for channel in self._subscribers:
            wire = self._wires.setdefault(channel, _Wire())
            self._send(link, channel, wire, subscribe=True)
        self._up.set()
        logger.info("Redis broker listener connected; %d channels", len(self._subscribers))

    def _link_down(self, link: _Link) -> None:
        if self._link is not link:
            return
        self._link = None
        self._up.clear()
        for answered in link.pongs.values():
            if not answered.done():
                answered.set_exception(BrokerUnavailable("the Redis listener disconnected"))
        for channel, wire in list(self._wires.items()):
            if channel in self._subscribers:
                wire.asked = False
                wire.pending.clear()
                wire.confirmed.clear()
            else:
                del self._wires[channel]
        interrupted = 0
        for channel, subscribers in list(self._subscribers.items()):
            for subscriber in list(subscribers):
                if subscriber.live:
                    self._interrupt(channel, subscriber, InterruptReason.CONNECTION_LOST)
                    interrupted += 1
                else:
                    subscriber.buffer.clear()  # not handed out yet: it will start afresh
        logger.warning(
            "Redis broker listener disconnected; %d subscriptions asked to resync", interrupted
        )

    async def _serve(self, link: _Link) -> None:
        tasks = [
            asyncio.create_task(self._read(link)),
            asyncio.create_task(self._write(link)),
            asyncio.create_task(self._beat(link)),
        ]
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        finally:
            link.outbox.put_nowait(None)  # ends the writer even if its cancellation is lost
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        for task in done:
            task.result()  # raises what ended it
        raise RuntimeError("a Redis broker listener task ended")

    async def _read(self, link: _Link) -> None:
        silence_s = 2 * self._heartbeat_s
        while True:
            frame = await link.conn.read_response(timeout=silence_s)
            if frame is None:
                raise TimeoutError(f"no reply from Redis within {silence_s} s")
            if isinstance(frame, bytes):  # PING reply while subscribed to nothing
                self._on_pong(link, frame)
                continue
            kind = frame[0]
            if kind == b"message":
                self._on_message(frame[1].decode(), frame[2])
            elif kind in (b"subscribe", b"unsubscribe"):
                self._on_ack(frame[1].decode(), kind == b"subscribe")
            elif kind == b"pong":
                self._on_pong(link, frame[1])

    @staticmethod
    def _on_pong(link: _Link, token: bytes) -> None:
        answered = link.pongs.get(token)
        if answered is not None and not answered.done():
            answered.set_result(None)

    @staticmethod
    async def _write(link: _Link) -> None:
        while (command := await link.outbox.get()) is not None:
            if not link.conn.is_connected:  # never let redis-py reconnect it behind our back
                raise ConnectionError("the listener connection is closed")
            await link.conn.send_command(*command, check_health=False)

    async def _beat(self, link: _Link) -> None:
        while True:
            await asyncio.sleep(self._heartbeat_s)
            link.outbox.put_nowait(("PING", _HEARTBEAT_TOKEN))

    async def _stop_supervisor(self) -> None:
        if self._supervisor is not None:
            self._supervisor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._supervisor
            self._supervisor = None


def create_broker(redis_url: str | None, buffer: int = DEFAULT_SUBSCRIBER_BUFFER) -> Broker:
    return RedisBroker(redis_url, buffer) if redis_url else MemoryBroker(buffer)
