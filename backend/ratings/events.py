"""Rating events: durable (backend/platform/streams.py), so a resident's `myUpdates` carries
the rating they gave and every step of its follow-up, and a centre's stream carries its
ratings. Ids, codes and times only: no comment text, no personal data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Self

from backend.platform.broker import Message
from backend.platform.streams import DurableEvent

RATING_RECORDED = "rating.recorded"
FOLLOW_UP_CHANGED = "rating.follow_up"


def _streams(resident_id: int | None, centre_id: int) -> list[str]:
    # The same stream names as the cases domain (resident:<id>, centre:<id>): one stream
    # per person and per centre, whatever the feature.
    found = [f"centre:{centre_id}"]
    if resident_id is not None:
        found.insert(0, f"resident:{resident_id}")
    return found


@dataclass(frozen=True)
class RatingRecorded(DurableEvent):
    rating_id: int
    case_id: int | None
    resident_id: int | None
    centre_id: int
    level: str
    follow_up_id: int | None
    at: datetime

    @property
    def kind(self) -> str:
        return RATING_RECORDED

    @property
    def streams(self) -> Sequence[str]:
        return _streams(self.resident_id, self.centre_id)

    def to_message(self) -> Message:
        return {
            "ratingId": self.rating_id,
            "caseId": self.case_id,
            "residentId": self.resident_id,
            "centreId": self.centre_id,
            "level": self.level,
            "followUpId": self.follow_up_id,
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_message(cls, message: Message) -> Self:
        return cls(
            rating_id=int(message["ratingId"]),
            case_id=int(message["caseId"]) if message.get("caseId") is not None else None,
            resident_id=(
                int(message["residentId"]) if message.get("residentId") is not None else None
            ),
            centre_id=int(message["centreId"]),
            level=str(message["level"]),
            follow_up_id=(
                int(message["followUpId"]) if message.get("followUpId") is not None else None
            ),
            at=datetime.fromisoformat(message["at"]),
        )


@dataclass(frozen=True)
class FollowUpChanged(DurableEvent):
    """A follow-up was resolved, appealed, answered or its rating marked."""

    follow_up_id: int
    rating_id: int
    resident_id: int | None
    centre_id: int
    state: str
    at: datetime

    @property
    def kind(self) -> str:
        return FOLLOW_UP_CHANGED

    @property
    def streams(self) -> Sequence[str]:
        return _streams(self.resident_id, self.centre_id)

    def to_message(self) -> Message:
        return {
            "followUpId": self.follow_up_id,
            "ratingId": self.rating_id,
            "residentId": self.resident_id,
            "centreId": self.centre_id,
            "state": self.state,
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_message(cls, message: Message) -> Self:
        return cls(
            follow_up_id=int(message["followUpId"]),
            rating_id=int(message["ratingId"]),
            resident_id=(
                int(message["residentId"]) if message.get("residentId") is not None else None
            ),
            centre_id=int(message["centreId"]),
            state=str(message["state"]),
            at=datetime.fromisoformat(message["at"]),
        )
