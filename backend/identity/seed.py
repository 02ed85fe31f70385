"""Loading seed/population_registry.json and the demo accounts of seed/staff.json.

Both are idempotent. The registry table keeps keyed hashes only. Demo passwords sit in the
seed file in plain text because they are published demo credentials; they are hashed with
argon2id on load and never changed by a reload.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

from tortoise.transactions import in_transaction

from backend.centres import service as centres_service
from backend.identity import residents
from backend.identity.idnumber import parse_id_number
from backend.identity.models import PopulationRecord, Resident, StaffAccount, StaffRole
from backend.identity.personal import normalize_name, normalize_phone
from backend.identity.registry import id_number_index, registry_name_index
from backend.identity.staff import hash_password, normalize_username, validate_staff_shape
from backend.platform import infra
from backend.platform.rows import differs


async def load_population_registry(rows: Iterable[dict[str, Any]]) -> dict[str, int]:
    cipher = infra.current().cipher
    created = updated = 0
    async with in_transaction():
        existing = {r.id_number_hash: r for r in await PopulationRecord.all()}
        for row in rows:
            id_number = parse_id_number(row["id_number"])
            name = normalize_name(row["name"])
            key = id_number_index(cipher, id_number)
            values: dict[str, Any] = {
                "name_hash": registry_name_index(cipher, name, id_number),
                "household_centre_code": row.get("household_centre"),
            }
            record = existing.get(key)
            if record is None:
                existing[key] = await PopulationRecord.create(id_number_hash=key, **values)
                created += 1
            elif differs(record, values):
                await PopulationRecord.filter(id=record.id).update(**values)
                updated += 1
    return {"created": created, "updated": updated}


async def _load_resident(row: dict[str, Any]) -> bool:
    cipher = infra.current().cipher
    phone = normalize_phone(row["phone"])
    phone_hash = cipher.blind_index("phone", phone)
    resident = await Resident.get_or_none(phone_hash=phone_hash)
    created = resident is None
    if resident is None:
        resident = await Resident.create(
            phone_hash=phone_hash, phone_enc=cipher.encrypt("phone", phone)
        )
    verified = row.get("verified")
    if verified and resident.verified_at is None:
        id_number = parse_id_number(verified["id_number"])
        record = await PopulationRecord.get_or_none(
            id_number_hash=id_number_index(cipher, id_number)
        )
        code = record.household_centre_code if record else None
        centre = await centres_service.find_centre_by_code(code) if code else None
        await residents.mark_verified(
            resident.id, normalize_name(verified["name"]), id_number, centre.id if centre else None
        )
    return created


async def _load_staff(row: dict[str, Any], centre_ids: dict[str, int]) -> bool:
    username = normalize_username(row["username"])
    role = StaffRole(row["role"])
    centre_code = row.get("centre")
    if centre_code is not None and centre_code not in centre_ids:
        centre_ids[centre_code] = (await centres_service.get_centre_by_code(centre_code)).id
    centre_id = centre_ids[centre_code] if centre_code is not None else None
    validate_staff_shape(role, centre_id)
    values = {"display_name": row["display_name"], "role": role, "centre_id": centre_id}
    staff = await StaffAccount.get_or_none(username=username)
    if staff is None:
        password_hash = await asyncio.to_thread(hash_password, row["password"])
        await StaffAccount.create(username=username, password_hash=password_hash, **values)
        return True
    if differs(staff, values):
        await StaffAccount.filter(id=staff.id).update(**values)
    return False


async def load_demo_accounts(document: dict[str, Any]) -> dict[str, int]:
    residents = staff = 0
    for row in document.get("residents", []):
        residents += await _load_resident(row)
    centre_ids: dict[str, int] = {}
    for row in document.get("staff", []):
        staff += await _load_staff(row, centre_ids)
    return {"residents_created": residents, "staff_created": staff}
