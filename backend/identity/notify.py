"""Texting a resident by their account id: other domains never see the phone number."""

from __future__ import annotations

import logging

from backend.identity.models import Resident
from backend.identity.sms import SmsMessage, sms_sender
from backend.platform import infra

logger = logging.getLogger("tongban.sms")


async def text_resident(resident_id: int, template: str, params: dict[str, str]) -> bool:
    """Send `template` to the resident's phone; False (logged with ids only) when it could
    not be sent. Call it after the transaction that made the news has committed."""
    resident = await Resident.get_or_none(id=resident_id, erased_at=None)
    if resident is None:
        return False  # gone, or erased (注销): there is no number any more
    try:
        phone = infra.current().cipher.decrypt("phone", resident.phone_enc)
        await sms_sender().send(SmsMessage(phone, template, params))
    except Exception:
        logger.exception("SMS %s to resident #%d not sent", template, resident_id)
        return False
    return True
