"""The happy path through the API: my certificates, a presentation, a clerk's verification,
and the resident's trail."""

from __future__ import annotations

from tests.certificates.helpers import (
    ID_MATTER,
    VIEWS,
    certificate_of,
    certificates,
    clerk,
    holder,
    present,
    verify,
)
from tests.conftest import GraphQLClient


async def test_present_and_verify_an_id_card(gql: GraphQLClient) -> None:
    resident = await holder(gql)
    listed = await certificates(resident)
    assert [c["kind"] for c in listed] == ["ID_CARD"]
    card = listed[0]
    assert card["status"] == "VALID" and card["relation"] == "HOLDER" and not card["delegate"]
    assert card["holderName"] == resident.person.name[0] + "*" * (len(resident.person.name) - 1)
    values = {f["key"]: f for f in card["fields"]}
    assert resident.person.id_number not in values["id_number"]["value"]
    assert values["id_number"]["masked"] and not values["id_number"]["disclosable"]
    assert values["address"]["disclosable"]

    presentation = await present(resident, card["id"], ["name", "sex"])
    assert presentation["ttlSeconds"] == 60
    assert presentation["disclosedFields"] == ["name", "sex", "id_number"]
    assert presentation["qrSvg"].startswith("<?xml") or "<svg" in presentation["qrSvg"]
    assert 1 <= presentation["qrVersion"] <= 40
    assert presentation["qrModules"] == 17 + 4 * presentation["qrVersion"]

    verifier = await clerk(gql)
    verification = await verify(verifier, presentation["token"], ID_MATTER)
    assert verification["result"] == "SUCCESS" and verification["reason"] is None
    shown = {f["key"]: f["value"] for f in verification["fields"]}
    assert shown == {
        "name": resident.person.name,
        "sex": "男",
        "id_number": resident.person.id_number,  # GA006 takes the ID card: shown in full
    }

    views = await resident.gql(VIEWS, first=10)
    edges = views.data["myCertificateViews"]["edges"]
    assert views.data["myCertificateViews"]["totalCount"] == 1
    view = edges[0]["node"]
    assert view["id"] == verification["id"]
    assert view["result"] == "SUCCESS" and view["kind"] == "ID_CARD"
    assert view["centre"]["code"] == "310101-01" and view["matter"]["code"] == ID_MATTER
    assert view["clerkName"] == "测***" and view["idNumberRevealed"] is True
    _ = await certificate_of(resident, "ID_CARD")


async def test_a_verification_costs_a_bounded_number_of_statements(gql: GraphQLClient) -> None:
    from tests.certificates.helpers import token_for
    from tests.conftest import count_queries

    resident = await holder(gql)
    verifier = await clerk(gql)
    await verify(verifier, await token_for(resident))  # warm: the clerk's session is read
    token = await token_for(resident)
    with count_queries() as statements:
        assert (await verify(verifier, token))["result"] == "SUCCESS"
    for line in statements:
        print(line[:160])
    # session, staff, matter, link with its certificate, residents, view, audit entry, the
    # stream (4 under its lock, 1 row), marked published.
    assert len(statements) <= 13, len(statements)


async def test_a_verification_is_attached_to_a_case_of_the_clerks_centre(
    gql: GraphQLClient,
) -> None:
    from strawberry import relay

    from backend.cases.models import CaseState
    from backend.centres.models import Centre
    from tests.cases.helpers import case_in, world
    from tests.certificates.helpers import VERIFY, token_for

    resident = await holder(gql)
    w = await world()  # collected at 310101-01, accepted at 310110-01
    case = await case_in(CaseState.SUBMITTED, w)
    verifier = await clerk(gql)  # a clerk of 310101-01, the collecting centre
    verification = await verify(
        verifier, await token_for(resident), ID_MATTER, relay.to_base64("Case", case.id)
    )
    assert verification["result"] == "SUCCESS" and verification["caseNumber"] == case.number
    [view] = (await resident.gql(VIEWS, first=5)).data["myCertificateViews"]["edges"]
    assert view["node"]["caseNumber"] == case.number
    # A case of a centre the clerk does not work at is not theirs to attach to.
    w.collecting = w.accepting = await Centre.get(code="310104-01")
    elsewhere = await case_in(CaseState.SUBMITTED, w)
    refused = await verifier(
        VERIFY, t=await token_for(resident), m=ID_MATTER, c=relay.to_base64("Case", elsewhere.id)
    )
    assert refused.data["verifyCertificate"]["errors"][0]["field"] == "case"
