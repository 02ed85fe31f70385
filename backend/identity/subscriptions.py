from __future__ import annotations

import datetime as dt
from collections.abc import AsyncGenerator

import strawberry

from backend.graphql.context import Info
from backend.graphql.permissions import IsAuthenticated, requires
from backend.identity import events
from backend.identity.types import AccountEvent
from backend.platform.errors import DomainError, ErrorCode

_FINAL = {events.AccountEventKind.ACCOUNT_DISABLED}


@strawberry.type
class IdentitySubscriptions:
    @strawberry.subscription(
        description="Events of the signed-in account. Authenticate in connection_init with "
        '`{"authorization": "Bearer <access token>"}`. Ends when this session is signed out.',
        extensions=[requires(IsAuthenticated())],
    )
    async def account_events(self, info: Info) -> AsyncGenerator[AccountEvent, None]:
        principal = await info.context.principal()
        broker = info.context.broker
        if broker is None or principal.kind is None or principal.subject_id is None:
            raise DomainError(ErrorCode.INTERNAL_ERROR, "事件服务暂时不可用。")
        channel = events.account_channel(principal.kind, principal.subject_id)
        async with broker.subscribe(channel) as messages:
            async for message in messages:
                kind = events.AccountEventKind(message["kind"])
                session_id = message.get("sessionId")
                yield AccountEvent(
                    kind=kind,
                    at=dt.datetime.fromisoformat(message["at"]),
                    session_id=session_id,
                    reason=message.get("reason"),
                )
                ends_this_session = (
                    kind is events.AccountEventKind.SESSION_REVOKED
                    and session_id == principal.session_id
                )
                if ends_this_session or kind in _FINAL:
                    return
