"""Personal data at rest: AES-256-GCM with key ids, and an HMAC blind index for lookups.

A sealed value reads `v1.<kid>.<base64url(nonce || ciphertext || tag)>`. The kid names the
key that sealed it, so keys rotate: new values use the active key, old values still open
with theirs until `python -m backend reencrypt-pii` reseals them. The associated data binds
a value to its purpose ("phone", "id_number", ...), so a ciphertext moved to another column
does not open.

The blind index is HMAC-SHA256 under a separate key: equal inputs give equal digests, which
is what uniqueness and lookup need, and nobody without the key can test a guess.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from backend.platform.keyfiles import KeyConfigurationError, read_or_create
from backend.settings import Settings

VERSION = "v1"
KEY_BYTES = 32
NONCE_BYTES = 12
KID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
DEV_KEYS_FILE = "keys/pii-keys.json"


class CryptoError(Exception):
    """A sealed value cannot be opened. Never carries the value."""


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass(frozen=True)
class PiiCipher:
    keys: dict[str, bytes]
    active_kid: str
    index_key: bytes

    def __post_init__(self) -> None:
        if self.active_kid not in self.keys:
            raise KeyConfigurationError("pii_active_key_id names no configured key")
        for kid, key in self.keys.items():
            if not KID_PATTERN.match(kid) or len(key) != KEY_BYTES:
                raise KeyConfigurationError("each PII key needs a short kid and 32 bytes")
        if len(self.index_key) < KEY_BYTES:
            raise KeyConfigurationError("pii_index_key must be at least 32 bytes")

    def encrypt(self, purpose: str, plaintext: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(self.keys[self.active_kid]).encrypt(
            nonce, plaintext.encode(), self._aad(purpose, self.active_kid)
        )
        return f"{VERSION}.{self.active_kid}.{_b64encode(nonce + sealed)}"

    def decrypt(self, purpose: str, token: str) -> str:
        version, kid, body = self._split(token)
        key = self.keys.get(kid)
        if version != VERSION or key is None:
            raise CryptoError("sealed value uses an unknown version or key id")
        try:
            raw = _b64decode(body)
            opened = AESGCM(key).decrypt(
                raw[:NONCE_BYTES], raw[NONCE_BYTES:], self._aad(purpose, kid)
            )
        except (InvalidTag, binascii.Error, ValueError):
            raise CryptoError("sealed value does not open (tampered, or wrong purpose)") from None
        return opened.decode()

    def needs_reencryption(self, token: str) -> bool:
        return self._split(token)[1] != self.active_kid

    def blind_index(self, purpose: str, value: str) -> str:
        message = f"{purpose}\x00{value}".encode()
        return hmac.new(self.index_key, message, hashlib.sha256).hexdigest()

    @staticmethod
    def _aad(purpose: str, kid: str) -> bytes:
        return f"tongban-pii:{VERSION}:{kid}:{purpose}".encode()

    @staticmethod
    def _split(token: str) -> tuple[str, str, str]:
        parts = token.split(".")
        if len(parts) != 3:
            raise CryptoError("not a sealed value")
        return parts[0], parts[1], parts[2]


def _decode_key(text: str, name: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise KeyConfigurationError(f"{name} is not valid base64") from None


def _from_document(document: dict[str, object]) -> PiiCipher:
    keys = document.get("keys")
    active, index = document.get("active"), document.get("index_key")
    if not isinstance(keys, dict) or not isinstance(active, str) or not isinstance(index, str):
        raise KeyConfigurationError("PII key file needs 'active', 'keys' and 'index_key'")
    return PiiCipher(
        keys={str(kid): _decode_key(str(v), f"key {kid}") for kid, v in keys.items()},
        active_kid=active,
        index_key=_decode_key(index, "index_key"),
    )


def _new_dev_document() -> bytes:
    document = {
        "active": "dev-1",
        "keys": {"dev-1": base64.b64encode(os.urandom(KEY_BYTES)).decode()},
        "index_key": base64.b64encode(os.urandom(KEY_BYTES)).decode(),
    }
    return json.dumps(document, indent=2).encode()


def load_cipher(settings: Settings) -> PiiCipher:
    if settings.pii_encryption_keys:
        if settings.pii_index_key is None or settings.pii_active_key_id is None:
            raise KeyConfigurationError("set pii_active_key_id and pii_index_key with the keys")
        return PiiCipher(
            keys={
                kid: _decode_key(v.get_secret_value(), f"key {kid}")
                for kid, v in settings.pii_encryption_keys.items()
            },
            active_kid=settings.pii_active_key_id,
            index_key=_decode_key(settings.pii_index_key.get_secret_value(), "pii_index_key"),
        )
    if settings.pii_keys_file is not None:
        return _from_document(json.loads(settings.pii_keys_file.read_bytes()))
    if not settings.allow_dev_keys:
        raise KeyConfigurationError(
            "no PII keys configured (TONGBAN_PII_ENCRYPTION_KEYS or TONGBAN_PII_KEYS_FILE)"
        )
    path = settings.var_dir / DEV_KEYS_FILE
    return _from_document(json.loads(read_or_create(path, _new_dev_document)))
