from __future__ import annotations

from typing import Annotated

import strawberry

from backend.graphql.context import Info
from backend.graphql.inputs import text
from backend.graphql.permissions import requires
from backend.identity import residents, staff
from backend.identity.auth import STAFF
from backend.identity.types import Me, Resident, StaffMember
from backend.platform.principal import Principal, Role


async def me_for(principal: Principal) -> Me | None:
    if principal.resident_id is not None:
        resident = await residents.get_resident(principal.resident_id)
        if resident is None:
            return None
        view = residents.view_resident(resident)
        return Me(
            role=Role.RESIDENT,
            verified=view.verified,
            resident=Resident.from_view(view),
            staff=None,
        )
    if principal.staff_id is not None:
        account = await staff.get_account(principal.staff_id)
        return Me(
            role=Role(account.role.value),
            verified=False,
            resident=None,
            staff=StaffMember.from_model(account),
        )
    return None


@strawberry.type
class IdentityQueries:
    @strawberry.field(
        description="Who is signed in, with personal data masked; null when nobody is. A bad "
        "or expired token answers UNAUTHENTICATED (reason TOKEN_EXPIRED, TOKEN_INVALID ...)."
    )
    async def me(self, info: Info) -> Me | None:
        return await me_for(await info.context.principal())

    @strawberry.field(
        description="The staff of a centre: for its own staff, and admins.",
        extensions=[requires(STAFF)],
    )
    async def staff_members(
        self, info: Info, centre_code: Annotated[str, text(16)]
    ) -> list[StaffMember]:
        rows = await staff.list_centre_staff(
            await info.context.principal(), centre_code, info.context.meta
        )
        return [StaffMember.from_model(r) for r in rows]
