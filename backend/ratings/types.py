from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import strawberry
from strawberry import relay

from backend.graphql.context import Info
from backend.graphql.payloads import MutationError
from backend.graphql.relay import visible_nodes
from backend.identity.types import StaffMember
from backend.platform.clock import now, to_shanghai
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.principal import Principal
from backend.ratings import access, models, service
from backend.ratings.loaders import load_clerks, load_follow_ups_by_rating, load_ratings

strawberry.enum(
    models.RatingLevel,
    description="VERY_SATISFIED 非常满意, SATISFIED 满意, BASICALLY_SATISFIED 基本满意, "
    "DISSATISFIED 不满意, VERY_DISSATISFIED 非常不满意.",
)
strawberry.enum(
    models.Indicator,
    name="RatingIndicator",
    description="The fixed set of indicators: OVERALL 总体评价, EFFICIENCY 办事效率, ATTITUDE "
    "服务态度, ENVIRONMENT 服务环境 (these four always), GUIDANCE 办事指引, INTEGRITY 廉洁规范 "
    "(optional).",
)
strawberry.enum(
    models.RatingChannel,
    description="ONLINE 一事一评 (a case, in the app), COUNTER 一次一评 (the window's tablet).",
)
strawberry.enum(models.RatingMark, description="MISTAKEN 误评, MALICIOUS 恶意评价.")
strawberry.enum(
    models.FollowUpState,
    name="RatingFollowUpState",
    description="OPEN 待整改, RESOLVED 已整改 (the resident may appeal once), APPEALED 申诉中, "
    "CLOSED 已办结.",
)


def _may_read_rating(principal: Principal, rating: models.Rating) -> bool:
    if principal.resident_id is not None:
        return rating.resident_id == principal.resident_id
    return access.may_read_centre(principal, rating.centre_id)


@strawberry.type(description="One indicator's level.")
class IndicatorScore:
    indicator: models.Indicator
    indicator_name: str
    level: models.RatingLevel
    level_name: str


@strawberry.type(description="A rating (好差评): of a case (一事一评) or of a visit (一次一评).")
class Rating(relay.Node):
    id: relay.NodeID[int]
    channel: models.RatingChannel
    level: models.RatingLevel = strawberry.field(description="The overall level (总体评价).")
    level_name: str
    indicators: list[IndicatorScore]
    comment: str
    created_at: dt.datetime
    case_number: str | None
    window: str | None = strawberry.field(description="For counter ratings: the window.")
    mark: models.RatingMark | None = strawberry.field(
        description="误评/恶意, set by the centre head with a reason; such ratings do not "
        "count in the figures."
    )
    mark_name: str | None
    mark_reason: str | None
    marked_at: dt.datetime | None
    row: strawberry.Private[models.Rating]

    @classmethod
    def from_model(cls, rating: models.Rating) -> Rating:
        return cls(
            id=rating.id,
            channel=rating.channel,
            level=rating.level,
            level_name=service.LEVEL_NAMES[rating.level],
            indicators=[
                IndicatorScore(
                    indicator=indicator,
                    indicator_name=service.INDICATOR_NAMES[indicator],
                    level=models.RatingLevel(rating.indicators[indicator.value]),
                    level_name=service.LEVEL_NAMES[
                        models.RatingLevel(rating.indicators[indicator.value])
                    ],
                )
                for indicator in models.Indicator
                if indicator.value in rating.indicators
            ],
            comment=rating.comment,
            created_at=rating.created_at,
            case_number=rating.case_number,
            window=rating.window,
            mark=rating.mark,
            mark_name=service.MARK_NAMES[rating.mark] if rating.mark else None,
            mark_reason=rating.mark_reason,
            marked_at=rating.marked_at,
            row=rating,
        )

    @strawberry.field(description="The clerk rated, for the centre's head and admins.")
    async def clerk(self, info: Info) -> StaffMember | None:
        principal = await info.context.principal()
        if self.row.clerk_id is None or not principal.is_staff:
            return None
        row = await info.context.loader(load_clerks).load(self.row.clerk_id)
        return StaffMember.from_model(row) if row else None

    @strawberry.field(description="The follow-up (整改) of a 不满意 or worse rating.")
    async def follow_up(self, info: Info) -> RatingFollowUp | None:
        row = await info.context.loader(load_follow_ups_by_rating).load(self.row.id)
        return RatingFollowUp.from_model(row) if row else None

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Rating | None]:
        return await visible_nodes(
            info, node_ids, load_ratings, _may_read_rating, cls.from_model, "找不到该评价。"
        )


@strawberry.type(
    description="整改: a 不满意 rating followed up by the centre head within a deadline in "
    "working days; the resident sees the outcome and may appeal once."
)
class RatingFollowUp(relay.Node):
    id: relay.NodeID[int]
    state: models.FollowUpState
    state_name: str
    opened_at: dt.datetime
    due_date: dt.date = strawberry.field(description="Deadline (working days from opening).")
    overdue: bool
    contact_note: str = strawberry.field(description="How the resident was contacted.")
    cause: str
    resolution: str
    resolved_at: dt.datetime | None
    appeal: str | None
    appealed_at: dt.datetime | None
    appeal_answer: str | None
    closed_at: dt.datetime | None
    row: strawberry.Private[models.FollowUp]

    @classmethod
    def from_model(cls, row: models.FollowUp) -> RatingFollowUp:
        open_states = (models.FollowUpState.OPEN, models.FollowUpState.APPEALED)
        return cls(
            id=row.id,
            state=row.state,
            state_name=service.FOLLOW_UP_STATE_NAMES[row.state],
            opened_at=row.opened_at,
            due_date=row.due_date,
            overdue=row.state in open_states and row.due_date < to_shanghai(now()).date(),
            contact_note=row.contact_note,
            cause=row.cause,
            resolution=row.resolution,
            resolved_at=row.resolved_at,
            appeal=row.appeal,
            appealed_at=row.appealed_at,
            appeal_answer=row.appeal_answer,
            closed_at=row.closed_at,
            row=row,
        )

    @strawberry.field(description="The resident may appeal now (once, after the resolution).")
    async def can_appeal(self, info: Info) -> bool:
        principal = await info.context.principal()
        return (
            principal.resident_id is not None
            and principal.resident_id == self.row.resident_id
            and self.row.state is models.FollowUpState.RESOLVED
            and self.row.appealed_at is None
        )

    @strawberry.field(description="The centre's head may record the resolution (or answer).")
    async def can_resolve(self, info: Info) -> bool:
        principal = await info.context.principal()
        return access.may_handle_centre(principal, self.row.centre_id) and self.row.state in (
            models.FollowUpState.OPEN,
            models.FollowUpState.APPEALED,
        )

    @strawberry.field
    async def rating(self, info: Info) -> Rating:
        row = await info.context.loader(load_ratings).load(self.row.rating_id)
        assert row is not None  # a foreign key
        return Rating.from_model(row)

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[RatingFollowUp | None]:
        principal = await info.context.principal()
        found: list[Any] = []
        for node_id in node_ids:
            found.append(cls.from_model(await service.get_follow_up(principal, int(node_id))))
        return found


@strawberry.type(description="How many ratings of one level.")
class RatingLevelCount:
    level: models.RatingLevel
    level_name: str
    count: int


@strawberry.type(
    description="Satisfaction (满意度): ratings marked 误评/恶意 are left out. "
    "satisfactionRate = (非常满意 + 满意 + 基本满意) / ratingCount, null without ratings."
)
class SatisfactionFigures:
    rating_count: int
    satisfied_count: int
    satisfaction_rate: float | None
    levels: list[RatingLevelCount]

    @classmethod
    def from_figures(cls, figures: service.Figures) -> SatisfactionFigures:
        return cls(
            rating_count=figures.count,
            satisfied_count=figures.satisfied,
            satisfaction_rate=figures.rate,
            levels=[
                RatingLevelCount(
                    level=level,
                    level_name=service.LEVEL_NAMES[level],
                    count=figures.by_level.get(level, 0),
                )
                for level in models.RatingLevel
            ],
        )


@strawberry.type(description="A clerk's satisfaction at a centre.")
class ClerkSatisfaction:
    figures: SatisfactionFigures
    clerk_id: strawberry.Private[int | None]

    @strawberry.field(description="Null for ratings no clerk is known for.")
    async def clerk(self, info: Info) -> StaffMember | None:
        if self.clerk_id is None:
            return None
        row = await info.context.loader(load_clerks).load(self.clerk_id)
        return StaffMember.from_model(row) if row else None


@strawberry.type(description="A window's rating tablet (评价器): who serves there now.")
class RatingTablet:
    centre_code: str
    window: str
    since: dt.datetime | None
    clerk_id: strawberry.Private[int | None]

    @strawberry.field(description="The clerk serving at the window; null: nobody.")
    async def clerk(self, info: Info) -> StaffMember | None:
        if self.clerk_id is None:
            return None
        row = await info.context.loader(load_clerks).load(self.clerk_id)
        return StaffMember.from_model(row) if row else None


@strawberry.type(description="May this case be rated, and the rating given, if any.")
class CaseRatingStatus:
    case_number: str
    ratable: bool = strawberry.field(description="Finished and not rated yet.")
    rating: Rating | None


@strawberry.input(description="One indicator's level.")
class IndicatorScoreInput:
    indicator: models.Indicator
    level: models.RatingLevel


@strawberry.input(description="Rate a finished case (一事一评), once.")
class RateCaseInput:
    case_number: str
    indicators: list[IndicatorScoreInput] = strawberry.field(
        description="OVERALL, EFFICIENCY, ATTITUDE and ENVIRONMENT are required; each once."
    )
    comment: str | None = strawberry.field(default=None, description="At most 200 characters.")

    def scores(self) -> dict[models.Indicator, models.RatingLevel]:
        found: dict[models.Indicator, models.RatingLevel] = {}
        for item in self.indicators:
            if item.indicator in found:
                raise DomainError(ErrorCode.INVALID_INPUT, "每项指标只能评价一次。", "indicators")
            found[item.indicator] = item.level
        return found


@strawberry.input(description="A button pressed on the window's tablet (一次一评).")
class RateAtCounterInput:
    centre_code: str
    window: str
    level: models.RatingLevel


@strawberry.input(description="Resolve a follow-up, or answer the resident's appeal.")
class ResolveRatingFollowUpInput:
    follow_up_id: strawberry.ID
    contact_note: str | None = strawberry.field(
        default=None, description="How the resident was contacted (required for case ratings)."
    )
    cause: str | None = strawberry.field(default=None, description="The cause found.")
    resolution: str | None = strawberry.field(
        default=None, description="What was done; when answering an appeal, the answer."
    )


@strawberry.input(description="The resident does not accept the resolution (once).")
class AppealRatingInput:
    follow_up_id: strawberry.ID
    reason: str


@strawberry.input(description="Mark a rating 误评 or 恶意 (the centre head, with a reason).")
class MarkRatingInput:
    rating_id: strawberry.ID
    mark: models.RatingMark
    reason: str | None = None


@strawberry.type
class RatingPayload:
    rating: Rating | None = None
    errors: list[MutationError]


@strawberry.type
class RatingFollowUpPayload:
    follow_up: RatingFollowUp | None = None
    errors: list[MutationError]


@strawberry.type
class RatingTabletPayload:
    tablet: RatingTablet | None = None
    errors: list[MutationError]
