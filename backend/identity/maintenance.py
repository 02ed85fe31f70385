"""Operator commands: reading the development SMS outbox, resealing data after a key
rotation. Both print masked numbers only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from tortoise.models import Model

from backend.identity.models import Resident, SmsOutbox
from backend.identity.personal import normalize_phone
from backend.identity.sms import outbox_messages
from backend.platform import infra

SEALED_COLUMNS: list[tuple[type[Model], dict[str, str]]] = [
    (
        Resident,
        {"phone_enc": "phone", "real_name_enc": "real_name", "id_number_enc": "id_number"},
    ),
    (SmsOutbox, {"phone_enc": "phone", "body_enc": "sms_body"}),
]


async def print_outbox(out: TextIO, phone: str | None = None, limit: int = 20) -> int:
    messages = await outbox_messages(normalize_phone(phone) if phone else None, limit)
    for message in messages:
        out.write(
            f"#{message.id}  {message.created_at:%Y-%m-%d %H:%M:%S}  {message.phone}  "
            f"{message.template}  {message.text}\n"
        )
    if not messages:
        out.write("(the development SMS outbox is empty)\n")
    return len(messages)


async def reencrypt_pii(
    batch: int = 500, sealed: Sequence[tuple[type[Model], dict[str, str]]] | None = None
) -> dict[str, int]:
    """Reseal every value not sealed with the active key. Safe to run again, and while the
    service runs: each row is rewritten only from what it held. `sealed`: the tables and
    columns (with their purposes) to reseal, identity's by default; the command line adds
    every domain's (backend/__main__.py)."""
    cipher = infra.current().cipher
    counts: dict[str, int] = {}
    for model, columns in SEALED_COLUMNS if sealed is None else sealed:
        resealed, last_id = 0, 0
        while True:
            rows = await model.filter(id__gt=last_id).order_by("id").limit(batch)
            if not rows:
                break
            for row in rows:
                changes = {
                    column: cipher.encrypt(purpose, cipher.decrypt(purpose, value))
                    for column, purpose in columns.items()
                    if (value := getattr(row, column)) and cipher.needs_reencryption(value)
                }
                if changes:
                    await model.filter(id=row.pk, **{c: getattr(row, c) for c in changes}).update(
                        **changes
                    )
                    resealed += 1
            last_id = rows[-1].pk
        counts[model.__name__] = resealed
    return counts
