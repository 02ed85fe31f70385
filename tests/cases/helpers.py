"""People and cases for the cases tests: principals made directly (the service looks at the
principal only), cases put straight into any state."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from backend.cases.models import Case, CaseChannel, CaseState
from backend.centres.models import Centre
from backend.identity.models import Resident, StaffRole
from backend.matters.models import Matter
from backend.platform import infra
from backend.platform.clock import now
from backend.platform.principal import Principal, Role
from backend.platform.tokens import SubjectKind
from tests.identity.helpers import make_staff, new_phone

COLLECTING = "310101-01"  # 南京东路: where the papers are handed in
ACCEPTING = "310110-01"  # 定海路 (杨浦): the resident's household-registration centre
ELSEWHERE = "310104-01"
COLLECT_FORWARD_MATTER = "MZ004"  # 最低生活保障申请: 收受分离, PREREVIEW
ONLINE_MATTER = "GA007"  # 居住证签注: 全程网办, done on the spot
COUNTER_MATTER = "GA006"  # 居住证新办: 窗口办理


def resident_principal(resident: Resident) -> Principal:
    return Principal(
        kind=SubjectKind.RESIDENT,
        subject_id=str(resident.id),
        role=Role.RESIDENT,
        verified=resident.verified_at is not None,
    )


async def staff_principal(role: StaffRole, centre_code: str | None) -> Principal:
    centre = await Centre.get(code=centre_code) if centre_code else None
    account, _ = await make_staff(role, centre.id if centre else None)
    return Principal(
        kind=SubjectKind.STAFF,
        subject_id=str(account.id),
        role=Role(role.value),
        centre_id=centre.id if centre else None,
    )


async def new_resident(household: str | None = ACCEPTING) -> Resident:
    centre = await Centre.get(code=household) if household else None
    phone = new_phone()
    cipher = infra.current().cipher
    # Sealed for real: the key-rotation test re-seals every resident in the database.
    return await Resident.create(
        phone_hash=cipher.blind_index("phone", phone),
        phone_enc=cipher.encrypt("phone", phone),
        verified_at=now(),
        household_centre_id=centre.id if centre else None,
    )


@dataclass
class World:
    owner: Resident
    matter: Matter
    collecting: Centre
    accepting: Centre


async def world() -> World:
    return World(
        owner=await new_resident(),
        matter=await Matter.get(code=COLLECT_FORWARD_MATTER),
        collecting=await Centre.get(code=COLLECTING),
        accepting=await Centre.get(code=ACCEPTING),
    )


async def case_in(state: CaseState, w: World) -> Case:
    return await Case.create(
        number=f"T{uuid.uuid4().hex[:20]}",
        resident_id=w.owner.id,
        matter_id=w.matter.id,
        collecting_centre_id=w.collecting.id,
        accepting_centre_id=w.accepting.id,
        channel=CaseChannel.COUNTER,
        state=state,
        materials=[],
        submitted_at=now(),
    )
