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

from backend.bookings.models import QueueLine, QueueTicket, SlotRule
from backend.centres import service as centres
from backend.centres.models import DayType
from backend.matters import service as matters

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


async def load_queues(data: dict[str, Any]) -> dict[str, int]:
    """Loading seed/queues.json: the queues of every centre (a letter, a name, the
    departments whose matters it serves; a queue naming none takes the rest). `default`
    applies to every centre without an entry in `centres`. Idempotent; a queue the seed no
    longer names is removed unless it has tickets (they keep their history).

        {"default": [{"letter": "A", "name": "人社医保",
                      "departments": ["HUMAN_RESOURCES"]}, ...],
         "centres": {"310101-01": [...]}}
    """
    departments = {d.code: d.id for d in await matters.list_departments()}

    def parse(rows: list[dict[str, Any]], where: str) -> list[tuple[str, str, list[int]]]:
        parsed: list[tuple[str, str, list[int]]] = []
        for row in rows:
            letter, name = str(row["letter"]), str(row["name"])
            if len(letter) != 1 or not ("A" <= letter <= "Z"):
                raise ValueError(f"queues.json: {where}: letter must be one of A-Z")
            if not 1 <= len(name) <= 32:
                raise ValueError(f"queues.json: {where}: name of 1 to 32 characters")
            unknown = [c for c in row.get("departments", []) if c not in departments]
            if unknown:
                raise ValueError(f"queues.json: {where}: no department {unknown[0]}")
            if letter in [p[0] for p in parsed]:
                raise ValueError(f"queues.json: {where}: letter {letter} given twice")
            parsed.append((letter, name, [departments[c] for c in row.get("departments", [])]))
        if not parsed:
            raise ValueError(f"queues.json: {where}: at least one queue")
        return parsed

    default = parse(list(data.get("default", [])), "default")
    special: dict[int, list[tuple[str, str, list[int]]]] = {}
    for code, rows in dict(data.get("centres", {})).items():
        centre = await centres.find_centre_by_code(code)
        if centre is None:
            raise ValueError(f"queues.json: no centre {code}")
        special[centre.id] = parse(list(rows), code)
    created = updated = removed = 0
    async with in_transaction():
        current: dict[tuple[int, str], QueueLine] = {
            (line.centre_id, line.letter): line for line in await QueueLine.all()
        }
        wanted: set[tuple[int, str]] = set()
        for centre in await centres.list_all_centres():
            for position, (letter, name, ids) in enumerate(special.get(centre.id, default)):
                wanted.add((centre.id, letter))
                line = current.get((centre.id, letter))
                if line is None:
                    await QueueLine.create(
                        centre_id=centre.id,
                        letter=letter,
                        name=name,
                        department_ids=ids,
                        position=position,
                    )
                    created += 1
                elif (line.name, line.department_ids, line.position) != (name, ids, position):
                    await QueueLine.filter(id=line.id).update(
                        name=name, department_ids=ids, position=position
                    )
                    updated += 1
        for key, line in current.items():
            if key not in wanted and not await QueueTicket.filter(line_id=line.id).exists():
                await QueueLine.filter(id=line.id).delete()
                removed += 1
    return {"created": created, "updated": updated, "removed": removed}
