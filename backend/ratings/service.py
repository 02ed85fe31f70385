"""Every write of the ratings domain, and the figures.

- `rate_case`: 一事一评. The resident who owns a finished case (办结 or 不予办理) rates it
  once; it is tied to the case, the centre where it was finished and the clerk who
  finished it (from the case's history, through backend/cases/read.py).
- `rate_at_counter`: 一次一评. The window's tablet (signed in as staff of the centre) records
  an anonymous rating of the clerk serving at that window (`set_serving_window`).
- A rating of 不满意 or worse opens a follow-up (整改) due in working days; the head resolves
  it, the resident may appeal once, the head answers the appeal and it is closed.
- A head may mark a rating 误评/恶意, with a reason, audited; marked ratings leave the figures.

Each write is one unit of work with its durable event; a refusal changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from tortoise.exceptions import IntegrityError
from tortoise.functions import Count
from tortoise.queryset import QuerySet

from backend.audit import service as audit
from backend.audit.service import Target
from backend.cases import read as cases
from backend.cases.models import CaseState
from backend.centres import service as centres
from backend.platform import infra
from backend.platform.calendar import add_working_days
from backend.platform.clock import now, to_shanghai
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.events import record
from backend.platform.principal import Principal
from backend.platform.requestmeta import RequestMeta
from backend.platform.uow import unit_of_work
from backend.ratings import access, events
from backend.ratings.models import (
    BAD_LEVELS,
    REQUIRED_INDICATORS,
    SATISFIED_LEVELS,
    FollowUp,
    FollowUpState,
    Indicator,
    Rating,
    RatingChannel,
    RatingLevel,
    RatingMark,
    RatingWindow,
)

TEXT_MAX = 200
RATABLE_STATES = (CaseState.COMPLETED, CaseState.REJECTED)
WINDOW_PATTERN = re.compile(r"^[0-9A-Za-z-]{1,8}$")
# One tablet cannot flood a clerk's figures: at most this many ratings a minute per window.
COUNTER_RATINGS_PER_MINUTE = 6

LEVEL_NAMES = {
    RatingLevel.VERY_SATISFIED: "非常满意",
    RatingLevel.SATISFIED: "满意",
    RatingLevel.BASICALLY_SATISFIED: "基本满意",
    RatingLevel.DISSATISFIED: "不满意",
    RatingLevel.VERY_DISSATISFIED: "非常不满意",
}
INDICATOR_NAMES = {
    Indicator.OVERALL: "总体评价",
    Indicator.EFFICIENCY: "办事效率",
    Indicator.ATTITUDE: "服务态度",
    Indicator.ENVIRONMENT: "服务环境",
    Indicator.GUIDANCE: "办事指引",
    Indicator.INTEGRITY: "廉洁规范",
}
MARK_NAMES = {RatingMark.MISTAKEN: "误评", RatingMark.MALICIOUS: "恶意评价"}
FOLLOW_UP_STATE_NAMES = {
    FollowUpState.OPEN: "待整改",
    FollowUpState.RESOLVED: "已整改",
    FollowUpState.APPEALED: "申诉中",
    FollowUpState.CLOSED: "已办结",
}


def clean_text(text: str | None, field: str, *, required: bool = False) -> str:
    """Trimmed free text of at most TEXT_MAX characters; line breaks kept, any other
    control character (NUL included), lone surrogate or unassigned code point refused."""
    value = unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n")).strip()
    for char in value:
        category = unicodedata.category(char)
        if char != "\n" and category in ("Cc", "Cs", "Co", "Cn"):
            raise DomainError(ErrorCode.INVALID_INPUT, "内容含有不能识别的字符。", field)
    if required and not value:
        raise DomainError(ErrorCode.INVALID_INPUT, "请填写这一项。", field)
    if len(value) > TEXT_MAX:
        raise DomainError(ErrorCode.INVALID_INPUT, f"最多 {TEXT_MAX} 个字。", field)
    return value


def _indicators(given: Mapping[Indicator, RatingLevel]) -> dict[str, str]:
    missing = [i for i in REQUIRED_INDICATORS if i not in given]
    if missing:
        names = "、".join(INDICATOR_NAMES[i] for i in missing)
        raise DomainError(ErrorCode.INVALID_INPUT, f"请评价：{names}。", "indicators")
    return {i.value: given[i].value for i in Indicator if i in given}


def follow_up_due(opened: date) -> date:
    days = infra.current().settings.rating_follow_up_working_days
    return add_working_days(opened, days)


async def _create(rating: Rating) -> Rating:
    """Inside the caller's unit of work: the rating, its follow-up when it is bad, the event."""
    await rating.save()
    follow_up = None
    if rating.level in BAD_LEVELS:
        follow_up = await FollowUp.create(
            rating_id=rating.id,
            centre_id=rating.centre_id,
            resident_id=rating.resident_id,
            opened_at=rating.created_at,
            due_date=follow_up_due(to_shanghai(rating.created_at).date()),
        )
    record(
        events.RatingRecorded(
            rating_id=rating.id,
            case_id=rating.case_id,
            resident_id=rating.resident_id,
            centre_id=rating.centre_id,
            level=rating.level.value,
            follow_up_id=follow_up.id if follow_up else None,
            at=rating.created_at,
        )
    )
    return rating


def _already_rated() -> DomainError:
    return DomainError(ErrorCode.ALREADY_RATED, "这件事您已经评价过了，每件事只能评价一次。")


async def rate_case(
    principal: Principal,
    number: str,
    given: Mapping[Indicator, RatingLevel],
    comment: str | None,
) -> Rating:
    """一事一评: the owner rates a finished case, once."""
    outcome = await cases.owned_case_outcome(principal, number)
    if outcome is None:
        raise DomainError(ErrorCode.NOT_FOUND, "找不到该办件。", "number")
    if outcome.state not in RATABLE_STATES:
        raise DomainError(
            ErrorCode.NOT_RATABLE_YET, "办件办结后才能评价，办结时我们会短信通知您。", "number"
        )
    if await Rating.exists(case_id=outcome.id):
        raise _already_rated()
    indicators = _indicators(given)
    text = clean_text(comment, "comment")
    assert outcome.finishing_centre_id is not None  # a finished case has one
    try:
        async with unit_of_work():
            return await _create(
                Rating(
                    channel=RatingChannel.ONLINE,
                    case_id=outcome.id,
                    case_number=outcome.number,
                    resident_id=outcome.resident_id,
                    centre_id=outcome.finishing_centre_id,
                    clerk_id=outcome.finishing_clerk_id,
                    level=RatingLevel(indicators[Indicator.OVERALL.value]),
                    indicators=indicators,
                    comment=text,
                    created_at=now(),
                )
            )
    except IntegrityError:  # a second tap that raced the first
        raise _already_rated() from None


def _window_name(window: str) -> str:
    value = unicodedata.normalize("NFKC", window or "").strip()
    if not WINDOW_PATTERN.match(value):
        raise DomainError(ErrorCode.INVALID_INPUT, "窗口号为 1-8 位数字或字母。", "window")
    return value


async def set_serving_window(principal: Principal, window: str) -> RatingWindow:
    """A clerk (or head) says they now serve at `window` of their centre; the window's
    tablet then names them, and its ratings count for them."""
    if not principal.is_staff or principal.is_admin or principal.centre_id is None:
        raise DomainError(
            ErrorCode.FORBIDDEN, "只有受理中心的工作人员可以设置窗口。", None, "STAFF_ONLY"
        )
    assert principal.staff_id is not None
    name = _window_name(window)
    async with unit_of_work():
        await RatingWindow.filter(clerk_id=principal.staff_id).delete()
        await RatingWindow.filter(centre_id=principal.centre_id, window=name).delete()
        return await RatingWindow.create(
            centre_id=principal.centre_id, window=name, clerk_id=principal.staff_id, since=now()
        )


async def leave_window(principal: Principal) -> None:
    if principal.staff_id is not None:
        await RatingWindow.filter(clerk_id=principal.staff_id).delete()


async def tablet_window(principal: Principal, centre_code: str, window: str) -> RatingWindow | None:
    """Who serves at this window now (None: nobody), for the tablet standing there."""
    centre = await centres.get_centre_by_code(centre_code)
    if not access.may_use_tablet(principal, centre.id):
        raise DomainError(
            ErrorCode.FORBIDDEN, "评价器只能由本中心的工作人员登录。", "centreCode", "OTHER_CENTRE"
        )
    return await RatingWindow.get_or_none(centre_id=centre.id, window=_window_name(window))


async def rate_at_counter(
    principal: Principal, centre_code: str, window: str, level: RatingLevel
) -> Rating:
    """一次一评: an anonymous resident presses one of the five buttons on the tablet."""
    serving = await tablet_window(principal, centre_code, window)
    if serving is None:
        raise DomainError(
            ErrorCode.WINDOW_NOT_STAFFED, "该窗口暂无工作人员，请稍后再评价。", "window"
        )
    decision = await infra.current().limiter.hit(
        f"ratings:counter:{serving.centre_id}:{serving.window}", COUNTER_RATINGS_PER_MINUTE, 60
    )
    if not decision.allowed:
        raise DomainError(ErrorCode.RATE_LIMITED, "评价太频繁，请稍后再试。", "window")
    async with unit_of_work():
        return await _create(
            Rating(
                channel=RatingChannel.COUNTER,
                centre_id=serving.centre_id,
                clerk_id=serving.clerk_id,
                window=serving.window,
                level=level,
                indicators={Indicator.OVERALL.value: level.value},
                created_at=now(),
            )
        )


async def my_case_rating(principal: Principal, number: str) -> Rating | None:
    """The rating the owner gave the case, if any; someone else's case is NOT_FOUND."""
    outcome = await cases.owned_case_outcome(principal, number)
    if outcome is None:
        raise DomainError(ErrorCode.NOT_FOUND, "找不到该办件。", "number")
    return await Rating.get_or_none(case_id=outcome.id)


async def case_ratability(principal: Principal, number: str) -> tuple[bool, Rating | None]:
    """(may it be rated now, the rating already given)."""
    outcome = await cases.owned_case_outcome(principal, number)
    if outcome is None:
        raise DomainError(ErrorCode.NOT_FOUND, "找不到该办件。", "number")
    rating = await Rating.get_or_none(case_id=outcome.id)
    return outcome.state in RATABLE_STATES and rating is None, rating


def _follow_up_not_found() -> DomainError:
    return DomainError(ErrorCode.NOT_FOUND, "找不到该整改记录。", "followUpId")


def _changed(follow_up: FollowUp) -> None:
    record(
        events.FollowUpChanged(
            follow_up_id=follow_up.id,
            rating_id=follow_up.rating_id,
            resident_id=follow_up.resident_id,
            centre_id=follow_up.centre_id,
            state=follow_up.state.value,
            at=now(),
        )
    )


async def get_follow_up(principal: Principal, follow_up_id: int) -> FollowUp:
    follow_up = await FollowUp.get_or_none(id=follow_up_id)
    if follow_up is None or not access.may_read_follow_up(principal, follow_up):
        raise _follow_up_not_found()
    return follow_up


async def _locked_for_head(principal: Principal, follow_up_id: int) -> FollowUp:
    follow_up = await FollowUp.filter(id=follow_up_id).select_for_update().first()
    if follow_up is None or not (
        principal.is_staff or access.may_read_follow_up(principal, follow_up)
    ):
        raise _follow_up_not_found()
    if not access.may_handle_centre(principal, follow_up.centre_id):
        reason = "READ_ONLY" if principal.is_admin else "OTHER_CENTRE"
        raise DomainError(
            ErrorCode.FORBIDDEN, "只有本中心的负责人可以处理整改。", "followUpId", reason
        )
    return follow_up


async def resolve_follow_up(
    principal: Principal,
    follow_up_id: int,
    contact_note: str | None,
    cause: str | None,
    resolution: str | None,
) -> FollowUp:
    """The head records the contact, the cause and the resolution (OPEN → RESOLVED), or
    answers the resident's appeal (APPEALED → CLOSED, `resolution` is the answer)."""
    async with unit_of_work():
        follow_up = await _locked_for_head(principal, follow_up_id)
        moment = now()
        if follow_up.state is FollowUpState.OPEN:
            # A counter rating is anonymous: there is nobody to contact.
            follow_up.contact_note = clean_text(
                contact_note, "contactNote", required=follow_up.resident_id is not None
            )
            follow_up.cause = clean_text(cause, "cause", required=True)
            follow_up.resolution = clean_text(resolution, "resolution", required=True)
            follow_up.state = FollowUpState.RESOLVED
            follow_up.resolved_by_id = principal.staff_id
            follow_up.resolved_at = moment
        elif follow_up.state is FollowUpState.APPEALED:
            follow_up.appeal_answer = clean_text(resolution, "resolution", required=True)
            follow_up.state = FollowUpState.CLOSED
            follow_up.closed_at = moment
        else:
            raise DomainError(
                ErrorCode.ILLEGAL_TRANSITION,
                f"整改当前为“{FOLLOW_UP_STATE_NAMES[follow_up.state]}”，不能再处理。",
                "followUpId",
            )
        await follow_up.save()
        _changed(follow_up)
    return follow_up


async def appeal_follow_up(principal: Principal, follow_up_id: int, text: str | None) -> FollowUp:
    """The resident does not accept the resolution: once, after it was resolved."""
    async with unit_of_work():
        follow_up = await FollowUp.filter(id=follow_up_id).select_for_update().first()
        if (
            follow_up is None
            or principal.resident_id is None
            or follow_up.resident_id != principal.resident_id
        ):
            raise _follow_up_not_found()
        if follow_up.appealed_at is not None:
            raise DomainError(ErrorCode.ALREADY_APPEALED, "每条评价只能申诉一次。", "followUpId")
        if follow_up.state is not FollowUpState.RESOLVED:
            raise DomainError(ErrorCode.NOT_APPEALABLE, "中心处理完成后才能申诉。", "followUpId")
        follow_up.appeal = clean_text(text, "appeal", required=True)
        follow_up.appealed_at = now()
        follow_up.state = FollowUpState.APPEALED
        await follow_up.save()
        _changed(follow_up)
    return follow_up


async def mark_rating(
    principal: Principal,
    rating_id: int,
    mark: RatingMark,
    reason: str | None,
    meta: RequestMeta,
) -> Rating:
    """误评/恶意: the head of the rating's centre, with a reason; audited either way. The
    rating stays (never deleted) but leaves the satisfaction figures."""
    async with audit.audited(
        "ratings.mark",
        actor=principal.audit_actor,
        target=Target("rating", rating_id),
        meta=meta,
    ) as note:
        note.details["mark"] = mark.value
        async with unit_of_work():
            rating = await Rating.filter(id=rating_id).select_for_update().first()
            if rating is None:
                raise DomainError(ErrorCode.NOT_FOUND, "找不到该评价。", "ratingId")
            if not access.may_handle_centre(principal, rating.centre_id):
                reason = "READ_ONLY" if principal.is_admin else "OTHER_CENTRE"
                raise DomainError(
                    ErrorCode.FORBIDDEN, "只有本中心的负责人可以标记评价。", "ratingId", reason
                )
            text = clean_text(reason, "reason", required=True)
            if rating.mark is not None:
                raise DomainError(ErrorCode.ALREADY_MARKED, "该评价已经标记过了。", "ratingId")
            rating.mark = mark
            rating.mark_reason = text
            rating.marked_by_id = principal.staff_id
            rating.marked_at = now()
            await rating.save()
            follow_up = await FollowUp.get_or_none(rating_id=rating.id)
            if follow_up is not None:
                _changed(follow_up)
    return rating


# Figures ---------------------------------------------------------------------------------


@dataclass
class Figures:
    """Satisfaction of a centre or a clerk; ratings marked 误评/恶意 are left out."""

    by_level: dict[RatingLevel, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(self.by_level.values())

    @property
    def satisfied(self) -> int:
        return sum(n for level, n in self.by_level.items() if level in SATISFIED_LEVELS)

    @property
    def rate(self) -> float | None:
        """(非常满意 + 满意 + 基本满意) / count; None without ratings."""
        return self.satisfied / self.count if self.count else None


async def _figures(centre_id: int, group_by_clerk: bool) -> dict[int | None, Figures]:
    keys = ["clerk_id", "level"] if group_by_clerk else ["level"]
    rows = (
        await Rating.filter(centre_id=centre_id, mark__isnull=True)
        .annotate(n=Count("id"))
        .group_by(*keys)
        .values(*keys, "n")
    )
    found: dict[int | None, Figures] = {}
    for row in rows:
        clerk = row["clerk_id"] if group_by_clerk else None
        found.setdefault(clerk, Figures()).by_level[RatingLevel(row["level"])] = int(row["n"])
    return found


async def centre_figures(centre_code: str) -> tuple[int, Figures]:
    """Public: anyone may see a centre's satisfaction rate and rating count."""
    centre = await centres.get_centre_by_code(centre_code)
    return centre.id, (await _figures(centre.id, False)).get(None, Figures())


async def clerk_figures(principal: Principal, centre_code: str) -> dict[int | None, Figures]:
    """Per clerk (None: ratings no clerk is known for), for the centre's head and admins."""
    centre = await centres.get_centre_by_code(centre_code)
    if not access.may_read_centre(principal, centre.id):
        raise DomainError(
            ErrorCode.FORBIDDEN, "只能查看本中心的满意度。", "centreCode", "OTHER_CENTRE"
        )
    return await _figures(centre.id, True)


async def centre_follow_ups(
    principal: Principal, centre_code: str | None, state: FollowUpState | None
) -> QuerySet[FollowUp]:
    """The follow-ups the principal may read, of one centre when given (head: theirs)."""
    queryset = access.readable_follow_ups(principal)
    if centre_code:
        centre = await centres.get_centre_by_code(centre_code)
        if not access.may_read_centre(principal, centre.id):
            raise DomainError(
                ErrorCode.FORBIDDEN, "只能查看本中心的整改。", "centreCode", "OTHER_CENTRE"
            )
        queryset = queryset.filter(centre_id=centre.id)
    if state is not None:
        queryset = queryset.filter(state=state)
    return queryset.order_by("due_date", "id")


async def forget_free_text_of_erased(resident_id: int) -> int:
    """注销账号: the resident's own words (comments, appeals) and the centre's notes of
    contacting them are blanked; levels, dates and ids stay for the statistics."""
    async with unit_of_work():
        ratings = await Rating.filter(resident_id=resident_id).update(comment="")
        await FollowUp.filter(resident_id=resident_id).update(contact_note="", appeal=None)
    return ratings
