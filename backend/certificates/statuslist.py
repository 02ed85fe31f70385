"""Revocation as a status list, after the W3C Bitstring Status List (v1.0).

Each certificate has a `status_index`; bit `index` of the list (counting from the most
significant bit of the first byte) is 1 when the certificate is revoked. The bitstring is
at least 16 KiB (131,072 entries, the spec's minimum, so one list says little about any
one person), GZIP-compressed and base64url-encoded without padding, with the multibase
prefix "u". A presentation token carries its certificate's index (`sli`), so a scanner
that fetched the list recently refuses a revoked certificate offline. Redeeming still
needs the server, which enforces single use.
"""

from __future__ import annotations

import base64
import gzip
from datetime import timedelta
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from backend.certificates.models import Certificate, CertificateStatus
from backend.platform import infra
from backend.platform.clock import now

MIN_ENTRIES = 131_072
TTL = timedelta(minutes=5)
PATH = "/certificates/status-list"
JWT_PATH = "/certificates/status-list.jwt"
JWT_TYPE = "vc+jwt"  # W3C VC-JOSE-COSE: the credential as the claims of a JWS


def encode(revoked: set[int], size: int) -> str:
    entries = max(MIN_ENTRIES, size)
    bits = bytearray((entries + 7) // 8)
    for index in revoked:
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode()


def decode(encoded: str) -> bytes:
    """The raw bitstring of an encoded list (for verifiers and tests)."""
    if not encoded.startswith("u"):
        raise ValueError("multibase base64url lists start with 'u'")
    body = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def is_set(bitstring: bytes, index: int) -> bool:
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


async def credential() -> dict[str, Any]:
    revoked: list[int] = await Certificate.filter(status=CertificateStatus.REVOKED).values_list(  # type: ignore[assignment]
        "status_index", flat=True
    )
    highest = await Certificate.all().order_by("-status_index").first()
    size = (highest.status_index + 1) if highest else 0
    settings = infra.current().settings
    issued = now().replace(microsecond=0)
    url = f"{settings.public_base_url.rstrip('/')}{PATH}"
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": settings.token_issuer,
        "validFrom": issued.isoformat(),
        "validUntil": (issued + TTL).isoformat(),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode(set(revoked), size),
        },
    }


def signed(document: dict[str, Any], signing_key: Ed25519PrivateKey, kid: str) -> str:
    """The same credential as a compact JWS (VC-JOSE-COSE), signed with the presentation
    key, so a scanner that trusts the JWKS trusts the list it kept offline too."""
    return jwt.encode(
        {**document, "iss": document["issuer"], "iat": int(now().timestamp())},
        signing_key,
        algorithm="EdDSA",
        headers={"kid": kid, "typ": JWT_TYPE},
    )
