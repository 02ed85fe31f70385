"""Durable streams: a subscriber resumes from its cursor and gets what it missed, in
order, once; gaps the broker left are filled from the log; the relay delivers what a
failed publish left behind; cursors of other streams or garbage are refused."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Self

import pytest

from backend.platform import streams
from backend.platform.broker import InterruptReason, Message, SubscriptionInterrupted
from backend.platform.errors import DomainError
from backend.platform.events import record
from backend.platform.infra import Infrastructure
from backend.platform.models import StreamEvent
from backend.platform.streams import DurableEvent, StreamEntry
from backend.platform.uow import unit_of_work


@dataclass(frozen=True)
class Tick(DurableEvent):
    names: tuple[str, ...]
    n: int

    @property
    def kind(self) -> str:
        return "test.tick"

    @property
    def streams(self) -> Sequence[str]:
        return self.names

    def to_message(self) -> Message:
        return {"n": self.n}

    @classmethod
    def from_message(cls, message: Message) -> Self:
        return cls((), int(message["n"]))


def _stream() -> str:
    return f"test:{uuid.uuid4().hex[:12]}"


async def _write(stream: str, *numbers: int) -> None:
    for n in numbers:
        async with unit_of_work():
            record(Tick((stream,), n))


async def _take(stream: str, after: int, count: int) -> list[StreamEntry]:
    taken: list[StreamEntry] = []

    async def run() -> None:
        async for entry in streams.follow(stream, after):
            taken.append(entry)
            if len(taken) == count:
                return

    await asyncio.wait_for(run(), 10)
    return taken


async def test_numbers_follow_commit_order_per_stream(database_url: str) -> None:
    a, b = _stream(), _stream()
    await _write(a, 1, 2)
    async with unit_of_work():
        record(Tick((a, b), 3))  # one event, two streams: one row each
    rows = await StreamEvent.filter(stream__in=[a, b]).order_by("stream", "seq")
    assert sorted((r.stream, r.seq, r.payload["n"]) for r in rows) == sorted(
        [(a, 1, 1), (a, 2, 2), (a, 3, 3), (b, 1, 3)]
    )
    assert all(r.published_at is not None for r in rows)


async def test_rolled_back_events_leave_no_row(database_url: str) -> None:
    a = _stream()
    with pytest.raises(ZeroDivisionError):
        async with unit_of_work():
            record(Tick((a,), 1))
            _ = 1 / 0
    assert await StreamEvent.filter(stream=a).count() == 0


async def test_resume_from_a_cursor_then_live(database_url: str) -> None:
    a = _stream()
    await _write(a, 1, 2, 3)
    follower = asyncio.create_task(_take(a, 1, 4))  # saw seq 1: wants 2, 3, then live 4, 5
    await asyncio.sleep(0.2)
    await _write(a, 4, 5)
    entries = await follower
    assert [e.seq for e in entries] == [2, 3, 4, 5]
    assert [e.payload["n"] for e in entries] == [2, 3, 4, 5]
    assert streams.decode_cursor(entries[-1].cursor, a) == 5


async def test_a_message_the_broker_lost_is_read_from_the_log(
    database_url: str, infrastructure: Infrastructure, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = _stream()
    follower = asyncio.create_task(_take(a, 0, 3))
    await asyncio.sleep(0.2)
    real_publish = infrastructure.broker.publish
    dropped: list[int] = []

    async def lossy(channel: str, message: Message) -> None:
        if message.get("seq") == 2 and not dropped:
            dropped.append(2)  # Redis "lost" it: nobody hears seq 2
            return
        await real_publish(channel, message)

    monkeypatch.setattr(infrastructure.broker, "publish", lossy)
    await _write(a, 1, 2, 3)
    assert [e.seq for e in await follower] == [1, 2, 3] and dropped == [2]


async def test_a_failed_publish_is_relayed(
    database_url: str, infrastructure: Infrastructure, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = _stream()
    real_publish = infrastructure.broker.publish

    async def down(channel: str, message: Message) -> None:
        raise ConnectionError("redis is down")

    monkeypatch.setattr(infrastructure.broker, "publish", down)
    await _write(a, 1)
    assert (await StreamEvent.get(stream=a, seq=1)).published_at is None
    monkeypatch.setattr(infrastructure.broker, "publish", real_publish)
    follower = asyncio.create_task(_take(a, 1, 1))  # has seen nothing after... seq 1
    relayed = await streams.relay_unpublished(older_than=timedelta(0))
    assert relayed >= 1
    assert (await StreamEvent.get(stream=a, seq=1)).published_at is not None
    follower.cancel()


async def test_an_interrupted_subscription_catches_up_without_duplicates(
    database_url: str, infrastructure: Infrastructure, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The broker cuts the stream (Redis restarted, the subscriber fell behind): follow
    listens again and reads what it missed from the log."""
    a = _stream()
    real_subscribe = infrastructure.broker.subscribe
    cuts: list[int] = []

    def cutting(channel: str):  # type: ignore[no-untyped-def]
        from contextlib import asynccontextmanager

        @asynccontextmanager
        async def wrapped():  # type: ignore[no-untyped-def]
            async with real_subscribe(channel) as messages:

                async def once_cut():  # type: ignore[no-untyped-def]
                    async for message in messages:
                        yield message
                        if not cuts:
                            cuts.append(1)
                            raise SubscriptionInterrupted(InterruptReason.CONNECTION_LOST)

                yield once_cut()

        return wrapped()

    monkeypatch.setattr(infrastructure.broker, "subscribe", cutting)
    follower = asyncio.create_task(_take(a, 0, 4))
    await asyncio.sleep(0.2)
    await _write(a, 1, 2, 3, 4)
    assert [e.seq for e in await follower] == [1, 2, 3, 4] and cuts == [1]


@pytest.mark.parametrize("cursor", ["garbage!", "", "Zm9vQDE", streams.encode_cursor("other", 3)])
async def test_cursors_of_other_streams_or_garbage_are_refused(cursor: str) -> None:
    with pytest.raises(DomainError) as refused:
        streams.decode_cursor(cursor, "mine")
    assert refused.value.code.value == "INVALID_CURSOR"


def test_a_cursor_round_trips() -> None:
    assert streams.decode_cursor(streams.encode_cursor("resident:4", 17), "resident:4") == 17
    assert streams.decode_cursor(None, "resident:4") == 0
