from __future__ import annotations

from typing import Annotated

import strawberry

from backend.account import erasure
from backend.graphql.context import Info
from backend.graphql.inputs import text
from backend.graphql.payloads import MutationError, mutation
from backend.graphql.permissions import requires
from backend.identity.auth import RESIDENT


@strawberry.type
class EraseAccountPayload:
    erased: bool = False
    sessions_ended: int | None = None
    bookings_cancelled: int | None = None
    errors: list[MutationError]


@strawberry.type
class AccountMutations:
    @mutation(
        description="注销账号, step 2 (step 1: requestAccountErasureCode): with the texted "
        "code, end every session, erase phone number, name and ID number, cancel the "
        "bookings still to come and blank the resident's words in ratings. Cases stay, by id "
        "only. Signing in again with the same number makes a new account.",
        extensions=[requires(RESIDENT)],
    )
    async def erase_account(
        self, info: Info, code: Annotated[str, text(16)]
    ) -> EraseAccountPayload:
        done = await erasure.erase(await info.context.principal(), code, info.context.meta)
        return EraseAccountPayload(
            erased=True,
            sessions_ended=done.sessions_ended,
            bookings_cancelled=done.bookings_cancelled,
            errors=[],
        )
