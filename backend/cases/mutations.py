from __future__ import annotations

import strawberry

from backend.cases import service
from backend.cases.auth import APPLY_ONLINE, HANDLE_CASES, READ_CASES
from backend.cases.types import (
    AdvanceCaseInput,
    Case,
    CasePayload,
    OpenCounterCaseInput,
    SubmitCaseInput,
)
from backend.graphql.context import Info
from backend.graphql.payloads import mutation
from backend.graphql.permissions import requires
from backend.graphql.relay import decode_global_id


@strawberry.type
class CaseMutations:
    @mutation(
        description="Apply online for a FULLY_ONLINE or PREREVIEW matter (real-name verified "
        "residents). The case starts SUBMITTED; follow it with caseProgress or myUpdates.",
        extensions=[requires(APPLY_ONLINE)],
    )
    async def submit_case(self, info: Info, input: SubmitCaseInput) -> CasePayload:
        case = await service.submit_online(
            await info.context.principal(),
            input.matter_code,
            input.centre_code,
            [m.to_service() for m in input.materials],
            info.context.meta,
        )
        return CasePayload(case=Case.from_model(case), errors=[])

    @mutation(
        description="Open a case at the counter (or a remote window, or a home visit) for a "
        "real-name verified resident, found by the ID number on their card.",
        extensions=[requires(HANDLE_CASES)],
    )
    async def open_counter_case(self, info: Info, input: OpenCounterCaseInput) -> CasePayload:
        case = await service.open_at_counter(
            await info.context.principal(),
            input.id_number,
            input.matter_code,
            [m.to_service() for m in input.materials],
            input.channel,
            info.context.meta,
        )
        return CasePayload(case=Case.from_model(case), errors=[])

    @mutation(
        description="Take a step on a case, as the transition table allows: staff of the "
        "accepting centre accept, forward, process, complete or reject; the resident "
        "supplements or withdraws. An illegal step answers ILLEGAL_TRANSITION and changes "
        "nothing.",
        extensions=[requires(READ_CASES)],
    )
    async def advance_case(self, info: Info, input: AdvanceCaseInput) -> CasePayload:
        case = await service.advance(
            await info.context.principal(),
            decode_global_id(input.case_id, "Case"),
            input.action,
            input.note,
            [m.to_service() for m in input.materials] if input.materials is not None else None,
        )
        return CasePayload(case=Case.from_model(case), errors=[])
