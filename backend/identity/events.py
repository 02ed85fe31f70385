"""Account events, one channel per person: what the phone app and the back office listen to
(real name verified, signed out elsewhere, account disabled). Recorded by the identity
services inside their unit of work; published after it commits (backend/platform/events.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Self

from backend.platform.broker import Message
from backend.platform.clock import now
from backend.platform.events import Event
from backend.platform.tokens import SubjectKind


class AccountEventKind(str, Enum):
    REAL_NAME_VERIFIED = "REAL_NAME_VERIFIED"
    SESSION_REVOKED = "SESSION_REVOKED"
    ACCOUNT_DISABLED = "ACCOUNT_DISABLED"


def account_channel(kind: SubjectKind, subject_id: int | str) -> str:
    return f"identity.account.{kind.value}.{subject_id}"


@dataclass(frozen=True)
class AccountEvent(Event):
    """Something happened to one account. `kind` says what; the fields say to whom."""

    subject_kind: SubjectKind
    subject_id: int
    kind: AccountEventKind
    session_id: str | None = None
    reason: str | None = None
    at: datetime = field(default_factory=now)

    @property
    def channel(self) -> str:
        return account_channel(self.subject_kind, self.subject_id)

    @property
    def ends_session(self) -> str | None:
        """The session this event ends, or None; ALL for a disabled account."""
        if self.kind is AccountEventKind.ACCOUNT_DISABLED:
            return ALL_SESSIONS
        return self.session_id if self.kind is AccountEventKind.SESSION_REVOKED else None

    def to_message(self) -> Message:
        return {
            "kind": self.kind.value,
            "subjectKind": self.subject_kind.value,
            "subjectId": self.subject_id,
            "at": self.at.isoformat(),
            "sessionId": self.session_id,
            "reason": self.reason,
        }

    @classmethod
    def from_message(cls, message: Message) -> Self:
        return cls(
            subject_kind=SubjectKind(message["subjectKind"]),
            subject_id=int(message["subjectId"]),
            kind=AccountEventKind(message["kind"]),
            session_id=message.get("sessionId"),
            reason=message.get("reason"),
            at=datetime.fromisoformat(message["at"]),
        )


ALL_SESSIONS = "*"


def real_name_verified(resident_id: int) -> AccountEvent:
    return AccountEvent(SubjectKind.RESIDENT, resident_id, AccountEventKind.REAL_NAME_VERIFIED)


def session_revoked(
    kind: SubjectKind, subject_id: int, session_id: str, reason: str
) -> AccountEvent:
    return AccountEvent(kind, subject_id, AccountEventKind.SESSION_REVOKED, session_id, reason)


def account_disabled(staff_id: int) -> AccountEvent:
    return AccountEvent(SubjectKind.STAFF, staff_id, AccountEventKind.ACCOUNT_DISABLED)
