"""Delegate use names both people; every view reaches the resident live on myUpdates; a
view can be reported, which alerts the centre; the token carries no personal data."""

from __future__ import annotations

import asyncio
import base64
import json
import re
from typing import Any

import pytest
from strawberry import relay

from backend.audit.models import AuditEvent
from backend.certificates.models import CertificateView
from backend.graphql.context import Context
from backend.identity.authentication import Authentication
from backend.identity.models import StaffRole
from backend.platform.models import StreamEvent
from backend.platform.requestmeta import RequestMeta
from tests.certificates.helpers import (
    BIRTH_MATTER,
    MARRIAGE_MATTER,
    REPORT,
    VIEWS,
    Holder,
    birth_certificate,
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
from tests.conftest import SCHEMA, GraphQLClient
from tests.identity.helpers import Person, new_id_number

pytestmark = pytest.mark.usefixtures("database_url")


def _payload(token: str) -> dict[str, Any]:
    body = token.split(".")[1]
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    return decoded


async def _views(who: Holder) -> list[dict[str, Any]]:
    result = await who.gql(VIEWS, first=50)
    return [e["node"] for e in result.data["myCertificateViews"]["edges"]]


async def test_the_token_holds_no_personal_data(gql: GraphQLClient) -> None:
    resident = await holder(gql)
    token = await token_for(resident)
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    payload = _payload(token)
    assert header["typ"] == "tongban-ecert+jwt" and header["alg"] == "EdDSA"
    assert set(payload) == {"iss", "aud", "iat", "exp", "jti", "sub", "sli", "k", "d"}
    assert payload["exp"] - payload["iat"] <= 60
    text = json.dumps(payload, ensure_ascii=False) + json.dumps(header)
    assert resident.person.name not in text and resident.person.name[0] not in text
    # No run of the ID number's digits (nor the resident's database id) in the claims.
    digits = resident.person.id_number
    for run in (digits[i : i + 6] for i in range(0, 13)):
        assert run not in text
    assert relay.GlobalID.from_id(resident.resident_id).node_id != payload["sub"]
    assert re.fullmatch(r"[A-Za-z0-9_-]{16}", payload["jti"])


async def test_a_parent_shows_a_childs_birth_certificate_and_the_trail_names_both(
    gql: GraphQLClient,
) -> None:
    mother = await holder(gql)
    child = Person("张小雨", new_id_number())  # no account of her own
    library().put(birth_certificate(child, mother.person))
    shown = await certificate_of(mother, "BIRTH_CERTIFICATE", "PARENT")
    assert shown["delegate"] is True and shown["holderName"] == "张**"
    token = (await present(mother, shown["id"]))["token"]
    verification = await verify(await clerk(gql), token, BIRTH_MATTER)
    assert verification["result"] == "SUCCESS"
    assert verification["relation"] == "PARENT"
    assert verification["holderName"] == "张**"
    assert verification["delegateName"] == mother.person.name[0] + "**"
    assert {f["key"]: f["value"] for f in verification["fields"]}["name"] == "张小雨"
    [view] = await _views(mother)
    assert view["delegate"] and view["relation"] == "PARENT"
    assert (view["holderName"], view["delegateName"]) == ("张**", mother.person.name[0] + "**")
    row = await CertificateView.get(id=int(relay.GlobalID.from_id(view["id"]).node_id))
    assert row.presenter_resident_id is not None and row.holder_resident_id is None


async def test_a_spouse_shows_the_marriage_certificate_and_both_see_it(gql: GraphQLClient) -> None:
    husband = await holder(gql)
    wife = await holder(gql)
    library().put(marriage(husband.person, wife.person))
    token = await token_for(wife, "MARRIAGE_CERTIFICATE", "SPOUSE")
    verification = await verify(await clerk(gql), token, MARRIAGE_MATTER)
    assert verification["result"] == "SUCCESS" and verification["relation"] == "SPOUSE"
    ids = {f["key"]: f for f in verification["fields"]}
    # A marriage certificate is not an identity document: its ID numbers stay masked.
    assert ids["id_number"]["masked"] and husband.person.id_number not in ids["id_number"]["value"]
    for who in (husband, wife):
        [view] = await _views(who)
        assert view["id"] == verification["id"] and view["delegate"]
    stream_rows = await StreamEvent.filter(kind="certificate.viewed").order_by("-id").limit(2)
    husband_id = relay.GlobalID.from_id(husband.resident_id).node_id
    wife_id = relay.GlobalID.from_id(wife.resident_id).node_id
    assert {r.stream for r in stream_rows} == {f"resident:{husband_id}", f"resident:{wife_id}"}


async def test_my_certificates_lists_mine_first_then_delegated(gql: GraphQLClient) -> None:
    husband = await holder(gql)
    wife = await holder(gql)
    library().put(marriage(husband.person, wife.person))
    listed = [(c["kind"], c["relation"]) for c in await certificates(wife)]
    assert listed == [("ID_CARD", "HOLDER"), ("MARRIAGE_CERTIFICATE", "SPOUSE")]
    assert [(c["kind"], c["relation"]) for c in await certificates(husband)] == [
        ("ID_CARD", "HOLDER"),
        ("MARRIAGE_CERTIFICATE", "HOLDER"),
    ]


async def test_a_view_reaches_my_updates_live(gql: GraphQLClient) -> None:
    resident = await holder(gql)
    token = await token_for(resident)
    context = Context(
        request=None,
        auth=Authentication.from_authorization(f"Bearer {resident.token}"),
        meta=RequestMeta.new(),
    )
    stream = await SCHEMA.subscribe(
        "subscription { myUpdates { cursor kind } }", context_value=context
    )
    assert not hasattr(stream, "errors") or not stream.errors  # type: ignore[union-attr]
    waiting = asyncio.ensure_future(stream.__anext__())  # type: ignore[union-attr]
    await asyncio.sleep(0.3)  # subscribed before the view happens
    await verify(await clerk(gql), token)
    update = await asyncio.wait_for(waiting, 10)
    assert update.data["myUpdates"]["kind"] == "certificate.viewed"
    await stream.aclose()  # type: ignore[union-attr]


async def test_reporting_a_view_alerts_the_centre_head(gql: GraphQLClient) -> None:
    resident = await holder(gql)
    verification = await verify(await clerk(gql), await token_for(resident))
    reported = await resident.gql(REPORT, v=verification["id"], n="我当时不在该中心")
    assert reported.data["reportCertificateView"]["errors"] == []
    assert reported.data["reportCertificateView"]["view"]["reported"] is True
    again = await resident.gql(REPORT, v=verification["id"], n=None)
    assert (
        again.data["reportCertificateView"]["errors"][0]["code"]
        == "CERTIFICATE_VIEW_ALREADY_REPORTED"
    )
    stranger = await holder(gql)
    theirs = await stranger.gql(REPORT, v=verification["id"], n=None)
    assert theirs.data["reportCertificateView"]["errors"][0]["code"] == "CERTIFICATE_VIEW_NOT_FOUND"
    row = await CertificateView.get(id=int(relay.GlobalID.from_id(verification["id"]).node_id))
    assert row.reported_at is not None and row.report_note_enc and "不在" not in row.report_note_enc
    alert = (
        await StreamEvent.filter(kind="certificate.view_reported", stream=f"centre:{row.centre_id}")
        .order_by("-id")
        .first()
    )
    assert alert is not None and alert.payload["viewId"] == row.id
    head = await clerk(gql, role=StaffRole.CENTRE_HEAD)
    listed = await head("{ centreCertificateViews { totalCount edges { node { id reported } } } }")
    ids = [e["node"]["id"] for e in listed.data["centreCertificateViews"]["edges"]]
    assert verification["id"] in ids
    assert await AuditEvent.filter(action="certificates.view.report").count() >= 3


async def test_every_presentation_and_verification_is_audited_without_personal_data(
    gql: GraphQLClient,
) -> None:
    resident = await holder(gql)
    before = await AuditEvent.all().order_by("-id").first()
    await verify(await clerk(gql), await token_for(resident))
    rows = await AuditEvent.filter(id__gt=before.id if before else 0)
    actions = {r.action for r in rows}
    assert {"certificates.present", "certificates.verify"} <= actions
    dumped = json.dumps([r.details for r in rows], ensure_ascii=False)
    assert resident.person.id_number not in dumped and resident.person.name not in dumped


async def test_no_personal_data_reaches_any_log(gql: GraphQLClient) -> None:
    """Every logger at DEBUG, the SQL statements with their parameters included: the name,
    the ID number and the address are never in the clear, from listing to reporting."""
    from tests.conftest import capture_logs

    resident = await holder(gql)
    verifier = await clerk(gql)
    with capture_logs("", "tortoise", "tortoise.db_client", "tongban") as lines:
        card = await certificate_of(resident, "ID_CARD")
        token = (await present(resident, card["id"]))["token"]
        verification = await verify(verifier, token)
        await verify(verifier, token)  # refused: replayed
        await _views(resident)
        await resident.gql(REPORT, v=verification["id"], n="不是我")
    text = "\n".join(lines)
    assert "certificates_view" in text  # the SQL was captured
    for secret in (resident.person.id_number, resident.person.name, "测试路1号", "不是我"):
        assert secret not in text
