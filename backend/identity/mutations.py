from __future__ import annotations

from typing import Annotated

import strawberry
from graphql import GraphQLError

from backend.graphql.context import Info
from backend.graphql.inputs import text
from backend.graphql.payloads import mutation
from backend.graphql.permissions import requires
from backend.graphql.relay import decode_global_id
from backend.identity import login as codes
from backend.identity import realname, residents, sessions, staff
from backend.identity.auth import CENTRE_HEAD, RESIDENT
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
from backend.platform.principal import ANONYMOUS_PRINCIPAL


@strawberry.type
class IdentityMutations:
    @mutation(description="Send a 6-digit sign-in code by SMS (valid 5 minutes; one a minute).")
    async def request_login_code(self, info: Info, phone: str) -> RequestLoginCodePayload:
        sent = await codes.request_login_code(phone, info.context.meta)
        return RequestLoginCodePayload(
            sent=True,
            expires_in_seconds=sent.expires_in,
            resend_after_seconds=sent.resend_after,
            errors=[],
        )

    @mutation(
        description="Sign a resident in with phone and code; the account is created on first "
        "sign-in. Until real-name verification the resident may only browse."
    )
    async def login(self, info: Info, phone: str, code: str) -> LoginPayload:
        resident, pair = await codes.login_with_code(phone, code, info.context.meta)
        return LoginPayload(
            tokens=AuthTokens.from_pair(pair),
            resident=Resident.from_view(residents.view_resident(resident)),
            errors=[],
        )

    @mutation(
        description="Real-name verification (实名认证): name and 18-digit resident ID number, "
        "checked against the population registry. Limited to 5 attempts a day. "
        "`consentVersion` is the version of the separate ID-number consent "
        "(legalDocument(kind: SENSITIVE_ID_NUMBER)) the resident agreed to on the form: "
        "without the current one the number is not looked at (CONSENT_REQUIRED).",
        extensions=[requires(RESIDENT)],
    )
    async def verify_real_name(
        self,
        info: Info,
        name: str,
        id_number: str,
        consent_version: Annotated[str | None, text(16)] = None,
    ) -> VerifyRealNamePayload:
        resident = await realname.verify_real_name(
            await info.context.principal(), name, id_number, info.context.meta, consent_version
        )
        return VerifyRealNamePayload(
            resident=Resident.from_view(residents.view_resident(resident)), errors=[]
        )

    @mutation(
        description="Exchange a refresh token for a new pair. Each refresh token works once; "
        "presenting a used one signs the whole session out."
    )
    async def refresh_token(
        self, info: Info, refresh_token: Annotated[str, text(None)]
    ) -> RefreshTokenPayload:
        # Length is rotate's own check: REFRESH_TOKEN_INVALID.
        pair = await sessions.rotate(refresh_token, info.context.meta)
        return RefreshTokenPayload(tokens=AuthTokens.from_pair(pair), errors=[])

    @mutation(
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
        await sessions.logout(principal, refresh_token, info.context.meta)
        return LogoutPayload(ok=True, errors=[])

    @mutation(description="Sign a clerk, centre head or admin in.")
    async def staff_login(
        self,
        info: Info,
        username: Annotated[str, text(None)],
        password: Annotated[str, text(None)],
    ) -> StaffLoginPayload:
        # Lengths are staff_login's own check: INVALID_CREDENTIALS, whatever was wrong.
        account, pair = await staff.staff_login(username, password, info.context.meta)
        return StaffLoginPayload(
            tokens=AuthTokens.from_pair(pair), staff=StaffMember.from_model(account), errors=[]
        )

    @mutation(
        description="Enable or disable a staff account: a centre head for the clerks of the "
        "centre, an admin for anyone. Disabling signs the account out everywhere.",
        extensions=[requires(CENTRE_HEAD)],
    )
    async def set_staff_active(
        self, info: Info, id: strawberry.ID, active: bool
    ) -> SetStaffActivePayload:
        account = await staff.set_staff_active(
            await info.context.principal(),
            decode_global_id(id, "StaffMember"),
            active,
            info.context.meta,
        )
        return SetStaffActivePayload(staff=StaffMember.from_model(account), errors=[])
