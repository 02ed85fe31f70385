"""Presentation tokens (用证码): compact JWTs a verified resident's phone shows as a QR code.

Header `{"alg": "EdDSA", "kid": <16 characters of the key's RFC 7638 thumbprint>,
"typ": "tongban-ecert+jwt"}`, signed with the presentation key, which is not the
access-token key (settings `ecert_signing_key*`). Claims, opaque references only:

    iss  the issuer (settings.token_issuer)
    aud  the verifying clerks (settings.ecert_audience), never the API's audience
    iat, exp  at most 60 seconds apart
    jti  16 random characters: redeemed once (一次一验)
    sub  the reference of the link through which the resident shows the certificate
         (holder, parent, spouse, household member): neither a name nor an ID number
    sli  the certificate's index in the status list (offline revocation check)
    k    the kind, two letters (ID, RP, BC, HK, MC)
    d    the disclosed fields, a bitmask over the kind's field order (catalogue.FIELDS)

`decode` refuses, each with its reason: garbage, an algorithm other than EdDSA (`none`,
HS256 ...), another `typ` (an access token), an unknown kid, a bad signature, another
audience or issuer, expiry beyond 5 s of clock skew, a lifetime above 60 s, and missing
or malformed claims. The access-token verifier refuses these tokens by their `typ`, their
audience and their key.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from backend.certificates.catalogue import KINDS_BY_CODE
from backend.matters.models import ECertificateKind
from backend.platform.keyfiles import KeyConfigurationError
from backend.platform.tokens import (
    ALGORITHM,
    load_signing_keys,
    public_jwk,
    thumbprint,
)
from backend.settings import Settings

TOKEN_TYPE = "tongban-ecert+jwt"  # noqa: S105 - a media type, not a secret
MAX_TTL_SECONDS = 60
CLOCK_SKEW_SECONDS = 5
KID_LENGTH = 16
JTI_BYTES = 12  # 16 base64url characters
DEV_KEY_FILE = "keys/ecert-signing-ed25519.pem"
REQUIRED_CLAIMS = ["iss", "aud", "iat", "exp", "jti", "sub"]


class Refusal(str, Enum):
    """Why a presentation is refused; the verification's `reason`."""

    MALFORMED = "MALFORMED"  # not a JWT at all
    ALGORITHM_REFUSED = "ALGORITHM_REFUSED"  # alg none, HS256, RS256 ...
    WRONG_TYPE = "WRONG_TYPE"  # typ is not tongban-ecert+jwt (e.g. an access token)
    UNKNOWN_KEY = "UNKNOWN_KEY"  # kid not among ours
    BAD_SIGNATURE = "BAD_SIGNATURE"
    WRONG_AUDIENCE = "WRONG_AUDIENCE"  # or issuer
    TOKEN_EXPIRED = "TOKEN_EXPIRED"  # noqa: S105 - a reason, not a secret
    NOT_YET_VALID = "NOT_YET_VALID"
    LIFETIME_TOO_LONG = "LIFETIME_TOO_LONG"
    BAD_CLAIMS = "BAD_CLAIMS"
    UNKNOWN_CERTIFICATE = "UNKNOWN_CERTIFICATE"
    WRONG_KIND = "WRONG_KIND"  # the token's kind is not the certificate's
    NO_DELEGATE_LINK = "NO_DELEGATE_LINK"  # the link it was shown through is gone
    NOT_AT_CENTRE = "NOT_AT_CENTRE"  # the verifier acts at no centre
    KIND_NOT_ACCEPTED = "KIND_NOT_ACCEPTED"  # the matter takes no certificate of this kind
    CERTIFICATE_REVOKED = "CERTIFICATE_REVOKED"
    CERTIFICATE_EXPIRED = "CERTIFICATE_EXPIRED"
    REPLAYED = "REPLAYED"  # used before (一次一验)


class PresentationRefused(Exception):
    """`claims` is set when the token is ours (signature good) but refused all the same
    (expired, another audience): the record can then name the certificate."""

    def __init__(self, reason: Refusal, claims: PresentationClaims | None = None) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.claims = claims


@dataclass(frozen=True)
class PresentationClaims:
    token_id: str
    link_ref: str
    status_index: int
    kind: ECertificateKind
    disclosure: int
    issued_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class PresentationKeys:
    signing_key: Ed25519PrivateKey
    retired: tuple[Ed25519PublicKey, ...] = ()
    kid: str = field(init=False)
    verifying: dict[str, Ed25519PublicKey] = field(init=False)

    def __post_init__(self) -> None:
        current = self.signing_key.public_key()
        object.__setattr__(self, "kid", thumbprint(current)[:KID_LENGTH])
        verifying = {thumbprint(k)[:KID_LENGTH]: k for k in self.retired}
        verifying[self.kid] = current
        object.__setattr__(self, "verifying", verifying)

    def jwks(self) -> dict[str, list[dict[str, str]]]:
        return {
            "keys": [
                {**public_jwk(key), "kid": kid, "use": "sig", "alg": ALGORITHM}
                for kid, key in self.verifying.items()
            ]
        }


@dataclass(frozen=True)
class IssuedPresentation:
    token: str
    token_id: str
    issued_at: datetime
    expires_at: datetime


class PresentationTokens:
    def __init__(self, keys: PresentationKeys, *, issuer: str, audience: str, ttl: int) -> None:
        if not 0 < ttl <= MAX_TTL_SECONDS:
            raise KeyConfigurationError("presentation tokens live at most 60 seconds")
        self.keys, self.issuer, self.audience, self.ttl = keys, issuer, audience, ttl

    def issue(
        self,
        *,
        link_ref: str,
        status_index: int,
        kind_code: str,
        disclosure: int,
        now: datetime | None = None,
    ) -> IssuedPresentation:
        issued = (now or datetime.now(tz=UTC)).replace(microsecond=0)
        expires = issued + timedelta(seconds=self.ttl)
        token_id = secrets.token_urlsafe(JTI_BYTES)
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": self.audience,
            "iat": int(issued.timestamp()),
            "exp": int(expires.timestamp()),
            "jti": token_id,
            "sub": link_ref,
            "sli": status_index,
            "k": kind_code,
            "d": disclosure,
        }
        headers = {"kid": self.keys.kid, "typ": TOKEN_TYPE}
        token = jwt.encode(claims, self.keys.signing_key, algorithm=ALGORITHM, headers=headers)
        return IssuedPresentation(token, token_id, issued, expires)

    def decode(self, token: str) -> PresentationClaims:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise PresentationRefused(Refusal.MALFORMED) from None
        if header.get("alg") != ALGORITHM:
            raise PresentationRefused(Refusal.ALGORITHM_REFUSED)
        if header.get("typ") != TOKEN_TYPE:
            raise PresentationRefused(Refusal.WRONG_TYPE)
        key = self.keys.verifying.get(str(header.get("kid")))
        if key is None:
            raise PresentationRefused(Refusal.UNKNOWN_KEY)
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=self.audience,
                issuer=self.issuer,
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": REQUIRED_CLAIMS, "strict_aud": True},
            )
        except jwt.ExpiredSignatureError:
            raise PresentationRefused(Refusal.TOKEN_EXPIRED, self._signed(token, key)) from None
        except jwt.ImmatureSignatureError:
            raise PresentationRefused(Refusal.NOT_YET_VALID, self._signed(token, key)) from None
        except (jwt.InvalidAudienceError, jwt.InvalidIssuerError):
            raise PresentationRefused(Refusal.WRONG_AUDIENCE, self._signed(token, key)) from None
        except jwt.InvalidSignatureError:
            raise PresentationRefused(Refusal.BAD_SIGNATURE) from None
        except jwt.PyJWTError:
            raise PresentationRefused(Refusal.BAD_CLAIMS) from None
        return self._claims(claims)

    def _signed(self, token: str, key: Ed25519PublicKey) -> PresentationClaims | None:
        """The claims of a token whose signature is good but which is refused for its
        times or audience; None when they are malformed too."""
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                options={
                    "verify_exp": False,
                    "verify_nbf": False,
                    "verify_aud": False,
                    "verify_iss": False,
                    "verify_iat": False,
                },
            )
            return self._claims(claims)
        except (jwt.PyJWTError, PresentationRefused):
            return None

    @staticmethod
    def _claims(claims: dict[str, Any]) -> PresentationClaims:
        try:
            issued = datetime.fromtimestamp(int(claims["iat"]), tz=UTC)
            expires = datetime.fromtimestamp(int(claims["exp"]), tz=UTC)
            kind = KINDS_BY_CODE[str(claims["k"])]
            index, disclosure = claims["sli"], claims["d"]
            jti, sub = claims["jti"], claims["sub"]
        except (KeyError, ValueError, TypeError, OverflowError, OSError):
            raise PresentationRefused(Refusal.BAD_CLAIMS) from None
        well_formed = (
            isinstance(index, int)
            and isinstance(disclosure, int)
            and isinstance(jti, str)
            and isinstance(sub, str)
            and 0 <= index < 2**31
            and 0 <= disclosure < 2**16
            and 8 <= len(jti) <= 32
            and 1 <= len(sub) <= 16
        )
        if not well_formed:
            raise PresentationRefused(Refusal.BAD_CLAIMS)
        if expires - issued > timedelta(seconds=MAX_TTL_SECONDS) or expires <= issued:
            raise PresentationRefused(Refusal.LIFETIME_TOO_LONG)
        return PresentationClaims(jti, sub, index, kind, disclosure, issued, expires)


def load_presentation_keys(settings: Settings) -> PresentationKeys:
    signing_key, retired = load_signing_keys(
        settings,
        key=settings.ecert_signing_key,
        key_file=settings.ecert_signing_key_file,
        retired_files=settings.ecert_retired_public_key_files,
        dev_file=DEV_KEY_FILE,
        name="e-certificate signing key",
        missing="no e-certificate signing key (TONGBAN_ECERT_SIGNING_KEY or "
        "TONGBAN_ECERT_SIGNING_KEY_FILE)",
    )
    return PresentationKeys(signing_key, retired)


def build_presentation_tokens(settings: Settings, access_kid: str) -> PresentationTokens:
    """`access_kid`: the access-token key's kid; the same key for both is refused."""
    keys = load_presentation_keys(settings)
    if thumbprint(keys.signing_key.public_key()) == access_kid:
        raise KeyConfigurationError("the e-certificate key must not be the access-token key")
    return PresentationTokens(
        keys,
        issuer=settings.token_issuer,
        audience=settings.ecert_audience,
        ttl=settings.ecert_ttl_seconds,
    )
