"""Account events on the broker, one channel per person: what the phone app and the back
office listen to (real-name verified, signed out elsewhere, account disabled)."""

from __future__ import annotations

from enum import Enum

from backend.platform.broker import Broker
from backend.platform.clock import now
from backend.platform.tokens import SubjectKind
from backend.settings import get_settings


class AccountEventKind(str, Enum):
    REAL_NAME_VERIFIED = "REAL_NAME_VERIFIED"
    SESSION_REVOKED = "SESSION_REVOKED"
    ACCOUNT_DISABLED = "ACCOUNT_DISABLED"


def account_channel(kind: SubjectKind, subject_id: int | str) -> str:
    # Prefixed like every Redis key: deployments sharing one Redis do not hear each other.
    return f"{get_settings().redis_key_prefix}identity.account.{kind.value}.{subject_id}"


async def publish(
    broker: Broker,
    kind: SubjectKind,
    subject_id: int | str,
    event: AccountEventKind,
    session_id: str | None = None,
    reason: str | None = None,
) -> None:
    await broker.publish(
        account_channel(kind, subject_id),
        {
            "kind": event.value,
            "at": now().isoformat(),
            "sessionId": session_id,
            "reason": reason,
        },
    )


async def publish_session_revoked(
    broker: Broker, kind: SubjectKind, subject_id: int, session_id: str, reason: str
) -> None:
    await publish(broker, kind, subject_id, AccountEventKind.SESSION_REVOKED, session_id, reason)
