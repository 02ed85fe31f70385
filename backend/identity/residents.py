"""A resident's account as others may see it (masked), as its owner may see it (in the
clear, audited), and the one write that marks it verified."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from backend.audit import service as audit
from backend.audit.service import Target
from backend.identity.access import may_reveal_resident_data
from backend.identity.idnumber import IdNumber, mask_id_number, parse_id_number
from backend.identity.models import Resident
from backend.identity.personal import mask_name, mask_phone
from backend.platform import infra
from backend.platform.clock import now
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.principal import Principal
from backend.platform.requestmeta import RequestMeta


@dataclass(frozen=True)
class ResidentView:
    """A resident as someone may see them: personal data masked."""

    resident: Resident
    phone: str
    real_name: str | None
    id_number: str | None

    @property
    def verified(self) -> bool:
        return self.resident.verified_at is not None


@dataclass(frozen=True)
class PersonalData:
    """In the clear, for the owner only (and every reveal is audited)."""

    phone: str
    real_name: str | None
    id_number: str | None


async def mark_verified(
    resident_id: int, name: str, id_number: IdNumber, household_centre_id: int | None
) -> bool:
    """Seal the verified name and number onto an unverified resident; False when it was
    verified already. Raises IntegrityError when the number is bound to another account."""
    cipher = infra.current().cipher
    updated = await Resident.filter(id=resident_id, verified_at=None).update(
        real_name_enc=cipher.encrypt("real_name", name),
        id_number_enc=cipher.encrypt("id_number", id_number.value),
        id_number_hash=cipher.blind_index("id_number", id_number.value),
        household_centre_id=household_centre_id,
        verified_at=now(),
    )
    return bool(updated)


async def household_centre_id(resident_id: int) -> int | None:
    """户籍地 centre of a resident, for routing 收受分离 cases."""
    resident = await Resident.get_or_none(id=resident_id)
    return resident.household_centre_id if resident else None


async def verified_resident_by_id_number(raw: str) -> int | None:
    """The verified resident holding this ID number (by its blind index), if any."""
    id_number = parse_id_number(raw)
    cipher = infra.current().cipher
    resident = await Resident.get_or_none(
        id_number_hash=cipher.blind_index("id_number", id_number.value)
    )
    return resident.id if resident and resident.verified_at is not None else None


def _personal_data(resident: Resident) -> PersonalData:
    cipher = infra.current().cipher
    return PersonalData(
        phone=cipher.decrypt("phone", resident.phone_enc),
        real_name=(
            cipher.decrypt("real_name", resident.real_name_enc) if resident.real_name_enc else None
        ),
        id_number=(
            cipher.decrypt("id_number", resident.id_number_enc) if resident.id_number_enc else None
        ),
    )


def view_resident(resident: Resident) -> ResidentView:
    data = _personal_data(resident)
    return ResidentView(
        resident=resident,
        phone=mask_phone(data.phone),
        real_name=mask_name(data.real_name) if data.real_name else None,
        id_number=mask_id_number(data.id_number) if data.id_number else None,
    )


async def reveal_personal_data(
    principal: Principal, resident_id: int, meta: RequestMeta
) -> PersonalData:
    """The owner's own personal data in the clear. Anyone else is refused; both audited."""
    async with audit.audited(
        "identity.personal_data.reveal",
        actor=principal.audit_actor,
        target=Target("resident", resident_id),
        meta=meta,
    ):
        if not may_reveal_resident_data(principal, resident_id):
            raise DomainError(ErrorCode.FORBIDDEN, "只能查看本人的完整个人信息。")
        return _personal_data(await Resident.get(id=resident_id))


async def contact_phone(resident_id: int) -> str | None:
    """The resident's phone in the clear, for a notice the system sends them by SMS (a
    booking the centre cancelled). Never logged, never returned through the API."""
    resident = await Resident.get_or_none(id=resident_id)
    return infra.current().cipher.decrypt("phone", resident.phone_enc) if resident else None


async def aged_at_least(resident_id: int, years: int, on: date) -> bool:
    """Whether the resident is `years` old or more on `on`, by the birth date in their
    verified ID number. Only the yes or no leaves this function (the 绿色通道 of the queue):
    the number is decrypted here and never returned, logged or stored elsewhere."""
    resident = await Resident.get_or_none(id=resident_id)
    if resident is None or resident.verified_at is None or not resident.id_number_enc:
        return False
    raw = infra.current().cipher.decrypt("id_number", resident.id_number_enc)
    try:
        born = parse_id_number(raw).birth_date
    except (DomainError, ValueError):
        return False
    had_birthday = (on.month, on.day) >= (born.month, born.day)
    return on.year - born.year - (0 if had_birthday else 1) >= years


async def get_resident(resident_id: int) -> Resident | None:
    return await Resident.get_or_none(id=resident_id)


async def load_residents(ids: list[int]) -> list[Resident | None]:
    found = {r.id: r for r in await Resident.filter(id__in=ids)}
    return [found.get(i) for i in ids]


@dataclass(frozen=True)
class VerifiedIdentity:
    """A verified resident's ID number in the clear and its blind index, for a system
    look-up in another source (the e-licence library). Never logged, never returned."""

    id_number: str
    id_number_hash: str

    def __repr__(self) -> str:
        return "VerifiedIdentity(***)"


async def verified_identity(resident_id: int) -> VerifiedIdentity | None:
    resident = await Resident.get_or_none(id=resident_id)
    if resident is None or resident.verified_at is None or not resident.id_number_enc:
        return None
    cipher = infra.current().cipher
    assert resident.id_number_hash is not None  # set together with id_number_enc
    return VerifiedIdentity(
        cipher.decrypt("id_number", resident.id_number_enc), resident.id_number_hash
    )


async def verified_residents_by_id_number_hashes(hashes: list[str]) -> dict[str, int]:
    """The verified residents holding these ID numbers (by blind index): hash -> id."""
    if not hashes:
        return {}
    rows = await Resident.filter(
        id_number_hash__in=hashes, verified_at__not_isnull=True
    ).values_list("id_number_hash", "id")
    return {str(h): int(i) for h, i in rows}


def id_number_hash(id_number: str) -> str:
    """The blind index identity keeps for an ID number (the same as Resident.id_number_hash)."""
    return infra.current().cipher.blind_index("id_number", id_number)
