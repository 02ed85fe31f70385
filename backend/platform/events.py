"""Domain events: recorded by services inside a unit of work, published after it commits.

A service never publishes. It writes inside `unit_of_work()` (backend/platform/uow.py) and
calls `record(event)`;
the unit of work keeps the events, and only when its transaction has committed hands them
to the app's `EventPublisher`, which sends each to the broker. So:

- an event is never published for a write that was rolled back (the events go with it);
- an event is never dropped because someone forgot an argument: `record` outside a unit
  of work is a programming error and raises at once;
- subscribers (GraphQL subscriptions) listen through `EventPublisher.listen`, which turns
  broker messages back into typed events with the event class's `from_message`.

Nested units of work join the outermost transaction: their events are kept only if their
savepoint succeeded, and published only when the outermost one commits.

Two kinds of event. A plain `Event` (account events: signed out, disabled) is published on
its channel after the commit and nothing more; a failed publish is logged (type and
channel, never the payload). A `DurableEvent` (backend/platform/streams.py: case
progress, and every later feature's updates) is also written to the streams it names inside
the transaction, so the database is the truth: subscribers resume from the log, and a
commit whose publish failed is relayed again.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Self, TypeVar

from backend.platform.broker import Broker, Message

logger = logging.getLogger("tongban.events")
E = TypeVar("E", bound="Event")


class Event(ABC):
    """Something that happened. Concrete events are frozen dataclasses in `<domain>/events.py`."""

    @property
    @abstractmethod
    def channel(self) -> str:
        """The broker channel (without the deployment's prefix) its subscribers listen on."""

    @abstractmethod
    def to_message(self) -> Message:
        """A JSON object: ids, codes and times only, never personal data."""

    @classmethod
    @abstractmethod
    def from_message(cls, message: Message) -> Self: ...


@dataclass
class UnitOfWork:
    events: list[Event] = field(default_factory=list)

    def record(self, event: Event) -> None:
        self.events.append(event)


_current: ContextVar[UnitOfWork | None] = ContextVar("tongban_unit_of_work", default=None)


def record(event: Event) -> None:
    """Keep `event` for publishing once the current unit of work commits."""
    unit = _current.get()
    if unit is None:
        raise RuntimeError(f"{type(event).__name__} recorded outside a unit of work")
    unit.record(event)


@contextmanager
def collecting() -> Iterator[UnitOfWork]:
    """Collect the events recorded in this block (backend/platform/uow.py opens it with the
    transaction)."""
    unit = UnitOfWork()
    token = _current.set(unit)
    try:
        yield unit
    finally:
        _current.reset(token)


def current_unit() -> UnitOfWork | None:
    return _current.get()


class EventPublisher:
    """Delivers committed events to the broker, and typed events to subscribers."""

    def __init__(self, broker: Broker, channel: Callable[[str], str]) -> None:
        self.broker = broker
        self._channel = channel

    async def after_commit(self, events: list[Event]) -> None:
        for event in events:
            if not event.channel:  # durable events go out per stream (streams.publish)
                continue
            try:
                await self.broker.publish(self._channel(event.channel), event.to_message())
            except Exception:  # the write stands; the subscriber misses this one event
                logger.exception(
                    "event %s on %s committed but not published",
                    type(event).__name__,
                    event.channel,
                )

    @asynccontextmanager
    async def listen(
        self, channel: str, decode: Callable[[Message], E]
    ) -> AsyncIterator[AsyncIterator[E]]:
        """Typed events of one channel; live (nothing published afterwards is missed) once
        the block is entered."""
        async with self.broker.subscribe(self._channel(channel)) as messages:
            yield _decoded(messages, decode)


async def _decoded(
    messages: AsyncIterator[Message], decode: Callable[[Message], E]
) -> AsyncIterator[E]:
    async for message in messages:
        yield decode(message)
