"""Readable case numbers: the Shanghai date, the collecting centre's code, a sequence
(26112231010101-0042), unique, without gaps per centre and day. The sequence comes from a
counter row locked by the opening transaction (backend/platform/streams.next_value)."""

from __future__ import annotations

from datetime import datetime

from backend.centres import service as centres
from backend.platform.clock import to_shanghai
from backend.platform.streams import next_value


async def next_case_number(moment: datetime, centre_id: int) -> str:
    day = to_shanghai(moment).strftime("%y%m%d")
    code = (await centres.get_centre(centre_id)).code.replace("-", "")
    sequence = await next_value(f"case-number:{day}:{code}")
    return f"{day}{code}-{sequence:04d}"
