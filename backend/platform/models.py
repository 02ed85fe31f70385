"""The platform's own tables: named counters, and the durable event streams.

Both belong to no domain: case numbers, event sequence numbers and (later) ticket numbers
all come from `SequenceCounter`; every durable event of every domain lands in
`StreamEvent` (backend/platform/streams.py says how).
"""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class SequenceCounter(Model):
    """A named counter. Its row is locked while a transaction takes the next value, so
    numbers are handed out in commit order per name, without gaps."""

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=128, unique=True)
    value = fields.BigIntField(default=0)

    class Meta:
        table = "platform_sequence"


class StreamEvent(Model):
    """One event on one stream (e.g. resident:42, case:7, centre:3), numbered 1, 2, 3 ...
    per stream in commit order. Written in the transaction of the change it reports."""

    id = fields.BigIntField(primary_key=True)
    stream = fields.CharField(max_length=64)
    seq = fields.BigIntField()
    kind = fields.CharField(max_length=64)
    payload: fields.Field[dict[str, Any]] = fields.JSONField()
    at = fields.DatetimeField()
    published_at = fields.DatetimeField(null=True)

    class Meta:
        table = "platform_stream_event"
        unique_together = (("stream", "seq"),)
        indexes = (("published_at", "id"),)
