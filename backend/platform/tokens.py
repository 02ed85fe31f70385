"""Access tokens: short-lived JWTs signed with Ed25519 (EdDSA), verified strictly.

Header: `{"alg": "EdDSA", "typ": "at+jwt", "kid": <RFC 7638 thumbprint>}` (RFC 9068 type).
Claims: `iss`, `aud`, `sub` ("resident:12", "staff:3", later "client:<id>"), `iat`, `nbf`,
`exp` (at most 15 minutes after `iat`), `jti`, and for people `sid` (the session, so logout
ends the access token too) and `role`; for third-party clients `scope` (space separated).

Verification refuses any algorithm outside the allow-list (so `alg: none` and HMAC
confusion are out), unknown kids, a wrong `typ`, `iss` or `aud`, missing claims, and
lifetimes longer than the maximum. The public keys, current and retired, are published as
a JWKS document at /.well-known/jwks.json so other services verify without calling us.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import SecretStr

from backend.platform.errors import ErrorCode
from backend.platform.keyfiles import KeyConfigurationError, read_or_create
from backend.settings import Settings

ALGORITHM = "EdDSA"
ALLOWED_ALGORITHMS = (ALGORITHM,)
ACCESS_TOKEN_TYPE = "at+jwt"  # noqa: S105 - RFC 9068 media type
MAX_ACCESS_TTL = timedelta(minutes=15)
CLOCK_LEEWAY_SECONDS = 10
DEV_SIGNING_KEY_FILE = "keys/token-signing-ed25519.pem"
REQUIRED_CLAIMS = ["iss", "aud", "sub", "iat", "nbf", "exp", "jti"]


class SubjectKind(str, Enum):
    RESIDENT = "resident"
    STAFF = "staff"
    CLIENT = "client"  # third-party apps with client credentials (a later issue)


class TokenError(Exception):
    """The token is refused. `code` says why, in the coarse terms a client may learn."""

    def __init__(self, code: ErrorCode) -> None:
        super().__init__(code.value)
        self.code = code


@dataclass(frozen=True)
class AccessClaims:
    subject_kind: SubjectKind
    subject_id: str
    session_id: str | None
    role: str | None
    scope: frozenset[str]
    issued_at: datetime
    expires_at: datetime
    token_id: str


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_at: datetime


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def public_jwk(key: Ed25519PublicKey) -> dict[str, str]:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {"kty": "OKP", "crv": "Ed25519", "x": _b64url(raw)}


def thumbprint(key: Ed25519PublicKey) -> str:
    """RFC 7638 JWK thumbprint: SHA-256 over the required members, sorted, no spaces."""
    canonical = json.dumps(public_jwk(key), sort_keys=True, separators=(",", ":"))
    return _b64url(hashlib.sha256(canonical.encode()).digest())


@dataclass(frozen=True)
class TokenKeys:
    signing_key: Ed25519PrivateKey
    retired: tuple[Ed25519PublicKey, ...] = ()
    kid: str = field(init=False)
    verifying: dict[str, Ed25519PublicKey] = field(init=False)

    def __post_init__(self) -> None:
        current = self.signing_key.public_key()
        object.__setattr__(self, "kid", thumbprint(current))
        verifying = {thumbprint(k): k for k in self.retired}
        verifying[self.kid] = current
        object.__setattr__(self, "verifying", verifying)

    def jwks(self) -> dict[str, list[dict[str, str]]]:
        return {
            "keys": [
                {**public_jwk(key), "kid": kid, "use": "sig", "alg": ALGORITHM}
                for kid, key in self.verifying.items()
            ]
        }


class TokenService:
    def __init__(self, keys: TokenKeys, *, issuer: str, audience: str, ttl: timedelta) -> None:
        if ttl > MAX_ACCESS_TTL:
            raise KeyConfigurationError("access tokens live at most 15 minutes")
        self.keys, self.issuer, self.audience, self.ttl = keys, issuer, audience, ttl

    def issue(
        self,
        kind: SubjectKind,
        subject_id: str | int,
        *,
        session_id: str | None = None,
        role: str | None = None,
        scope: Iterable[str] = (),
        now: datetime | None = None,
    ) -> IssuedToken:
        issued = (now or datetime.now(tz=UTC)).replace(microsecond=0)
        expires = issued + self.ttl
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": self.audience,
            "sub": f"{kind.value}:{subject_id}",
            "iat": int(issued.timestamp()),
            "nbf": int(issued.timestamp()),
            "exp": int(expires.timestamp()),
            "jti": uuid.uuid4().hex,
        }
        if session_id is not None:
            claims["sid"] = session_id
        if role is not None:
            claims["role"] = role
        if scopes := sorted(set(scope)):
            claims["scope"] = " ".join(scopes)
        headers = {"kid": self.keys.kid, "typ": ACCESS_TOKEN_TYPE}
        token = jwt.encode(claims, self.keys.signing_key, algorithm=ALGORITHM, headers=headers)
        return IssuedToken(token=token, expires_at=expires)

    def verify(self, token: str) -> AccessClaims:
        key = self._key_for(token)
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=list(ALLOWED_ALGORITHMS),
                audience=self.audience,
                issuer=self.issuer,
                leeway=CLOCK_LEEWAY_SECONDS,
                options={"require": REQUIRED_CLAIMS, "strict_aud": True},
            )
        except jwt.ExpiredSignatureError:
            raise TokenError(ErrorCode.TOKEN_EXPIRED) from None
        except jwt.PyJWTError:
            raise TokenError(ErrorCode.TOKEN_INVALID) from None
        return self._claims(claims)

    def _key_for(self, token: str) -> Ed25519PublicKey:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise TokenError(ErrorCode.TOKEN_INVALID) from None
        if header.get("alg") not in ALLOWED_ALGORITHMS or header.get("typ") != ACCESS_TOKEN_TYPE:
            raise TokenError(ErrorCode.TOKEN_INVALID)
        key = self.keys.verifying.get(str(header.get("kid")))
        if key is None:
            raise TokenError(ErrorCode.TOKEN_INVALID)
        return key

    @staticmethod
    def _claims(claims: dict[str, Any]) -> AccessClaims:
        kind, _, subject_id = str(claims["sub"]).partition(":")
        try:
            subject_kind = SubjectKind(kind)
            issued = datetime.fromtimestamp(int(claims["iat"]), tz=UTC)
            expires = datetime.fromtimestamp(int(claims["exp"]), tz=UTC)
        except (ValueError, TypeError):
            raise TokenError(ErrorCode.TOKEN_INVALID) from None
        if not subject_id or expires - issued > MAX_ACCESS_TTL:
            raise TokenError(ErrorCode.TOKEN_INVALID)
        session_id = claims.get("sid")
        if subject_kind is not SubjectKind.CLIENT and not isinstance(session_id, str):
            raise TokenError(ErrorCode.TOKEN_INVALID)
        scope = claims.get("scope", "")
        return AccessClaims(
            subject_kind=subject_kind,
            subject_id=subject_id,
            session_id=session_id if isinstance(session_id, str) else None,
            role=claims.get("role") if isinstance(claims.get("role"), str) else None,
            scope=frozenset(scope.split()) if isinstance(scope, str) else frozenset(),
            issued_at=issued,
            expires_at=expires,
            token_id=str(claims["jti"]),
        )


def _private_key(pem: bytes, name: str) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        raise KeyConfigurationError(f"{name} is not a PEM private key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyConfigurationError(f"{name} must be an Ed25519 key")
    return key


def _public_key(pem: bytes, name: str) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError):
        raise KeyConfigurationError(f"{name} is not a PEM public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise KeyConfigurationError(f"{name} must be an Ed25519 key")
    return key


def new_signing_key_pem() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def load_signing_keys(
    settings: Settings,
    *,
    key: SecretStr | None,
    key_file: Path | None,
    retired_files: Sequence[Path],
    dev_file: str,
    name: str,
    missing: str,
) -> tuple[Ed25519PrivateKey, tuple[Ed25519PublicKey, ...]]:
    """An Ed25519 signing key from its setting, its file or (development only) a key made
    once under var/, and the retired public keys still accepted; `missing` is the error
    when none is configured. Access tokens and e-certificate presentations each have theirs."""
    if key is not None:
        pem = key.get_secret_value().encode()
    elif key_file is not None:
        pem = key_file.read_bytes()
    elif settings.allow_dev_keys:
        pem = read_or_create(settings.var_dir / dev_file, new_signing_key_pem)
    else:
        raise KeyConfigurationError(missing)
    retired = tuple(_public_key(path.read_bytes(), str(path)) for path in retired_files)
    return _private_key(pem, name), retired


def load_token_keys(settings: Settings) -> TokenKeys:
    signing_key, retired = load_signing_keys(
        settings,
        key=settings.token_signing_key,
        key_file=settings.token_signing_key_file,
        retired_files=settings.token_retired_public_key_files,
        dev_file=DEV_SIGNING_KEY_FILE,
        name="token signing key",
        missing="no token signing key (TONGBAN_TOKEN_SIGNING_KEY or "
        "TONGBAN_TOKEN_SIGNING_KEY_FILE)",
    )
    return TokenKeys(signing_key=signing_key, retired=retired)


def build_token_service(settings: Settings) -> TokenService:
    return TokenService(
        load_token_keys(settings),
        issuer=settings.token_issuer,
        audience=settings.token_audience,
        ttl=timedelta(seconds=settings.access_token_ttl_seconds),
    )
