"""Sessions and tokens: opening one at sign-in, rotating refresh tokens, signing out, and
turning a verified access token back into a principal.

A refresh token is opaque (`tbr_` + 256 random bits) and stored as its SHA-256. Each use
exchanges it for a new one; the exchange is a conditional UPDATE (`used_at IS NULL`), so of
two requests racing with the same token exactly one wins. Presenting a token that was
already exchanged means someone holds a copy: the whole session (the token family) is
revoked. Every access token names its session (`sid`), so signing out ends it at once.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from backend.audit import service as audit
from backend.audit.service import Actor, Target
from backend.identity import events
from backend.identity.models import (
    AuthSession,
    RefreshToken,
    Resident,
    SessionSubject,
    StaffAccount,
)
from backend.platform import infra
from backend.platform.clock import now
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.events import record
from backend.platform.principal import Principal, Role
from backend.platform.requestmeta import RequestMeta
from backend.platform.tokens import AccessClaims, SubjectKind
from backend.platform.uow import unit_of_work

REFRESH_PREFIX = "tbr_"
REFRESH_MAX_LENGTH = 128


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    access_token_expires_at: datetime
    refresh_token: str
    refresh_token_expires_at: datetime
    session_id: str


def hash_refresh_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _new_refresh_token() -> str:
    return REFRESH_PREFIX + secrets.token_urlsafe(32)


def _subject_of(session: AuthSession) -> tuple[SubjectKind, int]:
    if session.subject is SessionSubject.RESIDENT and session.resident_id is not None:
        return SubjectKind.RESIDENT, session.resident_id
    if session.subject is SessionSubject.STAFF and session.staff_id is not None:
        return SubjectKind.STAFF, session.staff_id
    raise DomainError(ErrorCode.SESSION_REVOKED, "登录已失效，请重新登录。")


def _refresh_expiry(session: AuthSession, moment: datetime) -> datetime:
    if session.subject is SessionSubject.RESIDENT:
        sliding = moment + timedelta(days=infra.current().settings.resident_refresh_days)
        return min(sliding, session.expires_at)
    return session.expires_at


def _access(
    kind: SubjectKind, subject_id: int, session_id: str, role: Role
) -> tuple[str, datetime]:
    issued = infra.current().tokens.issue(kind, subject_id, session_id=session_id, role=role.value)
    return issued.token, issued.expires_at


async def open_session(subject: Resident | StaffAccount) -> TokenPair:
    settings, moment = infra.current().settings, now()
    if isinstance(subject, Resident):
        kind, role = SessionSubject.RESIDENT, Role.RESIDENT
        expires = moment + timedelta(days=settings.resident_session_max_days)
        resident_id, staff_id = subject.id, None
    else:
        kind, role = SessionSubject.STAFF, Role(subject.role.value)
        expires = moment + timedelta(hours=settings.staff_session_hours)
        resident_id, staff_id = None, subject.id
    raw = _new_refresh_token()
    async with in_transaction():
        session = await AuthSession.create(
            id=uuid.uuid4(),
            subject=kind,
            expires_at=expires,
            resident_id=resident_id,
            staff_id=staff_id,
        )
        refresh = await RefreshToken.create(
            session_id=session.id,
            token_hash=hash_refresh_token(raw),
            expires_at=_refresh_expiry(session, moment),
        )
    subject_kind = SubjectKind.RESIDENT if isinstance(subject, Resident) else SubjectKind.STAFF
    access, access_expires = _access(subject_kind, subject.id, str(session.id), role)
    return TokenPair(access, access_expires, raw, refresh.expires_at, str(session.id))


async def _find_refresh(raw: str) -> RefreshToken:
    if not raw.startswith(REFRESH_PREFIX) or len(raw) > REFRESH_MAX_LENGTH:
        raise DomainError(
            ErrorCode.REFRESH_TOKEN_INVALID, "刷新令牌无效，请重新登录。", "refreshToken"
        )
    token = await RefreshToken.get_or_none(token_hash=hash_refresh_token(raw))
    if token is None:
        raise DomainError(
            ErrorCode.REFRESH_TOKEN_INVALID, "刷新令牌无效，请重新登录。", "refreshToken"
        )
    return token


async def rotate(raw: str, meta: RequestMeta) -> TokenPair:
    async with audit.audited("identity.token.refresh", meta=meta) as note:
        token = await _find_refresh(raw)
        session = await AuthSession.get(id=token.session_id)
        kind, subject_id = _subject_of(session)
        note.actor = Actor(kind.value, str(subject_id))
        note.target = Target("session", str(session.id))
        moment = now()
        if session.revoked_at is not None:
            raise DomainError(ErrorCode.SESSION_REVOKED, "登录已失效，请重新登录。", "refreshToken")
        if token.expires_at <= moment or session.expires_at <= moment:
            raise DomainError(
                ErrorCode.REFRESH_TOKEN_EXPIRED, "登录已过期，请重新登录。", "refreshToken"
            )
        role = await _current_role(kind, subject_id)
        new_raw = _new_refresh_token()
        async with in_transaction():
            won = await RefreshToken.filter(id=token.id, used_at=None).update(used_at=moment)
            if won:
                fresh = await RefreshToken.create(
                    session_id=session.id,
                    token_hash=hash_refresh_token(new_raw),
                    expires_at=_refresh_expiry(session, moment),
                )
        if not won:
            await revoke_session(str(session.id), "REFRESH_TOKEN_REUSED")
            raise DomainError(
                ErrorCode.REFRESH_TOKEN_REUSED,
                "该刷新令牌已被使用过，为安全起见本次登录已注销，请重新登录。",
                "refreshToken",
            )
        access, access_expires = _access(kind, subject_id, str(session.id), role)
        return TokenPair(access, access_expires, new_raw, fresh.expires_at, str(session.id))


async def _current_role(kind: SubjectKind, subject_id: int) -> Role:
    if kind is SubjectKind.RESIDENT:
        return Role.RESIDENT
    staff = await StaffAccount.get_or_none(id=subject_id)
    if staff is None or not staff.active:
        raise DomainError(ErrorCode.ACCOUNT_DISABLED, "账号已停用，请联系管理员。")
    return Role(staff.role.value)


async def revoke_session(session_id: str, reason: str) -> bool:
    """True when this call revoked it (it was live). Subscribers hear SESSION_REVOKED."""
    async with unit_of_work():
        revoked = await AuthSession.filter(id=session_id, revoked_at=None).update(
            revoked_at=now(), revoked_reason=reason
        )
        if revoked:
            kind, subject_id = _subject_of(await AuthSession.get(id=session_id))
            record(events.session_revoked(kind, subject_id, session_id, reason))
    return bool(revoked)


async def revoke_all_sessions(subject: StaffAccount | Resident, reason: str) -> int:
    """Inside the caller's unit of work, when there is one: all or nothing."""
    owner = {"resident_id" if isinstance(subject, Resident) else "staff_id": subject.id}
    live = await AuthSession.filter(**owner, revoked_at=None).values_list("id", flat=True)
    return sum([await revoke_session(str(sid), reason) for sid in live])


async def logout(principal: Principal, refresh_token: str | None, meta: RequestMeta) -> None:
    """Ends the caller's session: the one of the access token, or of the refresh token."""
    async with audit.audited("identity.logout", actor=principal.audit_actor, meta=meta) as note:
        if principal.session_id is not None:
            session_id = principal.session_id
        elif refresh_token:
            session_id = str((await _find_refresh(refresh_token)).session_id)
        else:
            raise DomainError(
                ErrorCode.UNAUTHENTICATED, "请先登录，或提供刷新令牌。", "refreshToken"
            )
        note.target = Target("session", session_id)
        await revoke_session(session_id, "LOGOUT")


async def resolve_principal(claims: AccessClaims) -> Principal:
    """The principal behind a verified access token, checked against its live session."""
    if claims.subject_kind is SubjectKind.CLIENT:
        # Third-party clients (a later issue) carry scopes and no session.
        return Principal(
            kind=SubjectKind.CLIENT,
            subject_id=claims.subject_id,
            scopes=claims.scope,
            token_expires_at=claims.expires_at,
        )
    try:
        session_id = uuid.UUID(claims.session_id or "")
        subject_id = int(claims.subject_id)
    except ValueError:
        raise DomainError(ErrorCode.TOKEN_INVALID, "登录凭证无效，请重新登录。") from None
    session = await AuthSession.get_or_none(id=session_id)
    if session is None or session.revoked_at is not None or session.expires_at <= now():
        raise DomainError(ErrorCode.SESSION_REVOKED, "登录已失效，请重新登录。")
    if _subject_of(session) != (claims.subject_kind, subject_id):
        raise DomainError(ErrorCode.TOKEN_INVALID, "登录凭证无效，请重新登录。")
    if claims.subject_kind is SubjectKind.RESIDENT:
        resident = await Resident.get_or_none(id=subject_id)
        if resident is None:
            raise DomainError(ErrorCode.SESSION_REVOKED, "登录已失效，请重新登录。")
        return Principal(
            kind=SubjectKind.RESIDENT,
            subject_id=str(subject_id),
            role=Role.RESIDENT,
            verified=resident.verified_at is not None,
            session_id=str(session.id),
            token_expires_at=claims.expires_at,
        )
    staff = await StaffAccount.get_or_none(id=subject_id)
    if staff is None or not staff.active:
        raise DomainError(ErrorCode.ACCOUNT_DISABLED, "账号已停用，请联系管理员。")
    return Principal(
        kind=SubjectKind.STAFF,
        subject_id=str(subject_id),
        role=Role(staff.role.value),
        centre_id=staff.centre_id,
        session_id=str(session.id),
        token_expires_at=claims.expires_at,
    )
