"""The SMS adapter. No real SMS is sent by anything in this repository.

Production names a class in TONGBAN_SMS_ADAPTER implementing `SmsSender` (an SMS gateway
client): `async def send(self, message: SmsMessage) -> None`, raising on failure, and never
logging the number or the text. The embedded default keeps every message in the
`identity_sms_outbox` table and logs one line with the number masked, so developers and
tests read codes from the outbox (`python -m backend sms-outbox`), not from the log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from backend.identity.adapters import load_adapter
from backend.identity.models import SmsOutbox
from backend.identity.personal import mask_phone
from backend.platform import infra

logger = logging.getLogger("tongban.sms")

TEMPLATES = {
    "LOGIN_CODE": (
        "【通办】您的登录验证码是 {code}，{minutes} 分钟内有效。如非本人操作，请忽略本短信。"
    ),
    # A finished case (办结 or 不予办理), with the link to rate it (好差评, 一事一评).
    "CASE_FINISHED": ("【通办】您的办件 {number} {outcome}。欢迎对本次服务作出评价：{link}"),
    "BOOKING_CANCELLED_BY_CENTRE": (
        "【通办】很抱歉，{centre}调整了 {date} 的办公时间，您预约的 {time}“{matter}”已取消。"
        "请在通办“我的预约”中重新预约。"
    ),
    # The day before a booking (backend/bookings/reminders.py).
    "BOOKING_REMINDER": (
        "【通办】提醒：您预约了明天 {date} {time} 在{centre}办理“{matter}”，"
        "请按时到达并出示通办中的签到码。如不能前往，请提前取消预约。"
    ),
}


@dataclass(frozen=True)
class SmsMessage:
    phone: str
    template: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return TEMPLATES[self.template].format(**self.params)

    def __repr__(self) -> str:  # keep the number and the code out of any traceback
        return f"SmsMessage({mask_phone(self.phone)}, {self.template})"


class SmsSender(Protocol):
    async def send(self, message: SmsMessage) -> None: ...


class OutboxSmsSender:
    async def send(self, message: SmsMessage) -> None:
        cipher = infra.current().cipher
        row = await SmsOutbox.create(
            phone_hash=cipher.blind_index("phone", message.phone),
            phone_enc=cipher.encrypt("phone", message.phone),
            template=message.template,
            body_enc=cipher.encrypt("sms_body", message.text),
        )
        logger.info(
            "SMS %s to %s kept in the development outbox as #%d (no SMS sent; read it with "
            "`python -m backend sms-outbox`)",
            message.template,
            mask_phone(message.phone),
            row.id,
        )


@dataclass(frozen=True)
class OutboxMessage:
    id: int
    created_at: datetime
    phone: str  # masked
    template: str
    text: str


async def outbox_messages(phone: str | None = None, limit: int = 20) -> list[OutboxMessage]:
    """The development outbox, newest first; for one phone number when given."""
    cipher = infra.current().cipher
    queryset = SmsOutbox.all().order_by("-id")
    if phone is not None:
        queryset = queryset.filter(phone_hash=cipher.blind_index("phone", phone))
    return [
        OutboxMessage(
            id=row.id,
            created_at=row.created_at,
            phone=mask_phone(cipher.decrypt("phone", row.phone_enc)),
            template=row.template,
            text=cipher.decrypt("sms_body", row.body_enc),
        )
        for row in await queryset.limit(limit)
    ]


def sms_sender() -> SmsSender:
    """The adapter TONGBAN_SMS_ADAPTER names, kept by the app's container."""
    sender: SmsSender = infra.current().adapter(
        "identity.sms", lambda s: load_adapter(s.sms_adapter)
    )
    return sender
