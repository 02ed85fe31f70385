"""Every refusal of the issue's "Bad input" list, through the API on PostgreSQL + Redis:
each is refused with its own reason and recorded (a view row; in the resident's trail when
the token names one of their certificates). Replay across two real servers is in
test_real_servers.py."""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from strawberry import relay

from backend.audit.models import AuditEvent, AuditOutcome
from backend.certificates import service
from backend.certificates.models import CertificateLink, CertificateStatus, CertificateView
from backend.certificates.tokens import TOKEN_TYPE, PresentationTokens
from backend.identity.models import StaffRole
from backend.platform import infra
from backend.platform.tokens import SubjectKind, TokenError
from tests.certificates.helpers import (
    HUKOU_ONLY_MATTER,
    ID_MATTER,
    PRESENT,
    VERIFY,
    VIEWS,
    Holder,
    certificate_of,
    certificates,
    clerk,
    holder,
    library,
    marriage,
    present,
    token_for,
    verify,
)
from tests.conftest import GraphQLClient

pytestmark = pytest.mark.usefixtures("database_url")


def _pk(global_id: str) -> int:
    return int(relay.GlobalID.from_id(global_id).node_id)


async def _link(who: Holder, kind: str = "ID_CARD", relation: str = "HOLDER") -> CertificateLink:
    certificate = await certificate_of(who, kind, relation)
    return await CertificateLink.get(
        certificate_id=_pk(certificate["id"]), relation=relation
    ).prefetch_related("certificate")


def _claims(link: CertificateLink, **changes: Any) -> dict[str, Any]:
    issued = int(datetime.now(tz=UTC).timestamp())
    claims = {
        "iss": infra.current().settings.token_issuer,
        "aud": infra.current().settings.ecert_audience,
        "iat": issued,
        "exp": issued + 60,
        "jti": secrets.token_urlsafe(12),
        "sub": link.ref,
        "sli": link.certificate.status_index,
        "k": "ID",
        "d": 1,
    }
    claims.update(changes)
    return claims


def _sign(claims: dict[str, Any], key: Ed25519PrivateKey | None = None, **header: Any) -> str:
    tokens = service.presentation_tokens()
    headers = {"kid": tokens.keys.kid, "typ": TOKEN_TYPE, **header}
    return jwt.encode(claims, key or tokens.keys.signing_key, algorithm="EdDSA", headers=headers)


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


async def _refused(
    verifier: GraphQLClient, token: str, result: str, reason: str, matter: str = ID_MATTER
) -> dict[str, Any]:
    verification = await verify(verifier, token, matter)
    assert (verification["result"], verification["reason"]) == (result, reason), verification
    assert verification["fields"] == [] and verification["reasonMessage"]
    row = await CertificateView.get(id=_pk(verification["id"]))
    assert row.result.value == result and row.reason == reason
    return verification


async def _in_trail(who: Holder, view_id: str, reason: str) -> None:
    views = await who.gql(VIEWS, first=50)
    nodes = {e["node"]["id"]: e["node"] for e in views.data["myCertificateViews"]["edges"]}
    assert nodes[view_id]["reason"] == reason


async def test_replayed_token_is_refused_and_both_attempts_are_in_the_trail(
    gql: GraphQLClient,
) -> None:
    resident = await holder(gql)
    token = await token_for(resident)
    verifier = await clerk(gql)
    assert (await verify(verifier, token))["result"] == "SUCCESS"
    again = await _refused(verifier, token, "ALREADY_USED", "REPLAYED")
    other_clerk = await clerk(gql, "310104-01")
    await _refused(other_clerk, token, "ALREADY_USED", "REPLAYED")
    await _in_trail(resident, again["id"], "REPLAYED")


async def test_expired_token_is_refused_beyond_five_seconds_of_skew(gql: GraphQLClient) -> None:
    resident = await holder(gql)
    link = await _link(resident)
    verifier = await clerk(gql)
    now = int(datetime.now(tz=UTC).timestamp())
    within_skew = _sign(_claims(link, iat=now - 63, exp=now - 3))
    assert (await verify(verifier, within_skew))["result"] == "SUCCESS"
    expired = _sign(_claims(link, iat=now - 67, exp=now - 7))
    refused = await _refused(verifier, expired, "EXPIRED", "TOKEN_EXPIRED")
    await _in_trail(resident, refused["id"], "TOKEN_EXPIRED")


async def test_lifetime_above_sixty_seconds_is_refused(gql: GraphQLClient) -> None:
    link = await _link(await holder(gql))
    now = int(datetime.now(tz=UTC).timestamp())
    await _refused(
        await clerk(gql),
        _sign(_claims(link, iat=now, exp=now + 600)),
        "INVALID",
        "LIFETIME_TOO_LONG",
    )


async def test_forged_signature_and_unknown_kid_are_refused(gql: GraphQLClient) -> None:
    resident = await holder(gql)
    verifier = await clerk(gql)
    genuine = await token_for(resident)
    head, body, signature = genuine.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload["d"] = 63  # disclose everything
    tampered = f"{head}.{_b64(payload)}.{signature}"
    await _refused(verifier, tampered, "INVALID", "BAD_SIGNATURE")
    link = await _link(resident)
    other_key = Ed25519PrivateKey.generate()
    await _refused(verifier, _sign(_claims(link), other_key), "INVALID", "BAD_SIGNATURE")
    await _refused(
        verifier, _sign(_claims(link), other_key, kid="not-our-key-id"), "INVALID", "UNKNOWN_KEY"
    )
    # The genuine token was never burnt by the forgeries.
    assert (await verify(verifier, genuine))["result"] == "SUCCESS"


async def test_alg_none_and_hmac_are_refused(gql: GraphQLClient) -> None:
    link = await _link(await holder(gql))
    verifier = await clerk(gql)
    kid = service.presentation_tokens().keys.kid
    unsigned = f"{_b64({'alg': 'none', 'typ': TOKEN_TYPE, 'kid': kid})}.{_b64(_claims(link))}."
    await _refused(verifier, unsigned, "INVALID", "ALGORITHM_REFUSED")
    jwk = service.presentation_tokens().keys.jwks()["keys"][0]
    hmac_token = jwt.encode(
        _claims(link),
        jwk["x"].encode() * 2,
        algorithm="HS256",
        headers={"kid": kid, "typ": TOKEN_TYPE},
    )
    await _refused(verifier, hmac_token, "INVALID", "ALGORITHM_REFUSED")


async def test_token_for_another_audience_or_kind_is_refused(gql: GraphQLClient) -> None:
    resident = await holder(gql)
    link = await _link(resident)
    verifier = await clerk(gql)
    api_audience = infra.current().settings.token_audience
    await _refused(verifier, _sign(_claims(link, aud=api_audience)), "INVALID", "WRONG_AUDIENCE")
    await _refused(verifier, _sign(_claims(link, k="MC")), "INVALID", "WRONG_KIND")
    # A genuine ID card code for a matter that takes only the hukou booklet.
    refused = await _refused(
        verifier, await token_for(resident), "INVALID", "KIND_NOT_ACCEPTED", HUKOU_ONLY_MATTER
    )
    await _in_trail(resident, refused["id"], "KIND_NOT_ACCEPTED")


async def test_access_token_and_presentation_token_are_not_interchangeable(
    gql: GraphQLClient,
) -> None:
    resident = await holder(gql)
    verifier = await clerk(gql)
    # An access token (a resident's, signed with the access-token key) is not a presentation.
    await _refused(verifier, resident.token, "INVALID", "WRONG_TYPE")
    # Re-typed, it is still signed with the wrong key and meant for the wrong audience.
    forged = infra.current().tokens.issue(SubjectKind.RESIDENT, 1, session_id="x").token
    head, body, signature = forged.split(".")
    header = json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))
    retyped = f"{_b64({**header, 'typ': TOKEN_TYPE})}.{body}.{signature}"
    await _refused(verifier, retyped, "INVALID", "UNKNOWN_KEY")
    # And the access-token verifier refuses a presentation token, by the API and directly.
    presentation = await token_for(resident)
    with pytest.raises(TokenError):
        infra.current().tokens.verify(presentation)
    me = await gql.with_token(presentation)("{ me { role } }")
    assert me.codes == ["UNAUTHENTICATED"]
    assert service.presentation_tokens().keys.kid not in infra.current().tokens.keys.verifying


async def test_garbage_is_refused_and_recorded(gql: GraphQLClient) -> None:
    verifier = await clerk(gql)
    for garbage in ("", "hello", "a.b.c", "eyJhbGciOiJFZERTQSJ9." * 3, "😀" * 100):
        await _refused(verifier, garbage, "INVALID", "MALFORMED")


async def test_a_resident_or_anonymous_caller_cannot_verify(gql: GraphQLClient) -> None:
    resident = await holder(gql)
    token = await token_for(resident)
    attempt = await resident.gql(VERIFY, t=token, m=ID_MATTER, c=None)
    assert attempt.codes == ["FORBIDDEN"]
    denied = await AuditEvent.filter(
        request_id=attempt.request_id, outcome=AuditOutcome.DENIED
    ).count()
    assert denied >= 1  # the permission refusal is in the audit log
    anonymous = await gql(VERIFY, t=token, m=ID_MATTER, c=None)
    assert anonymous.codes == ["UNAUTHENTICATED"]
    # Neither burnt the code.
    assert (await verify(await clerk(gql), token))["result"] == "SUCCESS"


async def test_staff_who_act_at_no_centre_are_refused_and_recorded(gql: GraphQLClient) -> None:
    resident = await holder(gql)
    token = await token_for(resident)
    admin = await clerk(gql, centre="", role=StaffRole.ADMIN)
    refused = await _refused(admin, token, "INVALID", "NOT_AT_CENTRE")
    await _in_trail(resident, refused["id"], "NOT_AT_CENTRE")
    assert (await verify(await clerk(gql), token))["result"] == "SUCCESS"


async def test_revoked_certificate_is_refused(gql: GraphQLClient) -> None:
    resident = await holder(gql)
    card = await certificate_of(resident, "ID_CARD")
    token = (await present(resident, card["id"]))["token"]
    record = next(
        r
        for r in (library().get(s) for s in list(library()._load()))
        if r and r.parties[0].id_number == resident.person.id_number
    )
    library().set_status(record.serial, CertificateStatus.REVOKED)
    listed = await certificate_of(resident, "ID_CARD")  # the copy is refreshed
    assert listed["status"] == "REVOKED"
    refused = await _refused(await clerk(gql), token, "REVOKED", "CERTIFICATE_REVOKED")
    await _in_trail(resident, refused["id"], "CERTIFICATE_REVOKED")
    again = await resident.gql(PRESENT, c=card["id"], f=None)
    assert again.data["presentCertificate"]["errors"][0]["code"] == "CERTIFICATE_NOT_VALID"


async def test_expired_certificate_is_refused(gql: GraphQLClient) -> None:
    resident = await holder(gql)
    card = await certificate_of(resident, "ID_CARD")
    token = (await present(resident, card["id"]))["token"]
    record = next(
        r for r in library()._load().values() if r.parties[0].id_number == resident.person.id_number
    )
    library().put(replace(record, valid_until=date.today() - timedelta(days=1)))
    assert (await certificate_of(resident, "ID_CARD"))["status"] == "EXPIRED"
    await _refused(await clerk(gql), token, "EXPIRED", "CERTIFICATE_EXPIRED")
    again = await resident.gql(PRESENT, c=card["id"], f=None)
    assert again.data["presentCertificate"]["errors"][0]["code"] == "CERTIFICATE_NOT_VALID"


async def test_delegate_without_a_link_is_refused(gql: GraphQLClient) -> None:
    husband = await holder(gql)
    wife = await holder(gql)
    certificate = marriage(husband.person, wife.person)
    library().put(certificate)
    token = await token_for(wife, "MARRIAGE_CERTIFICATE", "SPOUSE")
    library().remove_party(certificate.serial, wife.person.id_number)
    kinds = [(c["kind"], c["relation"]) for c in await _list(wife)]
    assert ("MARRIAGE_CERTIFICATE", "SPOUSE") not in kinds  # the link is gone for her
    refused = await _refused(await clerk(gql), token, "INVALID", "NO_DELEGATE_LINK", "WJ001")
    await _in_trail(husband, refused["id"], "NO_DELEGATE_LINK")
    # Nor can she show it any more.
    shown = await wife.gql(
        PRESENT, c=(await certificate_of(husband, "MARRIAGE_CERTIFICATE"))["id"], f=None
    )
    assert shown.data["presentCertificate"]["errors"][0]["code"] == "CERTIFICATE_NOT_FOUND"


async def _list(who: Holder) -> list[dict[str, Any]]:
    return await certificates(who)


async def test_someone_elses_certificate_cannot_be_presented(gql: GraphQLClient) -> None:
    owner = await holder(gql)
    stranger = await holder(gql)
    card = await certificate_of(owner, "ID_CARD")
    attempt = await stranger.gql(PRESENT, c=card["id"], f=None)
    assert attempt.data["presentCertificate"]["errors"][0]["code"] == "CERTIFICATE_NOT_FOUND"
    unknown_field = await owner.gql(PRESENT, c=card["id"], f=["name", "shoe_size"])
    assert (
        unknown_field.data["presentCertificate"]["errors"][0]["code"] == "CERTIFICATE_FIELD_UNKNOWN"
    )


async def test_unknown_matter_or_case_is_an_error_and_burns_nothing(gql: GraphQLClient) -> None:
    resident = await holder(gql)
    token = await token_for(resident)
    verifier = await clerk(gql)
    bad_matter = await verifier(VERIFY, t=token, m="XX999", c=None)
    assert bad_matter.data["verifyCertificate"]["errors"][0]["field"] == "matter"
    case_id = relay.to_base64("Case", 2_000_000_000)
    bad_case = await verifier(VERIFY, t=token, m=ID_MATTER, c=case_id)
    assert bad_case.data["verifyCertificate"]["errors"][0]["field"] == "case"
    assert (await verify(verifier, token))["result"] == "SUCCESS"


async def test_a_clerk_verifying_too_fast_is_held_back_and_burns_nothing(
    gql: GraphQLClient,
) -> None:
    resident = await holder(gql)
    verifier = await clerk(gql)
    limit = infra.current().settings.certificate_verifications_per_minute
    for _ in range(limit):
        await verifier(VERIFY, t="garbage", m=ID_MATTER, c=None)
    token = await token_for(resident)
    request_id = f"held-{secrets.token_hex(8)}"
    held = await verifier.with_request_id(request_id)(VERIFY, t=token, m=ID_MATTER, c=None)
    error = held.data["verifyCertificate"]["errors"][0]
    assert error["code"] == "RATE_LIMITED" and "秒后再试" in error["message"], error
    assert held.data["verifyCertificate"]["verification"] is None
    audit = await AuditEvent.get(request_id=request_id, action="certificates.verify")
    assert (audit.outcome, audit.reason) == (AuditOutcome.FAILURE, "RATE_LIMITED")
    # Another clerk is not held back, and the code was not burnt by the refused call.
    other = await clerk(gql)
    assert (await verify(other, token))["result"] == "SUCCESS"


def test_decoder_refuses_without_a_database() -> None:
    """The decoder alone: a token minted for 60 s verifies, the same claims re-signed with
    a 61 s life do not."""
    tokens: PresentationTokens = service.presentation_tokens()
    issued = tokens.issue(link_ref="abc", status_index=1, kind_code="ID", disclosure=1)
    assert tokens.decode(issued.token).link_ref == "abc"
