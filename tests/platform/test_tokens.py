"""Access tokens: EdDSA JWTs with kid, strict verification, JWKS."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from backend.platform.errors import ErrorCode
from backend.platform.keyfiles import KeyConfigurationError
from backend.platform.tokens import (
    SubjectKind,
    TokenError,
    TokenKeys,
    TokenService,
    load_token_keys,
    thumbprint,
)
from backend.settings import Settings

ISSUER, AUDIENCE = "tongban", "tongban-api"


def _service(key: Ed25519PrivateKey | None = None, **kwargs: object) -> TokenService:
    keys = TokenKeys(signing_key=key or Ed25519PrivateKey.generate())
    options = {"issuer": ISSUER, "audience": AUDIENCE, "ttl": timedelta(minutes=15), **kwargs}
    return TokenService(keys, **options)  # type: ignore[arg-type]


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _code(service: TokenService, token: str) -> ErrorCode:
    with pytest.raises(TokenError) as caught:
        service.verify(token)
    return caught.value.code


def _claims(**overrides: object) -> dict[str, object]:
    moment = int(datetime.now(tz=UTC).timestamp())
    claims: dict[str, object] = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "resident:1",
        "iat": moment,
        "nbf": moment,
        "exp": moment + 600,
        "jti": "x",
        "sid": "00000000-0000-0000-0000-000000000001",
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def test_round_trip_and_header() -> None:
    service = _service()
    issued = service.issue(SubjectKind.RESIDENT, 42, session_id="s-1", role="RESIDENT")
    header = jwt.get_unverified_header(issued.token)
    assert header == {"alg": "EdDSA", "typ": "at+jwt", "kid": service.keys.kid}
    claims = service.verify(issued.token)
    assert (claims.subject_kind, claims.subject_id, claims.session_id, claims.role) == (
        SubjectKind.RESIDENT,
        "42",
        "s-1",
        "RESIDENT",
    )
    assert claims.expires_at - claims.issued_at == timedelta(minutes=15)
    assert claims.expires_at == issued.expires_at


def test_client_tokens_carry_scopes_and_no_session() -> None:
    service = _service()
    token = service.issue(SubjectKind.CLIENT, "app-7", scope=["bookings:read", "matters:read"])
    claims = service.verify(token.token)
    assert claims.subject_kind is SubjectKind.CLIENT and claims.session_id is None
    assert claims.scope == {"bookings:read", "matters:read"}
    assert jwt.decode(token.token, options={"verify_signature": False})["scope"] == (
        "bookings:read matters:read"
    )


def test_expired() -> None:
    service = _service()
    old = service.issue(
        SubjectKind.STAFF, 1, session_id="s", now=datetime.now(tz=UTC) - timedelta(hours=1)
    )
    assert _code(service, old.token) is ErrorCode.TOKEN_EXPIRED


def test_alg_none_is_refused() -> None:
    service = _service()
    unsigned = (
        f"{_b64({'alg': 'none', 'typ': 'at+jwt', 'kid': service.keys.kid})}.{_b64(_claims())}."
    )
    assert _code(service, unsigned) is ErrorCode.TOKEN_INVALID


def test_hmac_with_the_public_key_as_secret_is_refused() -> None:
    service = _service()
    public_pem = service.keys.signing_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    header = {"alg": "HS256", "typ": "at+jwt", "kid": service.keys.kid}
    import hashlib
    import hmac

    signing_input = f"{_b64(header)}.{_b64(_claims())}"
    signature = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
    forged = f"{signing_input}.{base64.urlsafe_b64encode(signature).rstrip(b'=').decode()}"
    assert _code(service, forged) is ErrorCode.TOKEN_INVALID


def test_wrong_key_under_our_kid_is_refused() -> None:
    service = _service()
    attacker = Ed25519PrivateKey.generate()
    forged = jwt.encode(
        _claims(), attacker, algorithm="EdDSA", headers={"kid": service.keys.kid, "typ": "at+jwt"}
    )
    assert _code(service, forged) is ErrorCode.TOKEN_INVALID
    other_service = _service(attacker)
    foreign = other_service.issue(SubjectKind.RESIDENT, 1, session_id="s").token
    assert _code(service, foreign) is ErrorCode.TOKEN_INVALID  # unknown kid


def test_tampered_payload_is_refused() -> None:
    service = _service()
    token = service.issue(SubjectKind.RESIDENT, 1, session_id="s").token
    head, _, signature = token.split(".")
    tampered = f"{head}.{_b64(_claims(sub='resident:2'))}.{signature}"
    assert _code(service, tampered) is ErrorCode.TOKEN_INVALID


@pytest.mark.parametrize(
    ("header_overrides", "claim_overrides"),
    [
        ({}, {"aud": "someone-else"}),
        ({}, {"iss": "evil"}),
        ({"typ": "JWT"}, {}),
        ({"typ": "refresh+jwt"}, {}),
        ({}, {"jti": None}),
        ({}, {"exp": int(datetime.now(tz=UTC).timestamp()) + 3600}),  # longer than 15 min
        ({}, {"sub": "wizard:1"}),
        ({}, {"sid": None}),  # a person's token without a session
        ({}, {"nbf": int(datetime.now(tz=UTC).timestamp()) + 600}),
    ],
)
def test_claims_and_type_are_checked(
    header_overrides: dict[str, str], claim_overrides: dict[str, object]
) -> None:
    service = _service()
    headers = {"kid": service.keys.kid, "typ": "at+jwt", **header_overrides}
    token = jwt.encode(
        _claims(**claim_overrides), service.keys.signing_key, algorithm="EdDSA", headers=headers
    )
    assert _code(service, token) is ErrorCode.TOKEN_INVALID


@pytest.mark.parametrize("garbage", ["", "abc", "a.b.c", "Bearer x", "e30.e30.", "ey" * 300])
def test_garbage_is_invalid(garbage: str) -> None:
    assert _code(_service(), garbage) is ErrorCode.TOKEN_INVALID


def test_jwks_lists_current_and_retired_keys_and_retired_still_verify() -> None:
    old_key = Ed25519PrivateKey.generate()
    old_service = _service(old_key)
    old_token = old_service.issue(SubjectKind.RESIDENT, 1, session_id="s").token
    rotated = TokenService(
        TokenKeys(signing_key=Ed25519PrivateKey.generate(), retired=(old_key.public_key(),)),
        issuer=ISSUER,
        audience=AUDIENCE,
        ttl=timedelta(minutes=15),
    )
    kids = [k["kid"] for k in rotated.keys.jwks()["keys"]]
    assert set(kids) == {rotated.keys.kid, thumbprint(old_key.public_key())}
    assert all(k["alg"] == "EdDSA" and k["kty"] == "OKP" for k in rotated.keys.jwks()["keys"])
    assert all("d" not in k for k in rotated.keys.jwks()["keys"])  # never the private part
    assert rotated.verify(old_token).subject_id == "1"
    assert (
        jwt.get_unverified_header(rotated.issue(SubjectKind.RESIDENT, 1, session_id="s").token)[
            "kid"
        ]
        == rotated.keys.kid
    )


def test_ttl_over_fifteen_minutes_is_refused() -> None:
    with pytest.raises(KeyConfigurationError):
        _service(ttl=timedelta(minutes=16))
    with pytest.raises(ValueError):
        Settings(access_token_ttl_seconds=901)


def test_keys_from_settings_files_and_dev_generation(tmp_path: Path) -> None:
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    from_env = load_token_keys(Settings(token_signing_key=pem.decode(), var_dir=tmp_path))
    (tmp_path / "signing.pem").write_bytes(pem)
    from_file = load_token_keys(Settings(token_signing_key_file=tmp_path / "signing.pem"))
    assert from_env.kid == from_file.kid

    dev = load_token_keys(Settings(var_dir=tmp_path / "var"))
    dev_file = tmp_path / "var" / "keys" / "token-signing-ed25519.pem"
    assert dev_file.exists() and dev_file.stat().st_mode & 0o077 == 0
    assert load_token_keys(Settings(var_dir=tmp_path / "var")).kid == dev.kid  # stable

    with pytest.raises(KeyConfigurationError):
        load_token_keys(Settings(var_dir=tmp_path / "prod", allow_dev_keys=False))
    with pytest.raises(KeyConfigurationError):
        load_token_keys(Settings(token_signing_key="not a key"))
