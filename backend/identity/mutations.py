from __future__ import annotations

from typing import Annotated

import strawberry
from graphql import GraphQLError

from backend.graphql.context import Info
from backend.graphql.inputs import text
from backend.graphql.payloads import errors_from
from backend.graphql.permissions import IsCentreHead, IsResident, requires
from backend.graphql.relay import decode_global_id
from backend.identity import service, sessions, staff
from backend.identity.principal import ANONYMOUS_PRINCIPAL
from backend.identity.types import (
    AuthTokens,
    LoginPayload,
    LogoutPayload,
    RefreshTokenPayload,
    RequestLoginCodePayload,
    Resident,
    SetStaffActivePayload,
    StaffLoginPayload,
    StaffMember,
    VerifyRealNamePayload,
)
from backend.platform.errors import DomainError


@strawberry.type
class IdentityMutations:
    @strawberry.mutation(
        description="Send a 6-digit sign-in code by SMS (valid 5 minutes; one a minute)."
    )
    async def request_login_code(self, info: Info, phone: str) -> RequestLoginCodePayload:
        try:
            sent = await service.request_login_code(phone, info.context.meta)
        except DomainError as error:
            return RequestLoginCodePayload(sent=False, errors=errors_from(error))
        return RequestLoginCodePayload(
            sent=True,
            expires_in_seconds=sent.expires_in,
            resend_after_seconds=sent.resend_after,
            errors=[],
        )

    @strawberry.mutation(
        description="Sign a resident in with phone and code; the account is created on first "
        "sign-in. Until real-name verification the resident may only browse."
    )
    async def login(self, info: Info, phone: str, code: str) -> LoginPayload:
        try:
            resident, pair = await service.login_with_code(phone, code, info.context.meta)
        except DomainError as error:
            return LoginPayload(errors=errors_from(error))
        return LoginPayload(
            tokens=AuthTokens.from_pair(pair),
            resident=Resident.from_view(service.view_resident(resident)),
            errors=[],
        )

    @strawberry.mutation(
        description="Real-name verification (实名认证): name and 18-digit resident ID number, "
        "checked against the population registry. Limited to 5 attempts a day.",
        extensions=[requires(IsResident())],
    )
    async def verify_real_name(
        self, info: Info, name: str, id_number: str
    ) -> VerifyRealNamePayload:
        try:
            resident = await service.verify_real_name(
                await info.context.principal(),
                name,
                id_number,
                info.context.meta,
                info.context.broker,
            )
        except DomainError as error:
            return VerifyRealNamePayload(errors=errors_from(error))
        return VerifyRealNamePayload(
            resident=Resident.from_view(service.view_resident(resident)), errors=[]
        )

    @strawberry.mutation(
        description="Exchange a refresh token for a new pair. Each refresh token works once; "
        "presenting a used one signs the whole session out."
    )
    async def refresh_token(
        self, info: Info, refresh_token: Annotated[str, text(None)]
    ) -> RefreshTokenPayload:
        # Length is rotate's own check: REFRESH_TOKEN_INVALID.
        try:
            pair = await sessions.rotate(refresh_token, info.context.meta, info.context.broker)
        except DomainError as error:
            return RefreshTokenPayload(errors=errors_from(error))
        return RefreshTokenPayload(tokens=AuthTokens.from_pair(pair), errors=[])

    @strawberry.mutation(
        description="Sign out: ends the session of the access token, or of the given refresh "
        "token (when the access token has expired). Both tokens stop working at once."
    )
    async def logout(
        self, info: Info, refresh_token: Annotated[str | None, text(None)] = None
    ) -> LogoutPayload:
        try:
            principal = await info.context.principal()
        except GraphQLError:
            if refresh_token is None:
                raise
            principal = ANONYMOUS_PRINCIPAL
        try:
            await sessions.logout(principal, refresh_token, info.context.meta, info.context.broker)
        except DomainError as error:
            return LogoutPayload(ok=False, errors=errors_from(error))
        return LogoutPayload(ok=True, errors=[])

    @strawberry.mutation(description="Sign a clerk, centre head or admin in.")
    async def staff_login(
        self,
        info: Info,
        username: Annotated[str, text(None)],
        password: Annotated[str, text(None)],
    ) -> StaffLoginPayload:
        # Lengths are staff_login's own check: INVALID_CREDENTIALS, whatever was wrong.
        try:
            account, pair = await staff.staff_login(username, password, info.context.meta)
        except DomainError as error:
            return StaffLoginPayload(errors=errors_from(error))
        return StaffLoginPayload(
            tokens=AuthTokens.from_pair(pair), staff=StaffMember.from_model(account), errors=[]
        )

    @strawberry.mutation(
        description="Enable or disable a staff account: a centre head for the clerks of the "
        "centre, an admin for anyone. Disabling signs the account out everywhere.",
        extensions=[requires(IsCentreHead())],
    )
    async def set_staff_active(
        self, info: Info, id: strawberry.ID, active: bool
    ) -> SetStaffActivePayload:
        try:
            account = await staff.set_staff_active(
                await info.context.principal(),
                decode_global_id(id, "StaffMember"),
                active,
                info.context.meta,
                info.context.broker,
            )
        except DomainError as error:
            return SetStaffActivePayload(errors=errors_from(error))
        return SetStaffActivePayload(staff=StaffMember.from_model(account), errors=[])
