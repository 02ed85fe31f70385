"""Real-name verification (实名认证): a resident proves that a name and an ID number are
theirs, through the population registry adapter. 5 checks a day per resident and 20 an hour
per client address. Mismatch and unknown number give the same answer.
"""

from __future__ import annotations

from tortoise.exceptions import IntegrityError

from backend.audit import service as audit
from backend.audit.service import Target
from backend.centres import service as centres
from backend.identity import consents, events, residents
from backend.identity.idnumber import IdNumber, parse_id_number
from backend.identity.models import Resident
from backend.identity.personal import normalize_name
from backend.identity.registry import RegistryResult, RegistryUnavailable, population_registry
from backend.platform import infra
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.events import record
from backend.platform.principal import Principal
from backend.platform.ratelimit import enforce
from backend.platform.requestmeta import RequestMeta
from backend.platform.uow import unit_of_work

REAL_NAME_CHECKS_PER_DAY = 5
REAL_NAME_CHECKS_PER_SOURCE_PER_HOUR = 20


async def verify_real_name(
    principal: Principal,
    raw_name: str,
    raw_id_number: str,
    meta: RequestMeta,
    consent_version: str | None = None,
) -> Resident:
    """`consent_version`: the version of the separate ID-number consent the resident agreed
    to on the form. Without the current one the number is not looked at (CONSENT_REQUIRED)."""
    resident_id = principal.resident_id
    async with audit.audited(
        "identity.real_name.verify",
        actor=principal.audit_actor,
        target=Target("resident", resident_id),
        meta=meta,
    ) as note:
        if resident_id is None:
            raise DomainError(ErrorCode.FORBIDDEN, "只有居民账号可以进行实名认证。")
        resident = await Resident.get(id=resident_id)
        if resident.verified_at is not None:
            raise DomainError(ErrorCode.REAL_NAME_ALREADY_VERIFIED, "您已完成实名认证。")
        await consents.record_id_number_consent(principal, resident_id, consent_version)
        name = normalize_name(raw_name)
        id_number = parse_id_number(raw_id_number)
        limiter = infra.current().limiter
        await enforce(
            limiter,
            f"realname:resident:{resident_id}",
            REAL_NAME_CHECKS_PER_DAY,
            86_400,
            "今天的实名认证尝试次数已达上限，请明天再试。",
        )
        if meta.source_key:
            await enforce(
                limiter,
                f"realname:source:{meta.source_key}",
                REAL_NAME_CHECKS_PER_SOURCE_PER_HOUR,
                3_600,
                "请求过于频繁，请 {seconds} 秒后再试。",
            )
        try:
            result = await population_registry().check(name, id_number)
        except RegistryUnavailable:
            raise DomainError(
                ErrorCode.REGISTRY_UNAVAILABLE, "实名核验服务暂时不可用，请稍后再试。"
            ) from None
        note.details["registry"] = result.value
        if result is not RegistryResult.MATCH:
            raise DomainError(
                ErrorCode.REAL_NAME_MISMATCH, "姓名与身份证号码不一致，请核对后重试。"
            )
        household = await _household_centre_id(id_number)
        try:
            async with unit_of_work():
                if not await residents.mark_verified(resident_id, name, id_number, household):
                    raise DomainError(ErrorCode.REAL_NAME_ALREADY_VERIFIED, "您已完成实名认证。")
                record(events.real_name_verified(resident_id))
        except IntegrityError:
            raise DomainError(
                ErrorCode.ID_NUMBER_ALREADY_BOUND,
                "该身份证号码已绑定其他账号。如非本人操作，请携带身份证到受理中心处理。",
                "idNumber",
            ) from None
    return await Resident.get(id=resident_id)


async def _household_centre_id(id_number: IdNumber) -> int | None:
    """The registry's 户籍地 as one of our centres; None when not in Shanghai or unknown."""
    try:
        code = await population_registry().household_centre(id_number)
    except RegistryUnavailable:
        return None  # verification stands; 收受分离 cases then stay at the collecting centre
    if code is None:
        return None
    centre = await centres.find_centre_by_code(code)
    return centre.id if centre else None
