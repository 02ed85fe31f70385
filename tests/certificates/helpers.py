"""People with certificates for the certificates tests: a verified resident signs in
through the API, the e-licence library (the embedded default, in this process) is given
synthetic certificates for them, and clerks sign in as staff of a real seeded centre."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from backend.centres.models import Centre
from backend.certificates.library import (
    LIBRARY_KEY,
    LicenceParty,
    LicenceRecord,
    SeededELicenceLibrary,
    e_licence_library,
)
from backend.certificates.models import CertificateStatus, Relation
from backend.identity.models import StaffRole
from backend.matters.models import ECertificateKind
from tests.conftest import GraphQLClient
from tests.identity.helpers import Person, make_staff, staff_token, verified_resident

CENTRE = "310101-01"
ID_MATTER = "GA006"  # 居住证新办: takes the ID card
HUKOU_ONLY_MATTER = "MZ023"  # 孤儿基本生活费申请: the hukou booklet only
BIRTH_MATTER = "YB002"  # 新生儿参保: birth certificate and hukou booklet
MARRIAGE_MATTER = "WJ001"  # 生育登记: ID card and marriage certificate

MY_CERTIFICATES = """{ myCertificates { id kind title holderName issuer validFrom validUntil
    status relation delegate fields { key label value masked disclosable } } }"""
PRESENT = """mutation($c: ID!, $f: [String!]) { presentCertificate(input: {certificate: $c,
    fields: $f}) { presentation { token expiresAt ttlSeconds disclosedFields qrSvg qrVersion
    qrModules certificate { id kind } } errors { code field message } } }"""
VERIFY = """mutation($t: String!, $m: String!, $c: ID) { verifyCertificate(input: {token: $t,
    matter: $m, case: $c}) { verification { id result resultName reason reasonMessage kind
    title holderName delegateName relation status fields { key label value masked }
    caseNumber at } errors { code field message } } }"""
VIEWS = """query($first: Int) { myCertificateViews(first: $first) { totalCount edges { node {
    id at kind result reason caseNumber relation delegate holderName delegateName clerkName
    idNumberRevealed reported centre { code } matter { code } } } } }"""
REPORT = """mutation($v: ID!, $n: String) { reportCertificateView(input: {view: $v, note: $n})
    { view { id reported reportedAt } errors { code field message } } }"""


def library() -> SeededELicenceLibrary:
    found = e_licence_library()
    assert isinstance(found, SeededELicenceLibrary), LIBRARY_KEY
    return found


def id_card(person: Person, **changes: Any) -> LicenceRecord:
    record = LicenceRecord(
        serial=f"T-SFZ-{secrets.token_hex(6)}",
        kind=ECertificateKind.ID_CARD,
        issuer="上海市公安局黄浦分局",
        valid_from=date(2020, 1, 1),
        valid_until=date.today() + timedelta(days=3650),
        status=CertificateStatus.VALID,
        fields={
            "name": person.name,
            "sex": "男",
            "ethnicity": "汉",
            "birth_date": "1985-03-12",
            "address": "上海市黄浦区测试路1号",
            "id_number": person.id_number,
        },
        parties=(LicenceParty(person.id_number, person.name, Relation.HOLDER),),
    )
    return replace(record, **changes)


def marriage(holder: Person, spouse: Person) -> LicenceRecord:
    return LicenceRecord(
        serial=f"T-JHZ-{secrets.token_hex(6)}",
        kind=ECertificateKind.MARRIAGE_CERTIFICATE,
        issuer="上海市黄浦区民政局",
        valid_from=date(2020, 5, 20),
        valid_until=None,
        status=CertificateStatus.VALID,
        fields={
            "name": holder.name,
            "spouse_name": spouse.name,
            "registration_date": "2020-05-20",
            "certificate_number": f"J{secrets.randbelow(10**9):09d}",
            "id_number": holder.id_number,
            "spouse_id_number": spouse.id_number,
        },
        parties=(
            LicenceParty(holder.id_number, holder.name, Relation.HOLDER),
            LicenceParty(spouse.id_number, spouse.name, Relation.SPOUSE),
        ),
    )


def birth_certificate(child: Person, *parents: Person) -> LicenceRecord:
    return LicenceRecord(
        serial=f"T-CSZM-{secrets.token_hex(6)}",
        kind=ECertificateKind.BIRTH_CERTIFICATE,
        issuer="上海市第一妇婴保健院",
        valid_from=date(2022, 3, 15),
        valid_until=None,
        status=CertificateStatus.VALID,
        fields={
            "name": child.name,
            "sex": "女",
            "birth_date": "2022-03-15",
            "birth_place": "上海市浦东新区测试路2699号",
            "mother_name": parents[0].name if parents else "",
            "father_name": parents[1].name if len(parents) > 1 else "",
            "certificate_number": f"S{secrets.randbelow(10**9):09d}",
        },
        parties=(
            LicenceParty(child.id_number, child.name, Relation.HOLDER),
            *(LicenceParty(p.id_number, p.name, Relation.PARENT) for p in parents),
        ),
    )


@dataclass
class Holder:
    person: Person
    token: str
    resident_id: str  # global id
    gql: GraphQLClient


async def holder(gql: GraphQLClient, *records: LicenceRecord) -> Holder:
    """A verified resident; `records` are put in the library (made for them if empty)."""
    tokens, person = await verified_resident(gql)
    for record in records or (id_card(person),):
        library().put(record)
    return Holder(
        person, tokens["accessToken"], tokens["residentId"], gql.with_token(tokens["accessToken"])
    )


async def certificates(who: Holder) -> list[dict[str, Any]]:
    result = await who.gql(MY_CERTIFICATES)
    assert not result.errors, result
    found: list[dict[str, Any]] = result.data["myCertificates"]
    return found


async def certificate_of(who: Holder, kind: str, relation: str = "HOLDER") -> dict[str, Any]:
    return next(
        c for c in await certificates(who) if c["kind"] == kind and c["relation"] == relation
    )


async def present(
    who: Holder, certificate_id: str, fields: list[str] | None = None
) -> dict[str, Any]:
    result = await who.gql(PRESENT, c=certificate_id, f=fields)
    assert not result.errors and result.data["presentCertificate"]["errors"] == [], result
    presentation: dict[str, Any] = result.data["presentCertificate"]["presentation"]
    return presentation


async def token_for(who: Holder, kind: str = "ID_CARD", relation: str = "HOLDER") -> str:
    certificate = await certificate_of(who, kind, relation)
    return str((await present(who, certificate["id"]))["token"])


async def clerk_token(
    gql: GraphQLClient, centre: str = CENTRE, role: StaffRole = StaffRole.CLERK
) -> str:
    found = await Centre.get(code=centre) if centre else None
    account, password = await make_staff(role, found.id if found else None)
    return await staff_token(gql, account, password)


async def clerk(
    gql: GraphQLClient, centre: str = CENTRE, role: StaffRole = StaffRole.CLERK
) -> GraphQLClient:
    return gql.with_token(await clerk_token(gql, centre, role))


async def verify(
    verifier: GraphQLClient, token: str, matter: str = ID_MATTER, case: str | None = None
) -> dict[str, Any]:
    result = await verifier(VERIFY, t=token, m=matter, c=case)
    assert not result.errors and result.data["verifyCertificate"]["errors"] == [], result
    verification: dict[str, Any] = result.data["verifyCertificate"]["verification"]
    return verification
