from __future__ import annotations

import strawberry

from backend.graphql.context import Info
from backend.graphql.permissions import requires
from backend.graphql.relay import (
    CountedConnection,
    build_connection,
    decode_global_id,
    paginate_queryset,
)
from backend.identity.auth import SIGNED_IN_PERSON
from backend.ratings import service
from backend.ratings.auth import HANDLE_FOLLOW_UPS, RATE_CASES, RATING_TABLET, READ_FIGURES
from backend.ratings.models import FollowUpState
from backend.ratings.types import (
    CaseRatingStatus,
    ClerkSatisfaction,
    Rating,
    RatingFollowUp,
    RatingTablet,
    SatisfactionFigures,
)


@strawberry.type
class RatingQueries:
    @strawberry.field(
        description="Whether my case may be rated now, and my rating of it (with its "
        "follow-up). Someone else's case is NOT_FOUND.",
        extensions=[requires(RATE_CASES)],
    )
    async def case_rating(self, info: Info, case_number: str) -> CaseRatingStatus:
        ratable, rating = await service.case_ratability(await info.context.principal(), case_number)
        return CaseRatingStatus(
            case_number=case_number.strip(),
            ratable=ratable,
            rating=Rating.from_model(rating) if rating else None,
        )

    @strawberry.field(
        description="Public satisfaction of a centre: rating count and satisfaction rate, "
        "ratings marked 误评/恶意 left out.",
    )
    async def centre_satisfaction(self, centre_code: str) -> SatisfactionFigures:
        _, figures = await service.centre_figures(centre_code)
        return SatisfactionFigures.from_figures(figures)

    @strawberry.field(
        description="Satisfaction per clerk of a centre: its head, and admins.",
        extensions=[requires(READ_FIGURES)],
    )
    async def clerk_satisfaction(self, info: Info, centre_code: str) -> list[ClerkSatisfaction]:
        found = await service.clerk_figures(await info.context.principal(), centre_code)
        return [
            ClerkSatisfaction(figures=SatisfactionFigures.from_figures(f), clerk_id=clerk)
            for clerk, f in sorted(found.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
        ]

    @strawberry.field(
        description="Follow-ups (整改) of 不满意 ratings, earliest deadline first: a head "
        "sees their centre's, admins every centre's (read-only).",
        extensions=[requires(HANDLE_FOLLOW_UPS)],
    )
    async def rating_follow_ups(
        self,
        info: Info,
        centre_code: str | None = None,
        state: FollowUpState | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> CountedConnection[RatingFollowUp]:
        queryset = await service.centre_follow_ups(
            await info.context.principal(), centre_code, state
        )
        rows, start, end, total = await paginate_queryset(queryset, first=first, after=after)
        return build_connection(
            [RatingFollowUp.from_model(r) for r in rows], start=start, end=end, total=total
        )

    @strawberry.field(
        description="One follow-up: for its resident, its centre's head, and admins.",
        extensions=[requires(SIGNED_IN_PERSON)],
    )
    async def rating_follow_up(self, info: Info, id: strawberry.ID) -> RatingFollowUp:
        return RatingFollowUp.from_model(
            await service.get_follow_up(
                await info.context.principal(), decode_global_id(id, "RatingFollowUp")
            )
        )

    @strawberry.field(
        description="The window's rating tablet: who serves there now. Staff of the centre.",
        extensions=[requires(RATING_TABLET)],
    )
    async def rating_tablet(self, info: Info, centre_code: str, window: str) -> RatingTablet:
        row = await service.tablet_window(await info.context.principal(), centre_code, window)
        return RatingTablet(
            centre_code=centre_code.strip(),
            window=row.window if row else window.strip(),
            since=row.since if row else None,
            clerk_id=row.clerk_id if row else None,
        )
