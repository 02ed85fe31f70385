from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import strawberry
from strawberry import relay

from backend.cases import access, models, service
from backend.cases.loaders import load_case_events, load_cases
from backend.cases.states import CaseAction, actions_from
from backend.centres.loaders import load_centres
from backend.centres.types import Centre
from backend.graphql.context import Info
from backend.graphql.inputs import text_field
from backend.graphql.payloads import MutationError
from backend.graphql.relay import visible_nodes
from backend.matters.loaders import load_matters
from backend.matters.types import Matter

strawberry.enum(
    models.CaseState,
    description="SUBMITTED 已提交, PREREVIEW_PASSED 预审通过, NEEDS_SUPPLEMENT 待补正, "
    "ACCEPTED 已受理, FORWARDED 已转办, PROCESSING 办理中, COMPLETED 已办结, "
    "REJECTED 不予办理, WITHDRAWN 已撤回.",
)
strawberry.enum(
    models.CaseChannel,
    description="ONLINE 网上申请, COUNTER 窗口, REMOTE_WINDOW 就近办 (a remote window), "
    "HOME_VISIT 上门办.",
)
strawberry.enum(models.ActorKind, name="CaseActorKind", description="Who took a step.")
strawberry.enum(CaseAction, description="A step a case can take (see the transition table).")


@strawberry.type(
    description="A material of the case: handed in or not, and whether an "
    "e-certificate stood in for the paper."
)
class CaseMaterial:
    name: str
    provided: bool
    by_e_certificate: bool


@strawberry.type(description="One step in a case's history. Immutable.")
class CaseTimelineEntry:
    action: str = strawberry.field(description="SUBMIT, or a CaseAction.")
    from_state: models.CaseState | None
    to_state: models.CaseState
    at: dt.datetime
    actor_kind: models.ActorKind
    note: str = strawberry.field(description="The reason or remark the resident reads.")
    state_name: str = strawberry.field(description="The new state, in Chinese.")

    @classmethod
    def from_model(cls, event: models.CaseEvent) -> CaseTimelineEntry:
        return cls(
            action=event.action,
            from_state=event.from_state,
            to_state=event.to_state,
            at=event.at,
            actor_kind=event.actor_kind,
            note=event.note,
            state_name=service.STATE_NAMES[event.to_state],
        )


@strawberry.type(
    description="A case (办件): what a resident applied for, where, and how far it is."
)
class Case(relay.Node):
    id: relay.NodeID[int]
    number: str = strawberry.field(description="Readable unique number, e.g. 26112231010101-0042.")
    state: models.CaseState
    state_name: str = strawberry.field(description="The state, in Chinese.")
    channel: models.CaseChannel
    submitted_at: dt.datetime
    promised_date: dt.date | None = strawberry.field(
        description="Promised completion date (working days from acceptance; holidays and "
        "调休 from the calendar). Null until accepted."
    )
    finished_at: dt.datetime | None
    reject_reason: str | None
    overdue: bool = strawberry.field(description="Past its promised date and not finished.")
    collect_forward: bool = strawberry.field(
        description="收受分离: collected at one centre, accepted at another."
    )
    materials: list[CaseMaterial]
    row: strawberry.Private[models.Case]

    @classmethod
    def from_model(cls, case: models.Case) -> Case:
        return cls(
            id=case.id,
            number=case.number,
            state=case.state,
            state_name=service.STATE_NAMES[case.state],
            channel=case.channel,
            submitted_at=case.submitted_at,
            promised_date=case.promised_date,
            finished_at=case.finished_at,
            reject_reason=case.reject_reason,
            overdue=service.is_overdue(case),
            collect_forward=case.collecting_centre_id != case.accepting_centre_id,
            materials=[
                CaseMaterial(
                    name=str(m["name"]),
                    provided=bool(m.get("provided")),
                    by_e_certificate=bool(m.get("by_e_certificate")),
                )
                for m in case.materials
            ],
            row=case,
        )

    @strawberry.field
    async def matter(self, info: Info) -> Matter:
        row = await info.context.loader(load_matters).load(self.row.matter_id)
        assert row is not None  # a foreign key
        return Matter.from_model(row)

    @strawberry.field(description="收件: where the papers were handed in or the case was filed.")
    async def collecting_centre(self, info: Info) -> Centre:
        row = await info.context.loader(load_centres).load(self.row.collecting_centre_id)
        assert row is not None
        return Centre.from_model(row)

    @strawberry.field(description="受理: the centre that accepts and decides.")
    async def accepting_centre(self, info: Info) -> Centre:
        row = await info.context.loader(load_centres).load(self.row.accepting_centre_id)
        assert row is not None
        return Centre.from_model(row)

    @strawberry.field(description="Every step so far, oldest first.")
    async def timeline(self, info: Info) -> list[CaseTimelineEntry]:
        rows = await info.context.loader(load_case_events).load(self.row.id)
        return [CaseTimelineEntry.from_model(r) for r in rows]

    @strawberry.field(description="What the person asking may do to this case now.")
    async def available_actions(self, info: Info) -> list[CaseAction]:
        actor = access.acts_as(await info.context.principal(), self.row)
        return actions_from(self.row.state, actor) if actor else []

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Case | None]:
        return await visible_nodes(
            info, node_ids, load_cases, access.may_read, cls.from_model, "找不到该办件。"
        )


@strawberry.type(description="How many cases of a centre are in one state.")
class CaseStateCount:
    state: models.CaseState
    count: int


@strawberry.type(description="A centre's work queue: counts per state and the overdue ones.")
class CaseQueueSummary:
    counts: list[CaseStateCount]
    overdue: int


@strawberry.input(description="A material handed in.")
class CaseMaterialInput:
    name: str = text_field(64, required=True)
    provided: bool = True
    by_e_certificate: bool = strawberry.field(
        default=False, description="An e-certificate (电子亮证) stood in for the paper."
    )

    def to_service(self) -> service.MaterialInput:
        return service.MaterialInput(self.name, self.provided, self.by_e_certificate)


@strawberry.input(description="Apply online (全程网办 / 网上预审).")
class SubmitCaseInput:
    matter_code: str = text_field(16, required=True)
    centre_code: str = text_field(16, required=True, description="The centre to handle it (收件).")
    materials: list[CaseMaterialInput] = strawberry.field(default_factory=list)


@strawberry.input(description="Open a case at the counter for a resident in front of you.")
class OpenCounterCaseInput:
    id_number: str = text_field(
        32, required=True, description="The number on the resident's ID card."
    )
    matter_code: str = text_field(16, required=True)
    channel: models.CaseChannel = models.CaseChannel.COUNTER
    materials: list[CaseMaterialInput] = strawberry.field(default_factory=list)


@strawberry.input(description="Take a step on a case.")
class AdvanceCaseInput:
    case_id: strawberry.ID
    action: CaseAction
    note: str | None = strawberry.field(
        default=None, description="Required to reject or ask for more; the resident reads it."
    )
    materials: list[CaseMaterialInput] | None = strawberry.field(
        default=None, description="For SUPPLEMENT: the materials as now handed in."
    )


@strawberry.type
class CasePayload:
    case: Case | None = None
    errors: list[MutationError]


@strawberry.type(
    description="One update on a stream you follow. Pass `cursor` back as "
    "`after` when you reconnect: you get what you missed, in order, once."
)
class StreamUpdate:
    cursor: str
    kind: str = strawberry.field(description="What happened, e.g. case.progressed.")
    at: dt.datetime
    case: Case | None = strawberry.field(description="For case updates: the case as it is now.")
    case_entry: CaseTimelineEntry | None = strawberry.field(
        description="For case updates: the step that was taken."
    )
