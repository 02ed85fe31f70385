"""Who is asking: the principal every permission check and row rule looks at, and the
actor an audit entry names.

Like Starlette's `request.user`, this is plumbing-level vocabulary shared by every domain:
identity turns a token into a Principal (backend/identity/authentication.py), the GraphQL
plumbing hands it to permission classes, and each domain's access rules read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from backend.platform.tokens import SubjectKind


@dataclass(frozen=True)
class Actor:
    """Who did something, as the audit log records it (ids only, never personal data)."""

    kind: str  # anonymous | resident | staff | client | system
    id: str | None = None


ANONYMOUS = Actor("anonymous")
SYSTEM = Actor("system")


class Role(str, Enum):
    RESIDENT = "RESIDENT"  # verified or not: see Principal.verified
    CLERK = "CLERK"
    CENTRE_HEAD = "CENTRE_HEAD"
    ADMIN = "ADMIN"


STAFF_ROLES = frozenset({Role.CLERK, Role.CENTRE_HEAD, Role.ADMIN})


@dataclass(frozen=True)
class Principal:
    kind: SubjectKind | None = None  # None: anonymous
    subject_id: str | None = None
    role: Role | None = None
    verified: bool = False
    centre_id: int | None = None  # clerks and centre heads
    session_id: str | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)  # third-party clients
    token_expires_at: datetime | None = None

    @property
    def is_authenticated(self) -> bool:
        return self.kind is not None

    @property
    def is_person(self) -> bool:
        return self.kind in (SubjectKind.RESIDENT, SubjectKind.STAFF)

    @property
    def is_resident(self) -> bool:
        return self.kind is SubjectKind.RESIDENT

    @property
    def is_verified_resident(self) -> bool:
        return self.is_resident and self.verified

    @property
    def is_staff(self) -> bool:
        return self.kind is SubjectKind.STAFF and self.role in STAFF_ROLES

    @property
    def is_centre_head(self) -> bool:
        return self.is_staff and self.role is Role.CENTRE_HEAD

    @property
    def is_admin(self) -> bool:
        return self.is_staff and self.role is Role.ADMIN

    @property
    def resident_id(self) -> int | None:
        return int(self.subject_id) if self.is_resident and self.subject_id else None

    @property
    def staff_id(self) -> int | None:
        return int(self.subject_id) if self.is_staff and self.subject_id else None

    def acts_at_centre(self, centre_id: int) -> bool:
        """Clerks and heads act only at their own centre; admins city-wide."""
        if self.is_admin:
            return True
        return self.is_staff and self.centre_id is not None and self.centre_id == centre_id

    @property
    def audit_actor(self) -> Actor:
        if self.kind is None:
            return ANONYMOUS
        return Actor(self.kind.value, self.subject_id)


ANONYMOUS_PRINCIPAL = Principal()
