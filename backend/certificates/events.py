"""Certificate events: durable, on the streams of the residents concerned (`resident:<id>`,
which `myUpdates` follows) and, for a reported view, the centre's (`centre:<id>`, which the
centre head follows with `centreUpdates`). Ids, codes and times only: no personal data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Self

from backend.platform.broker import Message
from backend.platform.streams import DurableEvent

CERTIFICATE_VIEWED = "certificate.viewed"
CERTIFICATE_VIEW_REPORTED = "certificate.view_reported"


def _resident_streams(*ids: int | None) -> list[str]:
    return [f"resident:{i}" for i in sorted({i for i in ids if i is not None})]


@dataclass(frozen=True)
class CertificateViewed(DurableEvent):
    """A clerk verified (or tried to verify) a presentation of a certificate: on the
    holder's stream and, for delegate use, on the presenter's too."""

    view_id: int
    holder_resident_id: int | None
    presenter_resident_id: int | None
    centre_id: int | None
    result: str
    at: datetime

    @property
    def kind(self) -> str:
        return CERTIFICATE_VIEWED

    @property
    def streams(self) -> Sequence[str]:
        return _resident_streams(self.holder_resident_id, self.presenter_resident_id)

    def to_message(self) -> Message:
        return {
            "viewId": self.view_id,
            "holderResidentId": self.holder_resident_id,
            "presenterResidentId": self.presenter_resident_id,
            "centreId": self.centre_id,
            "result": self.result,
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_message(cls, message: Message) -> Self:
        def optional(key: str) -> int | None:
            value = message.get(key)
            return int(value) if value is not None else None

        return cls(
            view_id=int(message["viewId"]),
            holder_resident_id=optional("holderResidentId"),
            presenter_resident_id=optional("presenterResidentId"),
            centre_id=optional("centreId"),
            result=str(message["result"]),
            at=datetime.fromisoformat(message["at"]),
        )


@dataclass(frozen=True)
class CertificateViewReported(DurableEvent):
    """A resident reported a view they do not recognise: the centre head is alerted on the
    centre's stream; the resident's own stream hears it too (their other devices)."""

    view_id: int
    resident_id: int
    centre_id: int | None
    at: datetime

    @property
    def kind(self) -> str:
        return CERTIFICATE_VIEW_REPORTED

    @property
    def streams(self) -> Sequence[str]:
        centre = [f"centre:{self.centre_id}"] if self.centre_id is not None else []
        return [*centre, *_resident_streams(self.resident_id)]

    def to_message(self) -> Message:
        return {
            "viewId": self.view_id,
            "residentId": self.resident_id,
            "centreId": self.centre_id,
            "at": self.at.isoformat(),
        }

    @classmethod
    def from_message(cls, message: Message) -> Self:
        centre = message.get("centreId")
        return cls(
            view_id=int(message["viewId"]),
            resident_id=int(message["residentId"]),
            centre_id=int(centre) if centre is not None else None,
            at=datetime.fromisoformat(message["at"]),
        )
