from __future__ import annotations

import strawberry

from backend.centres import service as centres
from backend.graphql.context import Info
from backend.graphql.payloads import mutation
from backend.graphql.permissions import requires
from backend.graphql.relay import decode_global_id
from backend.identity.auth import RESIDENT
from backend.ratings import service
from backend.ratings.auth import HANDLE_FOLLOW_UPS, RATE_CASES, RATING_TABLET, SERVE_AT_WINDOW
from backend.ratings.types import (
    AppealRatingInput,
    MarkRatingInput,
    RateAtCounterInput,
    RateCaseInput,
    Rating,
    RatingFollowUp,
    RatingFollowUpPayload,
    RatingPayload,
    RatingTablet,
    RatingTabletPayload,
    ResolveRatingFollowUpInput,
)


@strawberry.type
class RatingMutations:
    @mutation(
        description="一事一评: rate my finished case, once. NOT_RATABLE_YET before it is "
        "finished, ALREADY_RATED the second time, NOT_FOUND for someone else's case. "
        "不满意 or worse opens a follow-up for the centre head.",
        extensions=[requires(RATE_CASES)],
    )
    async def rate_case(self, info: Info, input: RateCaseInput) -> RatingPayload:
        rating = await service.rate_case(
            await info.context.principal(), input.case_number, input.scores(), input.comment
        )
        return RatingPayload(rating=Rating.from_model(rating), errors=[])

    @mutation(
        description="一次一评: a button pressed on the window's tablet (signed in as staff of "
        "the centre). Counts for the clerk serving at the window; WINDOW_NOT_STAFFED when "
        "nobody is.",
        extensions=[requires(RATING_TABLET)],
    )
    async def rate_at_counter(self, info: Info, input: RateAtCounterInput) -> RatingPayload:
        rating = await service.rate_at_counter(
            await info.context.principal(), input.centre_code, input.window, input.level
        )
        return RatingPayload(rating=Rating.from_model(rating), errors=[])

    @mutation(
        description="I now serve at this window of my centre: its rating tablet shows me "
        "and its ratings count for me (one window at a time).",
        extensions=[requires(SERVE_AT_WINDOW)],
    )
    async def set_serving_window(self, info: Info, window: str) -> RatingTabletPayload:
        principal = await info.context.principal()
        row = await service.set_serving_window(principal, window)
        centre = await centres.get_centre(row.centre_id)
        return RatingTabletPayload(
            tablet=RatingTablet(
                centre_code=centre.code, window=row.window, since=row.since, clerk_id=row.clerk_id
            ),
            errors=[],
        )

    @mutation(
        description="The centre head records the contact, cause and resolution of a "
        "follow-up, or answers the resident's appeal. Heads of that centre only.",
        extensions=[requires(HANDLE_FOLLOW_UPS)],
    )
    async def resolve_rating_follow_up(
        self, info: Info, input: ResolveRatingFollowUpInput
    ) -> RatingFollowUpPayload:
        row = await service.resolve_follow_up(
            await info.context.principal(),
            decode_global_id(input.follow_up_id, "RatingFollowUp"),
            input.contact_note,
            input.cause,
            input.resolution,
        )
        return RatingFollowUpPayload(follow_up=RatingFollowUp.from_model(row), errors=[])

    @mutation(
        description="I do not accept the resolution: appeal once (ALREADY_APPEALED after).",
        extensions=[requires(RESIDENT)],
    )
    async def appeal_rating(self, info: Info, input: AppealRatingInput) -> RatingFollowUpPayload:
        row = await service.appeal_follow_up(
            await info.context.principal(),
            decode_global_id(input.follow_up_id, "RatingFollowUp"),
            input.reason,
        )
        return RatingFollowUpPayload(follow_up=RatingFollowUp.from_model(row), errors=[])

    @mutation(
        description="Mark a rating of my centre 误评 or 恶意 (a reason is required; audited). "
        "It then leaves the satisfaction figures.",
        extensions=[requires(HANDLE_FOLLOW_UPS)],
    )
    async def mark_rating(self, info: Info, input: MarkRatingInput) -> RatingPayload:
        rating = await service.mark_rating(
            await info.context.principal(),
            decode_global_id(input.rating_id, "Rating"),
            input.mark,
            input.reason,
            info.context.meta,
        )
        return RatingPayload(rating=Rating.from_model(rating), errors=[])
