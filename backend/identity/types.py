from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import strawberry
from strawberry import relay

from backend.centres.loaders import load_centres
from backend.centres.types import Centre
from backend.graphql.context import Info
from backend.graphql.payloads import MutationError
from backend.identity import access, events, residents, staff
from backend.identity.models import StaffAccount
from backend.identity.sessions import TokenPair
from backend.platform import principal
from backend.platform.errors import DomainError, ErrorCode

strawberry.enum(
    principal.Role,
    description="RESIDENT 居民 (verified or not); CLERK 受理员 at one centre; CENTRE_HEAD "
    "中心负责人; ADMIN 管理员, city-wide.",
)
strawberry.enum(events.AccountEventKind)


@strawberry.type(description="Personal data in the clear: only ever for its owner, and audited.")
class PersonalData:
    phone: str
    real_name: str | None
    id_number: str | None


@strawberry.type(
    description="A resident's account. Personal data is masked (138****1234, 张*, "
    "310101********123X); the owner alone may ask for `personalData` in the clear."
)
class Resident(relay.Node):
    id: relay.NodeID[int]
    phone: str = strawberry.field(description="Masked mobile number.")
    real_name: str | None = strawberry.field(description="Masked; null until verified.")
    id_number: str | None = strawberry.field(description="Masked; null until verified.")
    verified: bool = strawberry.field(description="Has passed real-name verification (实名认证).")
    verified_at: dt.datetime | None
    created_at: dt.datetime

    @classmethod
    def from_view(cls, view: residents.ResidentView) -> Resident:
        return cls(
            id=view.resident.id,
            phone=view.phone,
            real_name=view.real_name,
            id_number=view.id_number,
            verified=view.verified,
            verified_at=view.resident.verified_at,
            created_at=view.resident.created_at,
        )

    @strawberry.field(
        description="Phone, name and ID number in the clear. Owner only; each reveal is "
        "written to the audit log."
    )
    async def personal_data(self, info: Info) -> PersonalData:
        data = await residents.reveal_personal_data(
            await info.context.principal(), self.id, info.context.meta
        )
        return PersonalData(phone=data.phone, real_name=data.real_name, id_number=data.id_number)

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Resident | None]:
        """`node(id)`: the owner sees their account, admins see it masked, nobody else."""
        principal = await info.context.principal()
        if not principal.is_authenticated:
            raise DomainError(ErrorCode.UNAUTHENTICATED, "请先登录。", "id")
        found: list[Resident | None] = []
        for pk in map(int, node_ids):
            if access.resident_visibility(principal, pk) is access.Visibility.NONE:
                raise DomainError(ErrorCode.FORBIDDEN, "只能查看本人的账号。", "id")
            row = await residents.get_resident(pk)
            found.append(Resident.from_view(residents.view_resident(row)) if row else None)
        return found


@strawberry.type(description="A member of staff: clerk, centre head or admin.")
class StaffMember(relay.Node):
    id: relay.NodeID[int]
    username: str
    display_name: str
    role: principal.Role
    active: bool
    centre_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, staff: StaffAccount) -> StaffMember:
        return cls(
            id=staff.id,
            username=staff.username,
            display_name=staff.display_name,
            role=principal.Role(staff.role.value),
            active=staff.active,
            centre_id=staff.centre_id,
        )

    @strawberry.field(description="The centre a clerk or head works at; null for admins.")
    async def centre(self, info: Info) -> Centre | None:
        if self.centre_id is None:
            return None
        row = await info.context.loader(load_centres).load(self.centre_id)
        return Centre.from_model(row) if row else None

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[StaffMember | None]:
        """`node(id)`: staff see themselves, their centre's staff; admins everyone."""
        principal = await info.context.principal()
        if not principal.is_staff:
            raise DomainError(ErrorCode.FORBIDDEN, "仅限工作人员查看。", "id")
        found: list[Any] = []
        for pk in map(int, node_ids):
            row = await staff.get_visible_staff(principal, pk)
            found.append(StaffMember.from_model(row) if row else None)
        return found


@strawberry.type(description="Who is signed in, and in what role.")
class Me:
    role: principal.Role
    verified: bool = strawberry.field(description="For residents: real-name verified.")
    resident: Resident | None
    staff: StaffMember | None


@strawberry.type(description="Bearer tokens: send the access token as `Authorization: Bearer`.")
class AuthTokens:
    access_token: str = strawberry.field(description="JWT (EdDSA), valid for 15 minutes.")
    access_token_expires_at: dt.datetime
    refresh_token: str = strawberry.field(
        description="Opaque; exchange it once with refreshToken for a new pair."
    )
    refresh_token_expires_at: dt.datetime
    token_type: str = "Bearer"  # noqa: S105 - the scheme, not a secret

    @classmethod
    def from_pair(cls, pair: TokenPair) -> AuthTokens:
        return cls(
            access_token=pair.access_token,
            access_token_expires_at=pair.access_token_expires_at,
            refresh_token=pair.refresh_token,
            refresh_token_expires_at=pair.refresh_token_expires_at,
        )


@strawberry.type(description="Something happened to the signed-in account.")
class AccountEvent:
    kind: events.AccountEventKind
    at: dt.datetime
    session_id: str | None = strawberry.field(description="For SESSION_REVOKED: which session.")
    reason: str | None

    @classmethod
    def from_event(cls, event: events.AccountEvent) -> AccountEvent:
        return cls(kind=event.kind, at=event.at, session_id=event.session_id, reason=event.reason)


@strawberry.type
class RequestLoginCodePayload:
    sent: bool = False
    expires_in_seconds: int | None = None
    resend_after_seconds: int | None = None
    errors: list[MutationError]


@strawberry.type
class LoginPayload:
    tokens: AuthTokens | None = None
    resident: Resident | None = None
    errors: list[MutationError]


@strawberry.type
class VerifyRealNamePayload:
    resident: Resident | None = None
    errors: list[MutationError]


@strawberry.type
class RefreshTokenPayload:
    tokens: AuthTokens | None = None
    errors: list[MutationError]


@strawberry.type
class LogoutPayload:
    ok: bool = False
    errors: list[MutationError]


@strawberry.type
class StaffLoginPayload:
    tokens: AuthTokens | None = None
    staff: StaffMember | None = None
    errors: list[MutationError]


@strawberry.type
class SetStaffActivePayload:
    staff: StaffMember | None = None
    errors: list[MutationError]
