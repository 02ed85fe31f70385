"""What a scanner can check before going online: the signature against the served JWKS
(PyJWT's PyJWKClient over real HTTP), the status list; and the QR image itself, decoded
by an independent decoder (OpenCV) and verified end to end."""

from __future__ import annotations

import asyncio

import cv2
import httpx
import jwt
import numpy as np
import pytest

from backend.certificates import statuslist
from backend.certificates.models import CertificateStatus
from backend.certificates.redeem import DatabaseRedeemer
from backend.platform.clock import now
from tests.certificates.helpers import (
    certificate_of,
    clerk,
    holder,
    library,
    present,
    token_for,
    verify,
)
from tests.conftest import GraphQLClient, LiveServer

pytestmark = pytest.mark.usefixtures("database_url")


async def _status_bit(client: httpx.AsyncClient, base: str, index: int) -> bool:
    response = await client.get(f"{base}{statuslist.PATH}")
    assert response.status_code == 200
    document = response.json()
    assert "BitstringStatusListCredential" in document["type"]
    subject = document["credentialSubject"]
    assert subject["statusPurpose"] == "revocation"
    bits = statuslist.decode(subject["encodedList"])
    assert len(bits) * 8 >= statuslist.MIN_ENTRIES
    return statuslist.is_set(bits, index)


async def test_offline_check_against_the_served_jwks_and_status_list(
    gql: GraphQLClient, live_server: LiveServer
) -> None:
    resident = await holder(gql)
    token = await token_for(resident)
    jwks_url = f"{live_server.url}/.well-known/ecert-jwks.json"
    settings_audience = "tongban-ecert"

    def offline_check() -> dict[str, object]:
        signing_key = jwt.PyJWKClient(jwks_url).get_signing_key_from_jwt(token)
        claims: dict[str, object] = jwt.decode(
            token, signing_key.key, algorithms=["EdDSA"], audience=settings_audience, leeway=5
        )
        return claims

    claims = await asyncio.to_thread(offline_check)
    index = int(str(claims["sli"]))

    def signed_list() -> dict[str, object]:
        listed = httpx.get(f"{live_server.url}{statuslist.JWT_PATH}").text
        assert jwt.get_unverified_header(listed)["typ"] == "vc+jwt"
        key = jwt.PyJWKClient(jwks_url).get_signing_key_from_jwt(listed)
        document: dict[str, object] = jwt.decode(listed, key.key, algorithms=["EdDSA"])
        return document

    signed = await asyncio.to_thread(signed_list)
    encoded = signed["credentialSubject"]["encodedList"]  # type: ignore[index]
    assert statuslist.is_set(statuslist.decode(encoded), index) is False
    async with httpx.AsyncClient() as client:
        assert await _status_bit(client, live_server.url, index) is False
        # The access-token JWKS does not hold the presentation key.
        access = (await client.get(f"{live_server.url}/.well-known/jwks.json")).json()
        kid = jwt.get_unverified_header(token)["kid"]
        assert kid not in {k["kid"] for k in access["keys"]}
        # Revoked in the library: the next list has the bit set, before anyone redeems.
        record = next(
            r
            for r in library()._load().values()
            if r.parties[0].id_number == resident.person.id_number
        )
        library().set_status(record.serial, CertificateStatus.REVOKED)
        await certificate_of(resident, "ID_CARD")  # the copy is refreshed
        assert await _status_bit(client, live_server.url, index) is True


async def test_qr_png_decoded_by_opencv_verifies_end_to_end(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    resident = await holder(gql)
    card = await certificate_of(resident, "ID_CARD")
    response = await http.get(
        f"/certificates/{card['id']}/qr.png",
        params={"fields": "name"},
        headers={"Authorization": f"Bearer {resident.token}"},
    )
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    assert response.headers["cache-control"] == "no-store"
    image = cv2.imdecode(np.frombuffer(response.content, np.uint8), cv2.IMREAD_GRAYSCALE)
    # OpenCV's ArUco-based detector: the classic cv2.QRCodeDetector misses about one clean
    # version-15 code in seven whatever the module size (5-11 of 60 random tokens at 4-10 px
    # a module); this one read 200 of 200.
    decoded, points, _ = cv2.QRCodeDetectorAruco().detectAndDecode(image)
    assert points is not None and decoded.count(".") == 2, "OpenCV could not read the code"
    verification = await verify(await clerk(gql), decoded)
    assert verification["result"] == "SUCCESS"
    assert [f["key"] for f in verification["fields"]] == ["name", "id_number"]
    # Someone else asking for this certificate's QR: as if it did not exist.
    stranger = await holder(gql)
    other = await http.get(
        f"/certificates/{card['id']}/qr.svg", headers={"Authorization": f"Bearer {stranger.token}"}
    )
    assert other.status_code == 404
    anonymous = await http.get(f"/certificates/{card['id']}/qr.svg")
    assert anonymous.status_code == 401
    svg = await http.get(
        f"/certificates/{card['id']}/qr.svg", headers={"Authorization": f"Bearer {resident.token}"}
    )
    assert svg.status_code == 200 and b"<svg" in svg.content
    assert int(svg.headers["x-qr-version"]) <= 15


async def test_qr_size_of_a_real_token(gql: GraphQLClient) -> None:
    """The code stays small enough to read from a phone at arm's length."""
    resident = await holder(gql)
    card = await certificate_of(resident, "ID_CARD")
    presentation = await present(resident, card["id"])
    size = presentation["qrModules"]
    print(
        f"QR of a real token: {len(presentation['token'])} characters, version "
        f"{presentation['qrVersion']}, {size}x{size} modules"
    )
    assert presentation["qrVersion"] <= 15 and len(presentation["token"]) <= 400


async def test_database_redemption_is_single_use_under_concurrency() -> None:
    """The embedded default (no Redis): 20 concurrent redemptions of one id, one wins."""
    redeemer = DatabaseRedeemer()
    token_id = f"db-{now().timestamp()}"
    results = await asyncio.gather(*(redeemer.redeem(token_id, now()) for _ in range(20)))
    assert results.count(True) == 1
    assert await redeemer.redeem(token_id, now()) is False
