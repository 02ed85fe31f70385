"""Consent (个人信息保护法): the legal documents, acceptance at sign-in and again on a new
version, the separate consent before an ID number is handed over, and the record of it."""

from __future__ import annotations

import dataclasses

import pytest

from backend.audit.models import AuditEvent, AuditOutcome
from backend.identity import consents
from backend.identity.consents import LegalDocumentKind
from backend.identity.models import ConsentRecord, Resident, StaffRole
from tests.conftest import GraphQLClient
from tests.identity.helpers import (
    ID_CONSENT_VERSION,
    make_staff,
    node_pk,
    registry_person,
    sign_in,
    staff_token,
)

DOCUMENT = """query($k: LegalDocumentKind!) { legalDocument(kind: $k) {
    kind version title effectiveDate sections { heading paragraphs } } }"""
MY_CONSENTS = """{ myConsents { pending { kind version title }
    records { document title version channel acceptedAt } } }"""
ACCEPT = """mutation($d: [ConsentInput!]!) { acceptConsents(documents: $d) {
    status { pending { kind } records { document version channel } }
    errors { field code message } } }"""
VERIFY_WITH = """mutation($n: String!, $i: String!, $v: String) {
    verifyRealName(name: $n, idNumber: $i, consentVersion: $v) {
        resident { verified } errors { field code message } } }"""


def _current(kind: LegalDocumentKind) -> dict[str, str]:
    return {"document": kind.value, "version": consents.document(kind).version}


async def test_documents_are_public_versioned_and_state_the_retention(gql: GraphQLClient) -> None:
    for kind in LegalDocumentKind:
        result = await gql(DOCUMENT, k=kind.value)
        doc = result.data["legalDocument"]  # type: ignore[index]
        assert doc["version"] == consents.document(kind).version and doc["title"]
        assert doc["sections"] and all(s["paragraphs"] for s in doc["sections"])
    policy = (await gql(DOCUMENT, k="PRIVACY_POLICY")).data["legalDocument"]  # type: ignore[index]
    text = "".join(p for s in policy["sections"] for p in s["paragraphs"])
    # The retention period of case records, and that it is a placeholder for legal to confirm.
    assert "办件记录" in text and "30 年" in text and "占位" in text and "法务部门" in text
    assert "第四十五条" in text and "第四十七条" in text


async def test_first_sign_in_asks_for_both_documents_and_records_acceptance(
    gql: GraphQLClient,
) -> None:
    tokens = await sign_in(gql)
    me = gql.with_token(tokens["accessToken"])
    pending = (await me(MY_CONSENTS)).data["myConsents"]  # type: ignore[index]
    assert [d["kind"] for d in pending["pending"]] == ["USER_AGREEMENT", "PRIVACY_POLICY"]
    assert pending["records"] == []

    stale = await me(ACCEPT, d=[{"document": "PRIVACY_POLICY", "version": "2000-01-01"}])
    assert [(e["code"], e["field"]) for e in stale.data["acceptConsents"]["errors"]] == [  # type: ignore[index]
        ("CONSENT_VERSION_OUTDATED", "documents")
    ]
    empty = await me(ACCEPT, d=[])
    assert [e["code"] for e in empty.data["acceptConsents"]["errors"]] == ["CONSENT_REQUIRED"]  # type: ignore[index]

    accepted = await me(
        ACCEPT,
        d=[_current(LegalDocumentKind.USER_AGREEMENT), _current(LegalDocumentKind.PRIVACY_POLICY)],
    )
    payload = accepted.data["acceptConsents"]  # type: ignore[index]
    assert payload["errors"] == [] and payload["status"]["pending"] == []
    status = (await me(MY_CONSENTS)).data["myConsents"]  # type: ignore[index]
    assert {(r["document"], r["version"], r["channel"]) for r in status["records"]} == {
        ("USER_AGREEMENT", consents.document(LegalDocumentKind.USER_AGREEMENT).version, "APP"),
        ("PRIVACY_POLICY", consents.document(LegalDocumentKind.PRIVACY_POLICY).version, "APP"),
    }
    assert all(r["acceptedAt"] for r in status["records"])
    (entry,) = await AuditEvent.filter(
        request_id=accepted.request_id, action="identity.consent.accept"
    )
    assert entry.outcome is AuditOutcome.SUCCESS and entry.target_id == node_pk(
        tokens["residentId"]
    )


async def test_a_new_version_asks_again(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    tokens = await sign_in(gql)
    me = gql.with_token(tokens["accessToken"])
    await me(
        ACCEPT,
        d=[_current(LegalDocumentKind.USER_AGREEMENT), _current(LegalDocumentKind.PRIVACY_POLICY)],
    )
    original = consents.document

    def newer(kind: LegalDocumentKind) -> consents.LegalDocument:
        doc = original(kind)
        if kind is LegalDocumentKind.PRIVACY_POLICY:
            return dataclasses.replace(doc, version="2099-01-01")
        return doc

    monkeypatch.setattr(consents, "document", newer)
    status = (await me(MY_CONSENTS)).data["myConsents"]  # type: ignore[index]
    assert [d["kind"] for d in status["pending"]] == ["PRIVACY_POLICY"]
    assert status["pending"][0]["version"] == "2099-01-01"
    again = await me(ACCEPT, d=[{"document": "PRIVACY_POLICY", "version": "2099-01-01"}])
    assert again.data["acceptConsents"]["status"]["pending"] == []  # type: ignore[index]


async def test_the_id_number_needs_its_own_consent_first(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    me = gql.with_token(tokens["accessToken"])
    person = await registry_person("唐明远")
    pk = int(node_pk(tokens["residentId"]))

    missing = await me(VERIFY_WITH, n=person.name, i=person.id_number, v=None)
    outdated = await me(VERIFY_WITH, n=person.name, i=person.id_number, v="2000-01-01")
    for result, code in ((missing, "CONSENT_REQUIRED"), (outdated, "CONSENT_VERSION_OUTDATED")):
        errors = result.data["verifyRealName"]["errors"]  # type: ignore[index]
        assert [(e["code"], e["field"]) for e in errors] == [(code, "consentVersion")]
        (entry,) = await AuditEvent.filter(
            request_id=result.request_id, action="identity.real_name.verify"
        )
        # Refused before the number was looked at: no registry answer in the log.
        assert entry.reason == code and "registry" not in entry.details
    resident = await Resident.get(id=pk)
    assert resident.verified_at is None and resident.id_number_hash is None
    assert not await ConsentRecord.filter(resident_id=pk).exists()

    verified = await me(VERIFY_WITH, n=person.name, i=person.id_number, v=ID_CONSENT_VERSION)
    assert verified.data["verifyRealName"]["resident"]["verified"] is True  # type: ignore[index]
    (record,) = await ConsentRecord.filter(resident_id=pk)
    assert (record.document, record.version) == ("SENSITIVE_ID_NUMBER", ID_CONSENT_VERSION)


async def test_who_may_ask(gql: GraphQLClient) -> None:
    anonymous = await gql(MY_CONSENTS)
    assert anonymous.codes == ["UNAUTHENTICATED"]
    account, password = await make_staff(StaffRole.ADMIN, None)
    staff = gql.with_token(await staff_token(gql, account, password))
    refused = await staff(MY_CONSENTS)
    assert refused.codes == ["FORBIDDEN"] and refused.errors[0]["extensions"]["reason"] == (
        "RESIDENT_ONLY"
    )
    accept = await staff(ACCEPT, d=[_current(LegalDocumentKind.USER_AGREEMENT)])
    assert accept.codes == ["FORBIDDEN"]
