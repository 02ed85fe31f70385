"""注销账号: a resident erases their account (个人信息保护法 article 47).

Confirmed with a one-time code sent to the account's phone (the sign-in code machinery,
with its limits). Then, in one transaction: every session ends, the phone number, the name
and the ID number (clear text sealed, and their keyed hashes) are removed from the resident
row, which stays as an id with `erased_at` (cases and bookings, which the law says to keep,
name it by id only); sign-in codes, development SMS and the audit log's phone alias of that
number are deleted. After the commit its sign-in rate-limit keys in Redis go too. The
phone's hash column gets a random marker, so signing in again with the same number creates
a brand-new account. The audit entry holds ids only.
"""

from __future__ import annotations

import secrets

from backend.audit import service as audit
from backend.audit.service import Target
from backend.identity import login, sessions
from backend.identity.models import LoginCode, PhoneRef, Resident, SmsOutbox
from backend.platform import infra
from backend.platform.clock import now
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.principal import Principal
from backend.platform.requestmeta import RequestMeta
from backend.platform.uow import unit_of_work

ERASED_PREFIX = "erased:"


async def _own_account(principal: Principal) -> Resident:
    if principal.resident_id is None:
        raise DomainError(ErrorCode.FORBIDDEN, "此功能仅限居民使用。")
    resident = await Resident.get_or_none(id=principal.resident_id, erased_at=None)
    if resident is None:
        raise DomainError(ErrorCode.SESSION_REVOKED, "账号已注销，请重新登录。")
    return resident


async def request_erasure_code(principal: Principal, meta: RequestMeta) -> login.CodeSent:
    """Texts a confirmation code to the account's own phone (no number is typed)."""
    async with audit.audited(
        "identity.account.erasure_code",
        actor=principal.audit_actor,
        target=Target("resident", principal.resident_id),
        meta=meta,
    ):
        resident = await _own_account(principal)
        phone = infra.current().cipher.decrypt("phone", resident.phone_enc)
        return await login.send_code(phone, resident.phone_hash, meta, "ERASURE_CODE")


async def erase_account(principal: Principal, raw_code: str, meta: RequestMeta) -> int:
    """Erase the caller's account; returns how many sessions were ended."""
    async with audit.audited(
        "identity.account.erase",
        actor=principal.audit_actor,
        target=Target("resident", principal.resident_id),
        meta=meta,
    ) as note:
        code = login.clean_code(raw_code)
        resident = await _own_account(principal)
        await login.check_code(infra.current().cipher, resident.phone_hash, code)
        phone_hash = resident.phone_hash
        async with unit_of_work():
            erased = await Resident.filter(id=resident.id, erased_at=None).update(
                phone_hash=ERASED_PREFIX + secrets.token_hex(16),
                phone_enc="",
                real_name_enc=None,
                id_number_enc=None,
                id_number_hash=None,
                household_centre_id=None,
                verified_at=None,
                last_login_at=None,
                erased_at=now(),
            )
            if not erased:  # a second request raced this one and won
                raise DomainError(ErrorCode.SESSION_REVOKED, "账号已注销，请重新登录。")
            await LoginCode.filter(phone_hash=phone_hash).delete()
            await SmsOutbox.filter(phone_hash=phone_hash).delete()
            await PhoneRef.filter(phone_hash=phone_hash).delete()
            ended = await sessions.revoke_all_sessions(resident, "ACCOUNT_ERASED")
        note.details["sessions"] = ended
    # The sign-in limits are Redis keys named by the phone's hash: gone with the account.
    limiter = infra.current().limiter
    for key in (f"otp:cooldown:{phone_hash}", f"otp:daily:{phone_hash}"):
        await limiter.reset(key)
    return ended
