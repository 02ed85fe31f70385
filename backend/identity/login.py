"""Residents sign in with a one-time code sent to their phone.

Codes: 6 digits, 5 minutes, at most 5 attempts each, one a minute and ten a day per phone,
stored as a keyed hash. The attempt count is a conditional UPDATE, so parallel guesses
cannot exceed it. The account is created on first sign-in. Nothing here logs a phone
number or a code.
"""

from __future__ import annotations

import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import timedelta

from tortoise.expressions import F

from backend.audit import service as audit
from backend.audit.service import Actor, Target
from backend.identity import sessions
from backend.identity.models import LoginCode, PhoneRef, Resident
from backend.identity.personal import normalize_phone
from backend.identity.sms import SmsMessage, sms_sender
from backend.platform import infra
from backend.platform.clock import now
from backend.platform.crypto import PiiCipher
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.ratelimit import enforce
from backend.platform.requestmeta import RequestMeta
from backend.platform.tokens import SubjectKind

CODE_DIGITS = 6
CODE_TTL = timedelta(minutes=5)
CODE_MAX_ATTEMPTS = 5
RESEND_SECONDS = 60
CODES_PER_PHONE_PER_DAY = 10
CODES_PER_SOURCE_PER_HOUR = 30
_CODE = re.compile(rf"^\d{{{CODE_DIGITS}}}$")


@dataclass(frozen=True)
class CodeSent:
    expires_in: int
    resend_after: int


def phone_index(cipher: PiiCipher, phone: str) -> str:
    return cipher.blind_index("phone", phone)


def _code_hash(cipher: PiiCipher, phone_hash: str, code: str) -> str:
    return cipher.blind_index("login_code", f"{phone_hash}\x00{code}")


async def phone_ref(phone_hash: str) -> Target:
    """The name a phone goes by in the audit log: random, kept in identity_phone_ref, enough
    to follow one number through the log. Erasing the account deletes it, and with it the
    only link from those entries to the number (a keyed hash would stay computable)."""
    found = await PhoneRef.get_or_none(phone_hash=phone_hash)
    if found is None:
        await PhoneRef.bulk_create(
            [PhoneRef(phone_hash=phone_hash, ref=secrets.token_hex(8))], ignore_conflicts=True
        )
        found = await PhoneRef.get(phone_hash=phone_hash)
    return Target("phone", found.ref)


async def request_login_code(raw_phone: str, meta: RequestMeta) -> CodeSent:
    async with audit.audited("identity.login_code.request", meta=meta) as note:
        phone = normalize_phone(raw_phone)
        phone_hash = phone_index(infra.current().cipher, phone)
        note.target = await phone_ref(phone_hash)
        return await send_code(phone, phone_hash, meta, "LOGIN_CODE")


async def send_code(phone: str, phone_hash: str, meta: RequestMeta, template: str) -> CodeSent:
    """A new one-time code to `phone` under the per-phone and per-source limits."""
    cipher, limiter = infra.current().cipher, infra.current().limiter
    await enforce(
        limiter,
        f"otp:cooldown:{phone_hash}",
        1,
        RESEND_SECONDS,
        "请 {seconds} 秒后再获取验证码。",
        "phone",
    )
    await enforce(
        limiter,
        f"otp:daily:{phone_hash}",
        CODES_PER_PHONE_PER_DAY,
        86_400,
        "今天获取验证码的次数已达上限，请明天再试。",
        "phone",
    )
    if meta.source_key:
        await enforce(
            limiter,
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
    await sms_sender().send(SmsMessage(phone, template, {"code": code, "minutes": minutes}))
    return CodeSent(expires_in=int(CODE_TTL.total_seconds()), resend_after=RESEND_SECONDS)


def clean_code(raw: str) -> str:
    code = unicodedata.normalize("NFKC", raw).strip()
    if not _CODE.match(code):
        raise DomainError(ErrorCode.OTP_INVALID, f"验证码为 {CODE_DIGITS} 位数字。", "code")
    return code


async def check_code(cipher: PiiCipher, phone_hash: str, code: str) -> None:
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
        code = clean_code(raw_code)
        cipher = infra.current().cipher
        phone_hash = phone_index(cipher, phone)
        note.target = await phone_ref(phone_hash)
        await check_code(cipher, phone_hash, code)
        resident = await _resident_for_phone(cipher, phone, phone_hash)
        note.actor = Actor(SubjectKind.RESIDENT.value, str(resident.id))
        await Resident.filter(id=resident.id).update(last_login_at=now())
        tokens = await sessions.open_session(resident)
        note.details["session"] = tokens.session_id
        return resident, tokens
