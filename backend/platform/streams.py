"""Durable event streams: the one event stream every feature pushes through.

A `DurableEvent` names the streams it belongs to (`resident:42`, `case:7`, `centre:3`).
Inside the unit of work's transaction, before it commits, each such event is written to
`platform_stream_event` with the next sequence number of each of its streams (the
database is the truth: an event exists if and only if its change committed). After the
commit the rows are published on the broker (channel `stream.<name>`) and marked
published. A row whose publish failed stays unpublished and the relay
(`relay_unpublished`, a background task of every app instance) publishes it again.

Sequence numbers per stream come from a locked counter row, so they follow commit order:
a reader that has seen seq n and finds n+2 knows n+1 exists and reads it from the log.
`follow(stream, after)` gives a subscriber everything after its cursor: it listens on the
broker first, then reads what it missed from the log, then the live messages, filling any
gap from the log and skipping duplicates; when the broker is interrupted (Redis restarted,
the listener fell over, the subscriber fell behind) it listens again and catches up from
the log. So a client that reconnects with its last cursor misses nothing and sees nothing
twice, in order, whatever Redis did in between.
"""

from __future__ import annotations

import base64
import binascii
import logging
from abc import abstractmethod
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from backend.platform import infra
from backend.platform.broker import Message, SubscriptionInterrupted
from backend.platform.clock import now
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.events import Event
from backend.platform.models import SequenceCounter, StreamEvent

logger = logging.getLogger("tongban.streams")
READ_BATCH = 200
MAX_SEQ = 2**53


class DurableEvent(Event):
    """An event kept in the streams it names, besides being published."""

    @property
    @abstractmethod
    def streams(self) -> Sequence[str]: ...

    @property
    @abstractmethod
    def kind(self) -> str: ...

    @property
    def channel(self) -> str:  # published per stream, not on a channel of its own
        return ""


@dataclass(frozen=True)
class StreamEntry:
    stream: str
    seq: int
    kind: str
    payload: dict[str, Any]
    at: datetime
    row_id: int = 0

    @property
    def cursor(self) -> str:
        return encode_cursor(self.stream, self.seq)

    def to_message(self) -> Message:
        return {
            "seq": self.seq,
            "kind": self.kind,
            "payload": self.payload,
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_message(cls, stream: str, message: Message) -> StreamEntry:
        return cls(
            stream=stream,
            seq=int(message["seq"]),
            kind=str(message["kind"]),
            payload=dict(message["payload"]),
            at=datetime.fromisoformat(message["at"]),
        )

    @classmethod
    def from_row(cls, row: StreamEvent) -> StreamEntry:
        return cls(row.stream, row.seq, row.kind, dict(row.payload), row.at, row.id)


def stream_channel(stream: str) -> str:
    return f"stream.{stream}"


_TAKE_SQL = (
    'INSERT INTO "platform_sequence" ("name", "value") VALUES ({p1}, {p2}) '
    'ON CONFLICT ("name") DO UPDATE SET "value" = "platform_sequence"."value" + {p2} '
    'RETURNING "value"'
)


async def take_values(name: str, count: int = 1) -> int:
    """Advance a named counter by `count` inside the caller's transaction and return its
    new value (the values taken are value - count + 1 .. value). One statement, an upsert:
    the row is created on first use and stays locked until the transaction ends, so values
    follow commit order, without gaps."""
    client = SequenceCounter._meta.db
    marks = ("$1", "$2") if client.capabilities.dialect == "postgres" else ("?1", "?2")
    rows = await client.execute_query_dict(
        _TAKE_SQL.format(p1=marks[0], p2=marks[1]), [name, count]
    )
    return int(rows[0]["value"])


async def next_value(name: str) -> int:
    """The next value of a named counter, inside the caller's transaction; the counter row
    stays locked until that transaction ends, so values follow commit order."""
    return await take_values(name, 1)


async def append(events: Sequence[Event]) -> list[StreamEntry]:
    """Write the durable events to their streams (inside the transaction). Each stream's
    head is taken once, for all its events, and the heads in one fixed (sorted) order, so
    two writers cannot deadlock: one statement per stream, then one row per entry."""
    durable = [e for e in events if isinstance(e, DurableEvent)]
    if not durable:
        return []
    wanted: dict[str, int] = {}
    for event in durable:
        for stream in event.streams:
            wanted[stream] = wanted.get(stream, 0) + 1
    next_seq: dict[str, int] = {}
    for stream in sorted(wanted):
        last = await take_values(f"stream:{stream}", wanted[stream])
        next_seq[stream] = last - wanted[stream] + 1
    entries = []
    moment = now()
    for event in durable:
        payload = event.to_message()
        for stream in event.streams:
            seq = next_seq[stream]
            next_seq[stream] += 1
            row = await StreamEvent.create(
                stream=stream, seq=seq, kind=event.kind, payload=payload, at=moment
            )
            entries.append(StreamEntry(stream, seq, event.kind, payload, moment, row.id))
    return entries


async def publish(entries: Sequence[StreamEntry]) -> None:
    """After the commit: to the broker, then marked published. A failure leaves the rows
    for the relay."""
    if not entries:
        return
    container = infra.current()
    try:
        for entry in entries:
            await container.broker.publish(
                container.channel(stream_channel(entry.stream)), entry.to_message()
            )
    except Exception:
        logger.warning("stream events committed but not published; the relay will retry")
        return
    await StreamEvent.filter(id__in=[e.row_id for e in entries]).update(published_at=now())


async def relay_unpublished(older_than: timedelta = timedelta(seconds=2), limit: int = 200) -> int:
    """Publish rows whose after-commit publish failed. Safe on several instances at once:
    a row may go out twice, and subscribers skip what they have seen."""
    cutoff = now() - older_than
    async with in_transaction():
        rows = (
            await StreamEvent.filter(published_at=None, at__lt=cutoff).order_by("id").limit(limit)
        )
        entries = [StreamEntry.from_row(row) for row in rows]
    await publish(entries)
    return len(entries)


async def read(stream: str, after: int, upto: int | None = None) -> list[StreamEntry]:
    query = StreamEvent.filter(stream=stream, seq__gt=after)
    if upto is not None:
        query = query.filter(seq__lte=upto)
    rows = await query.order_by("seq").limit(READ_BATCH)
    return [StreamEntry.from_row(row) for row in rows]


async def follow(stream: str, after: int) -> AsyncIterator[StreamEntry]:
    """Every entry of `stream` after `after`, then live, in order, each once."""
    container = infra.current()
    last = after
    while True:
        try:
            async with container.broker.subscribe(
                container.channel(stream_channel(stream))
            ) as live:
                # Listening already, so nothing committed from now on is missed.
                while batch := await read(stream, last):
                    for entry in batch:
                        yield entry
                        last = entry.seq
                async for message in live:
                    entry = StreamEntry.from_message(stream, message)
                    if entry.seq <= last:
                        continue  # seen (from the log, or the relay sent it again)
                    while last + 1 < entry.seq:  # a gap: the log has what the broker lost
                        batch = await read(stream, last, entry.seq - 1)
                        if not batch:
                            break
                        for missed in batch:
                            yield missed
                            last = missed.seq
                    yield entry
                    last = entry.seq
        except SubscriptionInterrupted:
            logger.info("stream subscription interrupted; catching up from the log")
            continue


def encode_cursor(stream: str, seq: int) -> str:
    return base64.urlsafe_b64encode(f"{stream}@{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, stream: str, field: str = "after") -> int:
    """The sequence number in a cursor of `stream`; 0 for no cursor. A cursor of another
    stream (someone else's) or garbage is refused, never guessed at."""
    if cursor is None:
        return 0
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
        name, _, seq_text = raw.rpartition("@")
        seq = int(seq_text) if seq_text.isdigit() else -1
    except (binascii.Error, UnicodeError, ValueError):
        name, seq = "", -1
    if name != stream or not 0 <= seq <= MAX_SEQ:
        raise DomainError(ErrorCode.INVALID_CURSOR, "续传位置无效，请不带位置重新订阅。", field)
    return seq
