"""Loading seed/booking_slots.json: each centre's slot length and capacity per kind of day.
Idempotent: loading twice changes nothing. Centres without a rule use the Settings defaults
(TONGBAN_BOOKING_SLOT_MINUTES, _WINDOWS, _PER_WINDOW).

    [{"centre": "310101-01", "day_type": "WORKDAY", "slot_minutes": 30,
      "windows": 6, "per_window": 2}, ...]

A changed rule applies to slots not booked yet; a slot already booked keeps the capacity
its counter was created with.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tortoise.transactions import in_transaction

from backend.bookings.models import SlotRule
from backend.centres import service as centres
from backend.centres.models import DayType

# (centre id, day type) -> (slot minutes, windows, per window)
RuleKey = tuple[int, DayType]
RuleValue = tuple[int, int, int]


async def load_slot_rules(rows: Iterable[dict[str, Any]]) -> dict[str, int]:
    wanted: dict[RuleKey, RuleValue] = {}
    for row in rows:
        code = str(row["centre"])
        centre = await centres.find_centre_by_code(code)
        if centre is None:
            raise ValueError(f"booking_slots.json: no centre {code}")
        day_type = DayType(row["day_type"])
        value = (int(row["slot_minutes"]), int(row["windows"]), int(row["per_window"]))
        minutes, windows, per_window = value
        if not (5 <= minutes <= 240) or 1440 % minutes:
            raise ValueError(f"booking_slots.json: {code} slot_minutes must divide a day")
        if windows < 1 or per_window < 1:
            raise ValueError(f"booking_slots.json: {code} needs windows and per_window >= 1")
        if (centre.id, day_type) in wanted:
            raise ValueError(f"booking_slots.json: {code} {day_type.value} given twice")
        wanted[(centre.id, day_type)] = value
    created = updated = removed = 0
    async with in_transaction():
        current = {(r.centre_id, r.day_type): r for r in await SlotRule.all()}
        for key, (minutes, windows, per_window) in wanted.items():
            rule = current.get(key)
            if rule is None:
                await SlotRule.create(
                    centre_id=key[0],
                    day_type=key[1],
                    slot_minutes=minutes,
                    windows=windows,
                    per_window=per_window,
                )
                created += 1
            elif (rule.slot_minutes, rule.windows, rule.per_window) != (
                minutes,
                windows,
                per_window,
            ):
                await SlotRule.filter(id=rule.id).update(
                    slot_minutes=minutes, windows=windows, per_window=per_window
                )
                updated += 1
        stale = [r.id for key, r in current.items() if key not in wanted]
        if stale:
            removed = await SlotRule.filter(id__in=stale).delete()
    return {"created": created, "updated": updated, "removed": removed}
