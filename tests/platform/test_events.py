"""Events are published after their transaction commits, never for a rolled-back write,
and never dropped silently (PostgreSQL + Redis, through the app's container)."""

from __future__ import annotations

import asyncio
import contextvars
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Self

import pytest

from backend.identity.models import Resident
from backend.platform.broker import Message
from backend.platform.events import Event, record
from backend.platform.infra import Infrastructure
from backend.platform.uow import unit_of_work
from tests.conftest import capture_logs


@dataclass(frozen=True)
class Noted(Event):
    topic: str
    n: int

    @property
    def channel(self) -> str:
        return f"test.noted.{self.topic}"

    def to_message(self) -> Message:
        return {"topic": self.topic, "n": self.n}

    @classmethod
    def from_message(cls, message: Message) -> Self:
        return cls(topic=message["topic"], n=int(message["n"]))


class Boom(Exception):
    pass


@pytest.fixture
async def heard(infrastructure: Infrastructure) -> AsyncIterator[tuple[str, list[Noted]]]:
    """A fresh topic and the events a subscriber hears on it, in order."""
    topic = uuid.uuid4().hex
    received: list[Noted] = []
    ready = asyncio.Event()

    async def listen() -> None:
        async with infrastructure.events.listen(f"test.noted.{topic}", Noted.from_message) as s:
            ready.set()
            async for event in s:
                received.append(event)

    task = asyncio.create_task(listen())
    await ready.wait()
    yield topic, received
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def _settle(received: list[Noted], count: int) -> None:
    for _ in range(200):
        if len(received) >= count:
            return
        await asyncio.sleep(0.01)


async def _marker(infrastructure: Infrastructure, topic: str) -> None:
    """A last event straight through the publisher: once it arrives, anything published
    before it has arrived too (one Redis connection keeps order)."""
    await infrastructure.events.after_commit([Noted(topic, -1)])


async def test_published_only_after_the_commit(
    database_url: str, infrastructure: Infrastructure, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At the moment of publishing, another connection already sees the write."""
    resident = await Resident.filter().order_by("id").first()
    assert resident is not None
    stamp = datetime(2001, 2, 3, 4, 5, 6, tzinfo=UTC)
    seen_at_publish: list[datetime | None] = []
    publish = infrastructure.broker.publish

    async def read_elsewhere() -> datetime | None:
        return (await Resident.get(id=resident.id)).last_login_at

    async def publish_and_look(channel: str, message: Message) -> None:
        # A task in an empty context: no transaction of ours, so another connection.
        task = asyncio.get_running_loop().create_task(
            read_elsewhere(), context=contextvars.Context()
        )
        seen_at_publish.append(await task)
        await publish(channel, message)

    monkeypatch.setattr(infrastructure.broker, "publish", publish_and_look)
    async with unit_of_work():
        await Resident.filter(id=resident.id).update(last_login_at=stamp)
        record(Noted("commit", 1))
    assert seen_at_publish == [stamp]


async def test_a_rolled_back_write_publishes_nothing(
    database_url: str, infrastructure: Infrastructure, heard: tuple[str, list[Noted]]
) -> None:
    topic, received = heard
    with pytest.raises(Boom):
        async with unit_of_work():
            record(Noted(topic, 1))
            raise Boom
    await _marker(infrastructure, topic)
    await _settle(received, 1)
    assert [e.n for e in received] == [-1]


async def test_nested_units_publish_with_the_outermost_commit(
    database_url: str, infrastructure: Infrastructure, heard: tuple[str, list[Noted]]
) -> None:
    topic, received = heard
    async with unit_of_work():
        async with unit_of_work():
            record(Noted(topic, 1))
        with pytest.raises(Boom):
            async with unit_of_work():
                record(Noted(topic, 2))  # its savepoint rolls back: so does the event
                raise Boom
        await asyncio.sleep(0.1)
        assert received == []  # the inner commit is not the real one
        record(Noted(topic, 3))
    await _marker(infrastructure, topic)
    await _settle(received, 3)
    assert [e.n for e in received] == [1, 3, -1]


async def test_an_event_outside_a_unit_of_work_is_a_loud_error() -> None:
    with pytest.raises(RuntimeError, match="outside a unit of work"):
        record(Noted("x", 1))


async def test_a_failed_publish_keeps_the_write_and_says_so(
    database_url: str, infrastructure: Infrastructure, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def refuse(channel: str, message: Message) -> None:
        raise ConnectionError("redis is down")

    monkeypatch.setattr(infrastructure.broker, "publish", refuse)
    resident = await Resident.filter().order_by("id").first()
    assert resident is not None
    with capture_logs("tongban.events") as lines:
        async with unit_of_work():
            await Resident.filter(id=resident.id).update(last_login_at=None)
            record(Noted("down", 7))
    assert any("Noted on test.noted.down committed but not published" in line for line in lines)
    assert not any('"n"' in line or "7}" in line for line in lines)  # no payload in the log
