"""Live progress instead of SMS. Each subscription follows one durable stream
(backend/platform/streams.py) from the cursor it is given: what was missed first, then
live, in order, each once."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from backend.cases import access, events, service
from backend.cases.auth import HANDLE_CASES, READ_CASES
from backend.cases.snapshots import snapshot_loads
from backend.cases.types import Case, CaseTimelineEntry, StreamUpdate
from backend.centres import service as centres
from backend.graphql.context import Info
from backend.graphql.inputs import text
from backend.graphql.permissions import requires
from backend.graphql.relay import decode_global_id
from backend.platform import streams
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.principal import Principal


async def _updates(
    info: Info, principal: Principal, stream: str, after: str | None
) -> AsyncGenerator[StreamUpdate, None]:
    since = streams.decode_cursor(after, stream)
    loads = snapshot_loads()
    async for entry in streams.follow(stream, since):
        update = StreamUpdate(
            cursor=entry.cursor, kind=entry.kind, at=entry.at, case=None, case_entry=None
        )
        if entry.kind == events.CASE_PROGRESSED:
            progressed = events.CaseProgressed.from_message(entry.payload)
            case, step = await loads.load(progressed.case_id, progressed.case_event_id)
            if case is not None and access.may_read(principal, case):
                update.case = Case.from_model(case)
                update.case_entry = CaseTimelineEntry.from_model(step) if step else None
        info.context.clear_loaders()  # the case's fields as they are now, not as first read
        yield update


@strawberry.type
class CaseSubscriptions:
    @strawberry.subscription(
        description="Everything that concerns me (cases now; bookings, queue calls and "
        "certificate views as they land). Pass the last cursor you saw as `after` to resume.",
        extensions=[requires(READ_CASES)],
    )
    async def my_updates(
        self, info: Info, after: str | None = None
    ) -> AsyncGenerator[StreamUpdate, None]:
        principal = await info.context.principal()
        if principal.resident_id is None:
            raise DomainError(ErrorCode.FORBIDDEN, "此订阅仅限居民使用。", None, "RESIDENT_ONLY")
        async for update in _updates(
            info, principal, events.resident_stream(principal.resident_id), after
        ):
            yield update

    @strawberry.subscription(
        description="The progress of one case, for its resident and the staff of its centres.",
        extensions=[requires(READ_CASES)],
    )
    async def case_progress(
        self, info: Info, case_id: strawberry.ID, after: str | None = None
    ) -> AsyncGenerator[StreamUpdate, None]:
        principal = await info.context.principal()
        # Only the id is kept: the subscription runs for hours, the row is not needed.
        pk = (await service.get_case(principal, decode_global_id(case_id, "Case"))).id
        async for update in _updates(info, principal, events.case_stream(pk), after):
            yield update

    @strawberry.subscription(
        description="Updates of a centre's work queue, for its staff.",
        extensions=[requires(HANDLE_CASES)],
    )
    async def centre_updates(
        self, info: Info, centre_code: Annotated[str, text(16)], after: str | None = None
    ) -> AsyncGenerator[StreamUpdate, None]:
        principal = await info.context.principal()
        pk = (await centres.get_centre_by_code(centre_code)).id
        if not access.may_follow_centre(principal, pk):
            raise DomainError(
                ErrorCode.FORBIDDEN, "只能订阅本中心的办件。", "centreCode", "OTHER_CENTRE"
            )
        async for update in _updates(info, principal, events.centre_stream(pk), after):
            yield update
