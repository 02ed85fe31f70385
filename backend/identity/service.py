"""Residents: signing in with a one-time code, proving their real name, and reading back
their own personal data.

One-time codes: 6 digits, 5 minutes, at most 5 attempts each, one a minute and ten a day
per phone, stored as a keyed hash. The attempt count is a conditional UPDATE, so parallel
guesses cannot exceed it. Real-name checks: 5 a day per resident, through the registry
adapter. Nothing here logs a phone number, name, ID number or code.
"""

from __future__ import annotations

import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from backend.audit import service as audit
from backend.audit.service import Actor, Target
from backend.identity import events, sessions
from backend.identity.access import may_reveal_resident_data
from backend.identity.idnumber import mask_id_number, parse_id_number
from backend.identity.models import LoginCode, Resident
from backend.identity.personal import mask_name, mask_phone, normalize_name, normalize_phone
from backend.identity.principal import Principal
from backend.identity.registry import RegistryResult, RegistryUnavailable, get_registry
from backend.identity.sms import SmsMessage, get_sms_sender
from backend.platform.broker import Broker
from backend.platform.clock import now
from backend.platform.crypto import PiiCipher, get_cipher
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.ratelimit import get_limiter
from backend.platform.requestmeta import RequestMeta
from backend.platform.tokens import SubjectKind

CODE_DIGITS = 6
CODE_TTL = timedelta(minutes=5)
CODE_MAX_ATTEMPTS = 5
RESEND_SECONDS = 60
CODES_PER_PHONE_PER_DAY = 10
CODES_PER_SOURCE_PER_HOUR = 30
REAL_NAME_CHECKS_PER_DAY = 5
REAL_NAME_CHECKS_PER_SOURCE_PER_HOUR = 20
_CODE = re.compile(rf"^\d{{{CODE_DIGITS}}}$")


@dataclass(frozen=True)
class CodeSent:
    expires_in: int
    resend_after: int


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


def phone_index(cipher: PiiCipher, phone: str) -> str:
    return cipher.blind_index("phone", phone)


def _code_hash(cipher: PiiCipher, phone_hash: str, code: str) -> str:
    return cipher.blind_index("login_code", f"{phone_hash}\x00{code}")


def _phone_ref(phone_hash: str) -> Target:
    # A short prefix of the keyed hash: enough to follow one number through the audit log.
    return Target("phone", phone_hash[:16])


async def _limit(key: str, limit: int, window: int, message: str, field: str | None) -> None:
    decision = await get_limiter().hit(key, limit, window)
    if not decision.allowed:
        raise DomainError(
            ErrorCode.RATE_LIMITED,
            message.format(seconds=decision.retry_after),
            field,
        )


async def request_login_code(raw_phone: str, meta: RequestMeta) -> CodeSent:
    async with audit.audited("identity.login_code.request", meta=meta) as note:
        phone = normalize_phone(raw_phone)
        cipher = get_cipher()
        phone_hash = phone_index(cipher, phone)
        note.target = _phone_ref(phone_hash)
        await _limit(
            f"otp:cooldown:{phone_hash}",
            1,
            RESEND_SECONDS,
            "请 {seconds} 秒后再获取验证码。",
            "phone",
        )
        await _limit(
            f"otp:daily:{phone_hash}",
            CODES_PER_PHONE_PER_DAY,
            86_400,
            "今天获取验证码的次数已达上限，请明天再试。",
            "phone",
        )
        if meta.source_key:
            await _limit(
                f"otp:source:{meta.source_key}",
                CODES_PER_SOURCE_PER_HOUR,
                3_600,
                "请求过于频繁，请 {seconds} 秒后再试。",
                None,
            )
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        moment = now()
        await LoginCode.create(
            phone_hash=phone_hash,
            code_hash=_code_hash(cipher, phone_hash, code),
            created_at=moment,
            expires_at=moment + CODE_TTL,
        )
        minutes = str(int(CODE_TTL.total_seconds() // 60))
        await get_sms_sender().send(
            SmsMessage(phone, "LOGIN_CODE", {"code": code, "minutes": minutes})
        )
        return CodeSent(expires_in=int(CODE_TTL.total_seconds()), resend_after=RESEND_SECONDS)


def _clean_code(raw: str) -> str:
    code = unicodedata.normalize("NFKC", raw).strip()
    if not _CODE.match(code):
        raise DomainError(ErrorCode.OTP_INVALID, f"验证码为 {CODE_DIGITS} 位数字。", "code")
    return code


async def _check_code(cipher: PiiCipher, phone_hash: str, code: str) -> None:
    latest = await LoginCode.filter(phone_hash=phone_hash).order_by("-id").first()
    if latest is None or latest.consumed_at is not None:
        raise DomainError(ErrorCode.OTP_INVALID, "验证码不正确，请重新获取。", "code")
    if latest.expires_at <= now():
        raise DomainError(ErrorCode.OTP_EXPIRED, "验证码已过期，请重新获取。", "code")
    counted = await LoginCode.filter(
        id=latest.id, consumed_at=None, attempts__lt=CODE_MAX_ATTEMPTS
    ).update(attempts=F("attempts") + 1)
    if not counted:
        raise DomainError(
            ErrorCode.OTP_ATTEMPTS_EXCEEDED, "验证码输错次数过多，请重新获取。", "code"
        )
    if not hmac.compare_digest(latest.code_hash, _code_hash(cipher, phone_hash, code)):
        left = CODE_MAX_ATTEMPTS - (await LoginCode.get(id=latest.id)).attempts
        if left <= 0:
            raise DomainError(
                ErrorCode.OTP_ATTEMPTS_EXCEEDED, "验证码输错次数过多，请重新获取。", "code"
            )
        raise DomainError(ErrorCode.OTP_INVALID, f"验证码不正确，还可以再试 {left} 次。", "code")
    consumed = await LoginCode.filter(id=latest.id, consumed_at=None).update(consumed_at=now())
    if not consumed:
        raise DomainError(ErrorCode.OTP_INVALID, "验证码已使用，请重新获取。", "code")


async def _resident_for_phone(cipher: PiiCipher, phone: str, phone_hash: str) -> Resident:
    """The resident with this phone, created on first sign-in; safe when two race."""
    resident = await Resident.get_or_none(phone_hash=phone_hash)
    if resident is None:
        await Resident.bulk_create(
            [Resident(phone_hash=phone_hash, phone_enc=cipher.encrypt("phone", phone))],
            ignore_conflicts=True,
        )
        resident = await Resident.get(phone_hash=phone_hash)
    return resident


async def login_with_code(
    raw_phone: str, raw_code: str, meta: RequestMeta
) -> tuple[Resident, sessions.TokenPair]:
    async with audit.audited("identity.login", meta=meta) as note:
        phone = normalize_phone(raw_phone)
        code = _clean_code(raw_code)
        cipher = get_cipher()
        phone_hash = phone_index(cipher, phone)
        note.target = _phone_ref(phone_hash)
        await _check_code(cipher, phone_hash, code)
        resident = await _resident_for_phone(cipher, phone, phone_hash)
        note.actor = Actor(SubjectKind.RESIDENT.value, str(resident.id))
        await Resident.filter(id=resident.id).update(last_login_at=now())
        tokens = await sessions.open_session(resident)
        note.details["session"] = tokens.session_id
        return resident, tokens


async def verify_real_name(
    principal: Principal,
    raw_name: str,
    raw_id_number: str,
    meta: RequestMeta,
    broker: Broker | None = None,
) -> Resident:
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
        name = normalize_name(raw_name)
        id_number = parse_id_number(raw_id_number)
        await _limit(
            f"realname:resident:{resident_id}",
            REAL_NAME_CHECKS_PER_DAY,
            86_400,
            "今天的实名认证尝试次数已达上限，请明天再试。",
            None,
        )
        if meta.source_key:
            await _limit(
                f"realname:source:{meta.source_key}",
                REAL_NAME_CHECKS_PER_SOURCE_PER_HOUR,
                3_600,
                "请求过于频繁，请 {seconds} 秒后再试。",
                None,
            )
        try:
            result = await get_registry().check(name, id_number)
        except RegistryUnavailable:
            raise DomainError(
                ErrorCode.REGISTRY_UNAVAILABLE, "实名核验服务暂时不可用，请稍后再试。"
            ) from None
        note.details["registry"] = result.value
        if result is not RegistryResult.MATCH:
            raise DomainError(
                ErrorCode.REAL_NAME_MISMATCH, "姓名与身份证号码不一致，请核对后重试。"
            )
        cipher = get_cipher()
        try:
            async with in_transaction():
                updated = await Resident.filter(id=resident_id, verified_at=None).update(
                    real_name_enc=cipher.encrypt("real_name", name),
                    id_number_enc=cipher.encrypt("id_number", id_number.value),
                    id_number_hash=cipher.blind_index("id_number", id_number.value),
                    verified_at=now(),
                )
        except IntegrityError:
            raise DomainError(
                ErrorCode.ID_NUMBER_ALREADY_BOUND,
                "该身份证号码已绑定其他账号。如非本人操作，请携带身份证到受理中心处理。",
                "idNumber",
            ) from None
        if not updated:
            raise DomainError(ErrorCode.REAL_NAME_ALREADY_VERIFIED, "您已完成实名认证。")
    if broker is not None:
        await events.publish(
            broker, SubjectKind.RESIDENT, resident_id, events.AccountEventKind.REAL_NAME_VERIFIED
        )
    return await Resident.get(id=resident_id)


def view_resident(resident: Resident) -> ResidentView:
    cipher = get_cipher()
    phone = cipher.decrypt("phone", resident.phone_enc)
    name = cipher.decrypt("real_name", resident.real_name_enc) if resident.real_name_enc else None
    id_value = (
        cipher.decrypt("id_number", resident.id_number_enc) if resident.id_number_enc else None
    )
    return ResidentView(
        resident=resident,
        phone=mask_phone(phone),
        real_name=mask_name(name) if name else None,
        id_number=mask_id_number(id_value) if id_value else None,
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
        resident = await Resident.get(id=resident_id)
        cipher = get_cipher()
        return PersonalData(
            phone=cipher.decrypt("phone", resident.phone_enc),
            real_name=(
                cipher.decrypt("real_name", resident.real_name_enc)
                if resident.real_name_enc
                else None
            ),
            id_number=(
                cipher.decrypt("id_number", resident.id_number_enc)
                if resident.id_number_enc
                else None
            ),
        )


async def get_resident(resident_id: int) -> Resident | None:
    return await Resident.get_or_none(id=resident_id)
