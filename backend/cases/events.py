"""Case events: durable (backend/platform/streams.py), so residents and clerks follow a case
live and resume after a disconnect without losing or repeating anything."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Self

from backend.cases.models import CaseState
from backend.platform.broker import Message
from backend.platform.streams import DurableEvent

CASE_PROGRESSED = "case.progressed"


def resident_stream(resident_id: int) -> str:
    return f"resident:{resident_id}"


def case_stream(case_id: int) -> str:
    return f"case:{case_id}"


def centre_stream(centre_id: int) -> str:
    return f"centre:{centre_id}"


@dataclass(frozen=True)
class CaseProgressed(DurableEvent):
    """A case was opened or changed state. Ids, states and times only: no personal data."""

    case_id: int
    case_event_id: int
    resident_id: int
    collecting_centre_id: int
    accepting_centre_id: int
    action: str
    from_state: CaseState | None
    to_state: CaseState
    at: datetime

    @property
    def kind(self) -> str:
        return CASE_PROGRESSED

    @property
    def streams(self) -> Sequence[str]:
        centres = {self.collecting_centre_id, self.accepting_centre_id}
        return [
            resident_stream(self.resident_id),
            case_stream(self.case_id),
            *(centre_stream(c) for c in sorted(centres)),
        ]

    def to_message(self) -> Message:
        return {
            "caseId": self.case_id,
            "caseEventId": self.case_event_id,
            "residentId": self.resident_id,
            "collectingCentreId": self.collecting_centre_id,
            "acceptingCentreId": self.accepting_centre_id,
            "action": self.action,
            "fromState": self.from_state.value if self.from_state else None,
            "toState": self.to_state.value,
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_message(cls, message: Message) -> Self:
        return cls(
            case_id=int(message["caseId"]),
            case_event_id=int(message["caseEventId"]),
            resident_id=int(message["residentId"]),
            collecting_centre_id=int(message["collectingCentreId"]),
            accepting_centre_id=int(message["acceptingCentreId"]),
            action=str(message["action"]),
            from_state=CaseState(message["fromState"]) if message.get("fromState") else None,
            to_state=CaseState(message["toState"]),
            at=datetime.fromisoformat(message["at"]),
        )
