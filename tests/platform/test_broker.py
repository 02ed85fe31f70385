"""Pub/sub: Redis between app instances, memory inside one process.

What is guarded here (backend/platform/broker.py's docstring says it in full): every
subscriber is live when `subscribe` returns; a lost Redis listener is noticed, reported by
ping() and /healthz, ends live streams with SubscriptionInterrupted and comes back; a
subscriber that falls behind gets SubscriptionInterrupted without hurting the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import strawberry
from redis import asyncio as redis_asyncio
from strawberry.types import ExecutionResult

from backend.graphql.errors import ErrorShaping
from backend.graphql.schema import TongbanSchema
from backend.platform.broker import (
    RESYNC_MESSAGE,
    Broker,
    BrokerUnavailable,
    InterruptReason,
    MemoryBroker,
    RedisBroker,
    SubscriptionInterrupted,
    create_broker,
)
from backend.platform.infra import Infrastructure
from backend.settings import get_settings
from tests import conftest
from tests.conftest import REDIS_URL

TIMEOUT_S = 4


def fresh_channel() -> str:
    return f"{get_settings().redis_key_prefix}test.broker.{uuid.uuid4().hex}"


@contextlib.asynccontextmanager
async def connected(broker: Broker) -> AsyncIterator[Broker]:
    await broker.connect()
    try:
        yield broker
    finally:
        await broker.disconnect()


async def within(awaitable: Any) -> Any:
    return await asyncio.wait_for(awaitable, TIMEOUT_S)


async def numsub(redis_client: redis_asyncio.Redis, channel: str) -> int:
    ((_, count),) = await redis_client.pubsub_numsub(channel)
    return int(count)


class RedisRelay:
    """A TCP relay in front of the test Redis, so that a test can keep the broker from
    reconnecting (`refusing`) or stall its traffic (`flowing`) while Redis stays up for
    everyone else sharing it."""

    def __init__(self) -> None:
        target = urlsplit(REDIS_URL)
        self._target = (target.hostname or "127.0.0.1", target.port or 6379)
        self.refusing = False
        self.flowing = asyncio.Event()
        self.flowing.set()
        self.url = ""
        self._server: asyncio.Server | None = None
        self._handlers: set[asyncio.Task[Any]] = set()
        self._writers: set[asyncio.StreamWriter] = set()

    async def __aenter__(self) -> RedisRelay:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"redis://127.0.0.1:{port}/0"
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()
        self.flowing.set()
        for writer in self._writers:
            writer.close()
        await asyncio.gather(*self._handlers, return_exceptions=True)
        await self._server.wait_closed()

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        handler = asyncio.current_task()
        assert handler is not None
        self._handlers.add(handler)
        self._writers.add(writer)
        try:
            if self.refusing:
                return
            up_reader, up_writer = await asyncio.open_connection(*self._target)
            self._writers.add(up_writer)
            try:
                await asyncio.gather(self._pump(reader, up_writer), self._pump(up_reader, writer))
            finally:
                up_writer.close()
                self._writers.discard(up_writer)
        except OSError:
            pass
        finally:
            writer.close()
            self._writers.discard(writer)
            self._handlers.discard(handler)

    async def _pump(self, source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        try:
            while data := await source.read(65536):
                await self.flowing.wait()
                sink.write(data)
                await sink.drain()
        except OSError:
            pass
        finally:
            sink.close()


# -- (a) every subscriber is live when `subscribe` returns --------------------------------


async def _each_hears_what_it_publishes(broker: Broker, channel: str, subscribers: int) -> None:
    """Subscribers start together on a fresh channel: all but the first arrive while the
    channel's SUBSCRIBE is in flight. Each publishes as soon as its `subscribe` returns
    and must receive its own message."""

    async def subscriber(n: int) -> list[int]:
        heard: list[int] = []
        async with broker.subscribe(channel) as messages:
            await broker.publish(channel, {"from": n})
            async for message in messages:
                heard.append(message["from"])
                if message["from"] == n:
                    return heard
        raise AssertionError("the stream ended")

    heard = await within(asyncio.gather(*(subscriber(n) for n in range(subscribers))))
    for n, messages in enumerate(heard):
        assert messages[-1] == n
        assert len(messages) == len(set(messages))  # nothing twice


async def test_concurrent_subscribers_to_a_fresh_redis_channel_are_each_live() -> None:
    async with connected(RedisBroker(REDIS_URL)) as broker:
        await _each_hears_what_it_publishes(broker, fresh_channel(), subscribers=20)
        # Again on a listener connection that is busy with other channels.
        await asyncio.gather(
            *(_each_hears_what_it_publishes(broker, fresh_channel(), 10) for _ in range(5))
        )
        assert broker.subscriber_count(fresh_channel()) == 0


async def test_subscribers_arriving_while_the_subscribe_is_in_flight_wait_for_it(
    redis_client: redis_asyncio.Redis,
) -> None:
    """The relay holds the broker's traffic, so the channel's SUBSCRIBE is surely still in
    flight when the other subscribers arrive. Each publishes (over a connection of its own,
    which the relay does not hold) as soon as its `subscribe` returns."""
    channel = fresh_channel()
    await redis_client.ping()

    async def subscriber(broker: Broker, n: int) -> None:
        async with broker.subscribe(channel) as messages:
            await redis_client.publish(channel, json.dumps({"from": n}))
            async for message in messages:
                if message["from"] == n:
                    return

    async with RedisRelay() as relay, connected(RedisBroker(relay.url)) as broker:
        relay.flowing.clear()
        subscribers = [asyncio.create_task(subscriber(broker, n)) for n in range(10)]
        for _ in range(5):
            await asyncio.sleep(0)  # every subscriber has started and sent or joined
        relay.flowing.set()
        await within(asyncio.gather(*subscribers))


async def test_concurrent_subscribers_to_a_memory_channel_are_each_live() -> None:
    async with connected(MemoryBroker()) as broker:
        await _each_hears_what_it_publishes(broker, "c", subscribers=20)


async def test_a_subscriber_arriving_while_the_last_one_unsubscribes_is_live(
    redis_client: redis_asyncio.Redis,
) -> None:
    async with connected(RedisBroker(REDIS_URL)) as broker:
        for round_ in range(10):
            channel = fresh_channel()
            async with broker.subscribe(channel):
                pass  # leaves at once: its UNSUBSCRIBE goes out...
            async with broker.subscribe(channel) as messages:  # ...and this one arrives
                await broker.publish(channel, {"round": round_})
                assert await within(anext(messages)) == {"round": round_}
                await broker.ping()  # a round trip on the listener: all replies are in
                assert await numsub(redis_client, channel) == 1

            # The first subscriber gives up before its SUBSCRIBE is confirmed.
            first = asyncio.create_task(broker.subscribe(channel).__aenter__())
            await asyncio.sleep(0)  # it has registered and queued its SUBSCRIBE
            first.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await first
            async with broker.subscribe(channel) as messages:
                await broker.publish(channel, {"again": round_})
                assert await within(anext(messages)) == {"again": round_}

            await broker.ping()
            assert await numsub(redis_client, channel) == 0
            assert broker.subscriber_count(channel) == 0


# -- (b) a lost listener is noticed, reported, and comes back ----------------------------


async def _healthz(broker: Broker) -> httpx.Response:
    container = Infrastructure(get_settings(), broker=broker)
    transport = httpx.ASGITransport(app=conftest.test_app(container))
    async with httpx.AsyncClient(transport=transport, base_url="http://tongban.test") as client:
        return await client.get("/healthz")


async def test_a_killed_listener_is_reported_interrupts_subscribers_and_comes_back(
    database_url: str, redis_client: redis_asyncio.Redis
) -> None:
    channel = fresh_channel()
    async with RedisRelay() as relay, connected(RedisBroker(relay.url)) as broker:
        assert isinstance(broker, RedisBroker)
        async with broker.subscribe(channel) as before, broker.subscribe(channel) as other:
            await broker.publish(channel, {"n": 1})
            assert await within(anext(before)) == {"n": 1}
            assert (await _healthz(broker)).json()["broker"] == "redis"

            killed_id = broker.listener_client_id
            assert killed_id is not None
            relay.refusing = True  # keep it down until the test has looked
            assert await redis_client.client_kill_filter(_id=str(killed_id)) == 1

            # Both live subscribers are told, the one that had read and the one that had not
            # (it still gets the message it was sent before the loss, then the exception).
            with pytest.raises(SubscriptionInterrupted) as interrupted:
                await within(anext(before))
            assert interrupted.value.interruption is InterruptReason.CONNECTION_LOST
            assert interrupted.value.code.value == "RESYNC_REQUIRED"
            assert interrupted.value.message == RESYNC_MESSAGE
            assert await within(anext(other)) == {"n": 1}
            with pytest.raises(SubscriptionInterrupted):
                await within(anext(other))
            assert broker.subscriber_count(channel) == 0

            with pytest.raises(BrokerUnavailable):
                await broker.ping()
            down = await _healthz(broker)
            assert down.status_code == 503
            assert down.json() == {"status": "unavailable", "database": "ok", "broker": "error"}

        relay.refusing = False
        # A new subscription waits for the listener to come back, then is live.
        async with broker.subscribe(channel) as after:
            await broker.publish(channel, {"n": 2})
            assert await within(anext(after)) == {"n": 2}
            assert broker.listener_client_id not in (None, killed_id)
            await broker.ping()
            up = await _healthz(broker)
            assert up.status_code == 200
            assert up.json() == {"status": "ok", "database": "ok", "broker": "redis"}


async def test_the_listener_resubscribes_channels_with_waiting_subscribers(
    redis_client: redis_asyncio.Redis,
) -> None:
    """Killed straight at Redis (no relay): the listener reconnects by itself, and a
    subscriber that was still waiting to become live when it fell is live afterwards."""
    live_channel, waiting_channel = fresh_channel(), fresh_channel()
    async with RedisRelay() as relay, connected(RedisBroker(relay.url)) as broker:
        assert isinstance(broker, RedisBroker)
        async with broker.subscribe(live_channel) as live:
            relay.flowing.clear()  # the next SUBSCRIBE stays unanswered...
            subscription = broker.subscribe(waiting_channel)
            waiting = asyncio.create_task(subscription.__aenter__())
            await asyncio.sleep(0)
            assert not waiting.done()
            killed_id = broker.listener_client_id
            await redis_client.client_kill_filter(_id=str(killed_id))
            relay.flowing.set()  # ...until the connection it was sent on is gone
            with pytest.raises(SubscriptionInterrupted):
                await within(anext(live))
        messages = await within(waiting)
        try:
            assert broker.listener_client_id != killed_id
            await broker.publish(waiting_channel, {"after": "restart"})
            assert await within(anext(messages)) == {"after": "restart"}
        finally:
            await subscription.__aexit__(None, None, None)


async def test_a_stalled_listener_is_found_by_its_heartbeat() -> None:
    channel = fresh_channel()
    async with RedisRelay() as relay:
        broker = RedisBroker(relay.url, heartbeat_s=0.25)
        async with connected(broker), broker.subscribe(channel) as messages:
            relay.flowing.clear()  # the TCP connection stays open, but nothing gets through
            with pytest.raises(SubscriptionInterrupted) as interrupted:
                await within(anext(messages))
            assert interrupted.value.interruption is InterruptReason.CONNECTION_LOST
            with pytest.raises(BrokerUnavailable):
                await broker.ping()
            relay.flowing.set()
            async with broker.subscribe(channel) as again:
                await broker.publish(channel, {"n": 1})
                assert await within(anext(again)) == {"n": 1}


async def test_an_idle_listener_stays_up_on_its_heartbeat() -> None:
    """Silence for twice the heartbeat means a dead link; the heartbeat's PINGs keep an idle
    but healthy one from looking dead. Time passing is what is tested here."""
    channel = fresh_channel()
    # Windows wide enough that a loaded CI machine's event-loop lag is not mistaken for
    # a dead link (the silence limit is twice the heartbeat).
    broker = RedisBroker(REDIS_URL, heartbeat_s=0.4)
    async with connected(broker), broker.subscribe(channel) as messages:
        listener = broker.listener_client_id
        await asyncio.sleep(2.4)  # three silence windows with nothing published
        await broker.publish(channel, {"still": "here"})
        assert await within(anext(messages)) == {"still": "here"}
        assert broker.listener_client_id == listener


async def test_subscribe_raises_when_the_channel_cannot_go_live() -> None:
    async with RedisRelay() as relay:
        broker = RedisBroker(relay.url)
        broker.SUBSCRIBE_TIMEOUT_S = 0.3
        async with connected(broker):
            relay.flowing.clear()
            with pytest.raises(SubscriptionInterrupted) as interrupted:
                async with broker.subscribe(fresh_channel()):
                    pass
            assert interrupted.value.interruption is InterruptReason.NOT_LIVE
            relay.flowing.set()


# -- (c) a subscriber that falls behind ---------------------------------------------------


async def _slow_subscriber_is_cut_off(broker: Broker, channel: str) -> None:
    assert broker.buffer == 4
    async with broker.subscribe(channel) as slow, broker.subscribe(channel) as fast:
        for n in range(4):
            await broker.publish(channel, {"n": n})
            assert await within(anext(fast)) == {"n": n}
        assert broker.subscriber_count(channel) == 2
        await broker.publish(channel, {"n": 4})  # one more than `slow` can keep
        assert await within(anext(fast)) == {"n": 4}
        assert broker.subscriber_count(channel) == 1  # the broker let go of `slow`
        for n in range(5, 20):
            await broker.publish(channel, {"n": n})
            assert await within(anext(fast)) == {"n": n}

        # What it had is still handed out, in order, then the stream ends: no silent gap.
        assert [await anext(slow) for _ in range(4)] == [{"n": n} for n in range(4)]
        with pytest.raises(SubscriptionInterrupted) as interrupted:
            await anext(slow)
        assert interrupted.value.interruption is InterruptReason.FELL_BEHIND
    assert broker.subscriber_count(channel) == 0


async def test_a_redis_subscriber_that_falls_behind_is_asked_to_resync(
    redis_client: redis_asyncio.Redis,
) -> None:
    channel = fresh_channel()
    async with connected(create_broker(REDIS_URL, buffer=4)) as broker:
        await _slow_subscriber_is_cut_off(broker, channel)
        await broker.ping()
        assert await numsub(redis_client, channel) == 0


async def test_a_memory_subscriber_that_falls_behind_is_asked_to_resync() -> None:
    async with connected(create_broker(None, buffer=4)) as broker:
        await _slow_subscriber_is_cut_off(broker, "c")


def test_the_buffer_holds_at_least_one_message() -> None:
    with pytest.raises(ValueError, match="at least one"):
        MemoryBroker(buffer=0)


# -- what a GraphQL client sees -------------------------------------------------------------

_graphql_broker = MemoryBroker(buffer=1)


@strawberry.type
class _Query:
    ok: bool = True


@strawberry.type
class _Subscription:
    @strawberry.subscription
    async def numbers(self) -> AsyncGenerator[int, None]:
        async with _graphql_broker.subscribe("numbers") as messages:
            yield -1  # live
            async for message in messages:
                yield message["n"]


_schema = TongbanSchema(query=_Query, subscription=_Subscription, extensions=[ErrorShaping])


async def test_a_graphql_subscription_ends_with_resync_required() -> None:
    results = await _schema.subscribe("subscription { numbers }")
    assert not isinstance(results, ExecutionResult)
    try:
        assert (await anext(results)).data == {"numbers": -1}
        for n in range(3):  # the resolver is not reading: the second message overflows
            await _graphql_broker.publish("numbers", {"n": n})
        assert (await anext(results)).data == {"numbers": 0}
        failed = await anext(results)
        assert [e.formatted for e in failed.errors or []] == [
            {
                "message": "实时连接中断，请重新订阅以获取最新状态。",
                "extensions": {"code": "RESYNC_REQUIRED", "reason": "FELL_BEHIND"},
            }
        ]
    finally:
        await results.aclose()


# -- as before ------------------------------------------------------------------------------


async def test_redis_broker_carries_events_between_instances() -> None:
    channel = fresh_channel()
    async with (
        connected(RedisBroker(REDIS_URL)) as instance_a,
        connected(RedisBroker(REDIS_URL)) as instance_b,
        instance_b.subscribe(channel) as messages,
    ):
        # No waiting: the subscription is live once `subscribe` is entered.
        await instance_a.publish(channel, {"case": "MZ001-1", "status": "已受理"})
        received = await within(anext(messages))
    assert received == {"case": "MZ001-1", "status": "已受理"}


async def test_memory_broker_fans_out_within_the_process() -> None:
    broker = create_broker(None)
    assert not broker.is_redis
    async with connected(broker), broker.subscribe("c") as first, broker.subscribe("c") as second:
        await broker.publish("c", {"n": 1})
        got = await within(asyncio.gather(anext(first), anext(second)))
    assert got == [{"n": 1}, {"n": 1}]


async def test_disconnect_ends_streams_normally() -> None:
    broker = RedisBroker(REDIS_URL)
    await broker.connect()
    async with broker.subscribe(fresh_channel()) as messages:
        await broker.disconnect()
        assert [m async for m in messages] == []
        with pytest.raises(BrokerUnavailable):
            await broker.ping()
