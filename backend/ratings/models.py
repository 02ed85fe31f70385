"""Ratings (好差评, 国办发〔2019〕51号) and their follow-ups (整改).

Two channels: 一事一评 (ONLINE: the resident who owns a finished case rates it once, in the
app) and 一次一评 (COUNTER: an anonymous resident presses a button on the window's rating
tablet, tied to the centre, the window and the clerk serving there). A rating is never
edited; a centre head may only mark it 误评/恶意 (with a reason, audited), which keeps it
out of the public figures. A rating of 不满意 or worse opens one follow-up for the head.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class RatingLevel(str, Enum):
    VERY_SATISFIED = "VERY_SATISFIED"  # 非常满意
    SATISFIED = "SATISFIED"  # 满意
    BASICALLY_SATISFIED = "BASICALLY_SATISFIED"  # 基本满意
    DISSATISFIED = "DISSATISFIED"  # 不满意
    VERY_DISSATISFIED = "VERY_DISSATISFIED"  # 非常不满意


SATISFIED_LEVELS = frozenset(
    {RatingLevel.VERY_SATISFIED, RatingLevel.SATISFIED, RatingLevel.BASICALLY_SATISFIED}
)
BAD_LEVELS = frozenset({RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED})


class Indicator(str, Enum):
    """The fixed set of indicators (评价指标). The first four are asked every time."""

    OVERALL = "OVERALL"  # 总体评价
    EFFICIENCY = "EFFICIENCY"  # 办事效率
    ATTITUDE = "ATTITUDE"  # 服务态度
    ENVIRONMENT = "ENVIRONMENT"  # 服务环境
    GUIDANCE = "GUIDANCE"  # 办事指引 (optional)
    INTEGRITY = "INTEGRITY"  # 廉洁规范 (optional)


REQUIRED_INDICATORS = (
    Indicator.OVERALL,
    Indicator.EFFICIENCY,
    Indicator.ATTITUDE,
    Indicator.ENVIRONMENT,
)


class RatingChannel(str, Enum):
    ONLINE = "ONLINE"  # 一事一评: a case, by its resident
    COUNTER = "COUNTER"  # 一次一评: a visit, on the window's tablet


class RatingMark(str, Enum):
    MISTAKEN = "MISTAKEN"  # 误评
    MALICIOUS = "MALICIOUS"  # 恶意评价


class FollowUpState(str, Enum):
    OPEN = "OPEN"  # 待整改
    RESOLVED = "RESOLVED"  # 已整改: the resident sees the outcome, may appeal once
    APPEALED = "APPEALED"  # 申诉中: the head answers once more
    CLOSED = "CLOSED"  # 已办结 (after the answer to the appeal)


class Rating(Model):
    id = fields.IntField(primary_key=True)
    channel = fields.CharEnumField(RatingChannel, max_length=8)
    # One rating per case: the unique index is the last word in a race.
    case_id = fields.IntField(null=True, unique=True)
    case_number = fields.CharField(max_length=24, null=True)
    resident_id = fields.IntField(null=True, db_index=True)  # null: anonymous, at the counter
    centre_id = fields.IntField(db_index=True)
    clerk_id = fields.IntField(null=True, db_index=True)
    window = fields.CharField(max_length=8, null=True)
    level = fields.CharEnumField(RatingLevel, max_length=20)  # = the OVERALL indicator
    # {"EFFICIENCY": "SATISFIED", ...}, Indicator -> RatingLevel values
    indicators: fields.Field[dict[str, Any]] = fields.JSONField(default=dict)
    comment = fields.CharField(max_length=200, default="")
    created_at = fields.DatetimeField()
    mark = fields.CharEnumField(RatingMark, max_length=12, null=True)
    mark_reason = fields.CharField(max_length=200, null=True)
    marked_by_id = fields.IntField(null=True)
    marked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "ratings_rating"
        indexes = (("centre_id", "created_at"),)


class RatingWindow(Model):
    """Who is serving at a window now, as the clerk set it from their session. The rating
    tablet of that window ties counter ratings to that clerk."""

    id = fields.IntField(primary_key=True)
    centre_id = fields.IntField()
    window = fields.CharField(max_length=8)
    clerk_id = fields.IntField()
    since = fields.DatetimeField()

    class Meta:
        table = "ratings_window"
        unique_together = (("centre_id", "window"),)


class FollowUp(Model):
    """整改 of a 不满意/非常不满意 rating: the head contacts the resident, finds the cause
    and records a resolution before `due_date` (working days), and the resident may appeal once."""

    id = fields.IntField(primary_key=True)
    rating: fields.OneToOneRelation[Rating] = fields.OneToOneField(
        "tongban.Rating", related_name="follow_up", on_delete=fields.RESTRICT
    )
    centre_id = fields.IntField(db_index=True)
    resident_id = fields.IntField(null=True)
    state = fields.CharEnumField(FollowUpState, max_length=10, default=FollowUpState.OPEN)
    opened_at = fields.DatetimeField()
    due_date = fields.DateField()
    contact_note = fields.CharField(max_length=200, default="")
    cause = fields.CharField(max_length=200, default="")
    resolution = fields.CharField(max_length=200, default="")
    resolved_by_id = fields.IntField(null=True)
    resolved_at = fields.DatetimeField(null=True)
    appeal = fields.CharField(max_length=200, null=True)
    appealed_at = fields.DatetimeField(null=True)
    appeal_answer = fields.CharField(max_length=200, null=True)
    closed_at = fields.DatetimeField(null=True)

    rating_id: int

    class Meta:
        table = "ratings_follow_up"
        ordering = ["due_date", "id"]
