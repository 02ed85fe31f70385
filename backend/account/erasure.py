"""注销账号 across domains: identity erases the person (phone, name, ID number, sessions:
backend/identity/erasure.py), then the bookings still to come are cancelled (their seats
free again) and the resident's own free text in ratings is blanked. Cases keep their ids
and states (the retention the privacy policy states). The follow-up steps run after the
identity erasure has committed: if one fails it is logged by id and the erasure stands."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from backend.bookings import service as bookings
from backend.identity import erasure
from backend.platform.principal import Principal
from backend.platform.requestmeta import RequestMeta
from backend.ratings import service as ratings

logger = logging.getLogger("tongban.account")


@dataclass(frozen=True)
class Erased:
    sessions_ended: int
    bookings_cancelled: int


async def erase(principal: Principal, code: str, meta: RequestMeta) -> Erased:
    ended = await erasure.erase_account(principal, code, meta)
    resident_id = principal.resident_id
    assert resident_id is not None  # erase_account refused anyone else
    cancelled = 0
    try:
        cancelled = await bookings.cancel_all_of_erased(resident_id)
        await ratings.forget_free_text_of_erased(resident_id)
    except Exception:
        logger.exception("after erasing resident #%d: bookings or ratings not cleared", resident_id)
    return Erased(sessions_ended=ended, bookings_cancelled=cancelled)
