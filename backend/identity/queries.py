from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay

from backend.graphql.context import Context, Info
from backend.graphql.inputs import text
from backend.graphql.permissions import IsStaffAtCentre, requires
from backend.identity import service, staff
from backend.identity.access import Visibility, resident_visibility
from backend.identity.principal import Principal, Role
from backend.identity.types import Me, Resident, StaffMember
from backend.platform.errors import DomainError, ErrorCode


async def me_for(principal: Principal) -> Me | None:
    if principal.resident_id is not None:
        resident = await service.get_resident(principal.resident_id)
        if resident is None:
            return None
        view = service.view_resident(resident)
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
        extensions=[requires(IsStaffAtCentre("centre_code"))],
    )
    async def staff_members(
        self, info: Info, centre_code: Annotated[str, text(16)]
    ) -> list[StaffMember]:
        rows = await staff.list_centre_staff(
            await info.context.principal(), centre_code, info.context.meta
        )
        return [StaffMember.from_model(r) for r in rows]


async def resident_node(ctx: Context, pk: int) -> relay.Node | None:
    principal = await ctx.principal()
    if not principal.is_authenticated:
        raise DomainError(ErrorCode.UNAUTHENTICATED, "请先登录。", "id")
    if resident_visibility(principal, pk) is Visibility.NONE:
        raise DomainError(ErrorCode.FORBIDDEN, "只能查看本人的账号。", "id")
    resident = await service.get_resident(pk)
    return Resident.from_view(service.view_resident(resident)) if resident else None


async def staff_node(ctx: Context, pk: int) -> relay.Node | None:
    principal = await ctx.principal()
    if not principal.is_staff:
        raise DomainError(ErrorCode.FORBIDDEN, "仅限工作人员查看。", "id")
    found = await staff.get_visible_staff(principal, pk)
    return StaffMember.from_model(found) if found else None
