from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from backend.graphql.context import Info
from backend.graphql.permissions import requires
from backend.identity import events
from backend.identity.auth import SIGNED_IN_PERSON
from backend.identity.types import AccountEvent


@strawberry.type
class IdentitySubscriptions:
    @strawberry.subscription(
        description="Events of the signed-in account. Authenticate in connection_init with "
        '`{"authorization": "Bearer <access token>"}`. Ends when this session is signed out.',
        extensions=[requires(SIGNED_IN_PERSON)],
    )
    async def account_events(self, info: Info) -> AsyncGenerator[AccountEvent, None]:
        principal = await info.context.principal()
        assert principal.kind is not None and principal.subject_id is not None  # SIGNED_IN
        channel = events.account_channel(principal.kind, principal.subject_id)
        listen = info.context.infra.events.listen(channel, events.AccountEvent.from_message)
        async with listen as stream:
            async for event in stream:
                yield AccountEvent.from_event(event)
                ends = event.ends_session
                if ends is not None and ends in (events.ALL_SESSIONS, principal.session_id):
                    return
