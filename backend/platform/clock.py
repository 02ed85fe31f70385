"""Shanghai time. Every rule about days and hours is in Asia/Shanghai."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def now() -> datetime:
    return datetime.now(tz=SHANGHAI)


def to_shanghai(moment: datetime) -> datetime:
    """An aware moment in Shanghai time; a naive one is taken to be Shanghai wall time."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=SHANGHAI)
    return moment.astimezone(SHANGHAI)
