"""Staff: clerks (受理员) and centre heads at one centre, admins city-wide.

Passwords are hashed with argon2id (argon2-cffi's RFC 9106 profile), verified off the event
loop, and rehashed when the parameters change. An unknown username, a wrong password and a
disabled account (right password or not) all cost one verification and get the same answer;
only the audit log tells a disabled account apart.

Sign-in limits are built so that a stranger cannot lock an owner out (throttling, not
account lockout; OWASP Authentication Cheat Sheet):
- per (username, client address): 5 attempts in 15 minutes, reset by a success, then
  RATE_LIMITED for that address only;
- per client address, any usernames: 30 attempts in 15 minutes;
- per username, from everywhere: never refused, but after 10 attempts in 15 minutes each
  further one waits first (1 s, doubling every 10 attempts, at most 8 s). The owner with the
  right password from any address that has not itself failed 5 times still gets in.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from backend.audit import service as audit
from backend.audit.models import AuditOutcome
from backend.audit.service import Actor, Target
from backend.centres import service as centres_service
from backend.identity import access, events, sessions
from backend.identity.models import StaffAccount, StaffRole
from backend.platform import infra
from backend.platform.clock import now
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.events import record
from backend.platform.principal import Principal
from backend.platform.ratelimit import ProgressiveDelay, enforce
from backend.platform.requestmeta import RequestMeta
from backend.platform.tokens import SubjectKind
from backend.platform.uow import unit_of_work

LOGIN_WINDOW_SECONDS = 900
LOGIN_ATTEMPTS_PER_PAIR = 5  # one username from one address
LOGIN_ATTEMPTS_PER_SOURCE = 30  # one address, any usernames
LOGIN_SLOWDOWN = ProgressiveDelay(  # one username, from everywhere
    free=10, first=1.0, doubling_every=10, ceiling=8.0, window=LOGIN_WINDOW_SECONDS
)
PASSWORD_MAX_LENGTH = 256
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
_hasher = PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher.hash("tongban-timing-equaliser")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def normalize_username(raw: str) -> str:
    return unicodedata.normalize("NFKC", raw).strip().lower()


def _bad_credentials() -> DomainError:
    """The one answer for an unknown username, a wrong password and a disabled account."""
    return DomainError(
        ErrorCode.INVALID_CREDENTIALS, "用户名或密码不正确，或账号已停用。", "password"
    )


async def _limit(key: str, limit: int) -> None:
    await enforce(
        infra.current().limiter,
        key,
        limit,
        LOGIN_WINDOW_SECONDS,
        "登录尝试过于频繁，请 {minutes} 分钟后再试。",
        "username",
    )


def _pair_key(user_key: str, source: str | None) -> str:
    return f"staff-login:pair:{user_key}:{source or '-'}"


async def staff_login(
    raw_username: str, password: str, meta: RequestMeta
) -> tuple[StaffAccount, sessions.TokenPair]:
    async with audit.audited("identity.staff_login", meta=meta) as note:
        username = normalize_username(raw_username)
        if not _USERNAME.match(username) or not (1 <= len(password) <= PASSWORD_MAX_LENGTH):
            raise _bad_credentials()
        # Not the username itself, in keys or the audit log: people type passwords into the
        # username box.
        user_key = infra.current().cipher.blind_index("username", username)[:16]
        note.target = Target("username", user_key)
        source = meta.source_key
        if source:
            await _limit(f"staff-login:source:{source}", LOGIN_ATTEMPTS_PER_SOURCE)
        await _limit(_pair_key(user_key, source), LOGIN_ATTEMPTS_PER_PAIR)
        delay = await LOGIN_SLOWDOWN.hit(infra.current().limiter, f"staff-login:user:{user_key}")
        if delay:
            note.details["delayed_ms"] = int(delay * 1000)
            await asyncio.sleep(delay)
        staff = await StaffAccount.get_or_none(username=username)
        stored = staff.password_hash if staff else _dummy_hash()
        # Exactly one verification on every path, so time tells nothing either.
        if not await asyncio.to_thread(_verify, stored, password) or staff is None:
            raise _bad_credentials()
        note.actor = Actor(SubjectKind.STAFF.value, str(staff.id))
        note.target = Target("staff", staff.id)
        if not staff.active:
            note.reason = ErrorCode.ACCOUNT_DISABLED.value
            raise _bad_credentials()
        await infra.current().limiter.reset(_pair_key(user_key, source))
        changes: dict[str, object] = {"last_login_at": now()}
        if _hasher.check_needs_rehash(staff.password_hash):
            changes["password_hash"] = await asyncio.to_thread(hash_password, password)
        await StaffAccount.filter(id=staff.id).update(**changes)
        tokens = await sessions.open_session(staff)
        note.details["session"] = tokens.session_id
        return staff, tokens


async def list_centre_staff(
    principal: Principal, centre_code: str, meta: RequestMeta
) -> list[StaffAccount]:
    centre = await centres_service.get_centre_by_code(centre_code)
    if not access.may_view_centre_staff(principal, centre.id):
        await audit.record(
            "identity.staff.list",
            AuditOutcome.DENIED,
            actor=principal.audit_actor,
            target=Target("centre", centre.code),
            reason=ErrorCode.FORBIDDEN.value,
            meta=meta,
        )
        raise DomainError(
            ErrorCode.FORBIDDEN, "只能查看本中心的工作人员。", "centreCode", "OTHER_CENTRE"
        )
    return list(await StaffAccount.filter(centre_id=centre.id).order_by("username"))


async def get_account(staff_id: int) -> StaffAccount:
    return await StaffAccount.get(id=staff_id)


async def load_accounts(ids: Sequence[int]) -> list[StaffAccount | None]:
    """Batch function for DataLoaders of other domains (ratings name the clerk)."""
    found = {s.id: s for s in await StaffAccount.filter(id__in=list(ids))}
    return [found.get(i) for i in ids]


async def get_visible_staff(principal: Principal, staff_id: int) -> StaffAccount | None:
    staff = await StaffAccount.get_or_none(id=staff_id)
    if staff is None or not access.may_view_staff(principal, staff):
        return None
    return staff


async def set_staff_active(
    principal: Principal,
    staff_id: int,
    active: bool,
    meta: RequestMeta,
) -> StaffAccount:
    async with audit.audited(
        "identity.staff.set_active",
        actor=principal.audit_actor,
        target=Target("staff", staff_id),
        meta=meta,
    ) as note:
        note.details["active"] = active
        staff = await StaffAccount.get_or_none(id=staff_id)
        if staff is None:
            raise DomainError(ErrorCode.NOT_FOUND, "找不到该工作人员。", "id")
        if not access.may_manage_staff(principal, staff):
            raise DomainError(
                ErrorCode.FORBIDDEN, "只有管理员或本中心负责人可以管理受理员账号。", "id"
            )
        async with unit_of_work():
            await StaffAccount.filter(id=staff.id).update(active=active)
            if not active:
                await sessions.revoke_all_sessions(staff, "ACCOUNT_DISABLED")
                record(events.account_disabled(staff.id))
        return await StaffAccount.get(id=staff.id)


def validate_staff_shape(role: StaffRole, centre_id: int | None) -> None:
    if role is StaffRole.ADMIN and centre_id is not None:
        raise DomainError(ErrorCode.INVALID_INPUT, "管理员不隶属于某个中心。", "centre")
    if role is not StaffRole.ADMIN and centre_id is None:
        raise DomainError(
            ErrorCode.INVALID_INPUT, "受理员和中心负责人必须隶属于一个中心。", "centre"
        )
