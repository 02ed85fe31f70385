"""Check-in codes: short, random and unguessable (40 bits from `secrets`), unique per
centre and day (a unique constraint), and easy to type from a phone screen: no 0/O, 1/I."""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 symbols: 5 bits each
LENGTH = 8


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(raw: str) -> str | None:
    """The code as typed or scanned (any case, spaces or dashes, the QR prefix), or None
    if it cannot be one."""
    text = raw.rsplit(":", 1)[-1][:64]  # a scanned QR code carries a prefix (qr.PREFIX)
    text = "".join(text.split()).replace("-", "").upper()
    if len(text) != LENGTH or any(c not in ALPHABET for c in text):
        return None
    return text
