"""我的数据: everything the service holds about the signed-in resident, as one JSON
document (个人信息保护法 article 45, 查阅、复制). Each domain hands over its own part through
its read module; this domain owns no table. Every download is audited (ids and counts)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from backend.audit import service as audit
from backend.audit.service import Target
from backend.bookings.read import resident_bookings_export
from backend.cases.read import resident_cases_export
from backend.identity.export import resident_export
from backend.platform.clock import now
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.principal import Principal
from backend.platform.requestmeta import RequestMeta
from backend.ratings.read import resident_ratings_export

FORMAT = "tongban-my-data/1"


@dataclass(frozen=True)
class MyData:
    file_name: str
    generated_at: datetime
    json: str


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"cannot export {type(value).__name__}")


async def my_data(principal: Principal, meta: RequestMeta) -> MyData:
    async with audit.audited(
        "account.data.export",
        actor=principal.audit_actor,
        target=Target("resident", principal.resident_id),
        meta=meta,
    ) as note:
        resident_id = principal.resident_id
        if resident_id is None:
            raise DomainError(ErrorCode.FORBIDDEN, "此功能仅限居民使用。")
        moment = now()
        document: dict[str, object] = {
            "format": FORMAT,
            "generatedAt": moment,
            **await resident_export(resident_id),
            "cases": await resident_cases_export(resident_id),
            "bookings": await resident_bookings_export(resident_id),
            "ratings": await resident_ratings_export(resident_id),
        }
        for part in ("cases", "bookings", "ratings"):
            items = document[part]
            note.details[part] = len(items) if isinstance(items, list) else 0
        text = json.dumps(document, ensure_ascii=False, indent=2, default=_plain)
        return MyData(f"tongban-my-data-{moment:%Y%m%d}.json", moment, text)
