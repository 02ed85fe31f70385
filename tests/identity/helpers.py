"""Helpers for identity tests: fresh phone numbers, ID numbers and staff per test, codes
read from the development SMS outbox (as a developer would), and signing in."""

from __future__ import annotations

import random
import re
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import strawberry

from backend.identity import seed as identity_seed
from backend.identity.consents import LegalDocumentKind, document
from backend.identity.idnumber import make_id_number
from backend.identity.models import StaffAccount, StaffRole
from backend.identity.sms import outbox_messages
from backend.identity.staff import hash_password
from tests.conftest import GraphQLClient

_rng = random.SystemRandom()
_CODE_IN_TEXT = re.compile(r"(?<!\d)(\d{6})(?!\d)")

REQUEST_CODE = """mutation($phone: String!) { requestLoginCode(phone: $phone) {
    sent expiresInSeconds resendAfterSeconds errors { field message code } } }"""
LOGIN = """mutation($phone: String!, $code: String!) { login(phone: $phone, code: $code) {
    tokens { accessToken refreshToken tokenType accessTokenExpiresAt refreshTokenExpiresAt }
    resident { id phone verified }
    errors { field message code } } }"""
# Verification with the separate ID-number consent the form asks for (its current version).
ID_CONSENT_VERSION = document(LegalDocumentKind.SENSITIVE_ID_NUMBER).version
VERIFY = """mutation($name: String!, $idNumber: String!) {
    verifyRealName(name: $name, idNumber: $idNumber, consentVersion: "VERSION") {
        resident { id verified realName idNumber phone } errors { field message code } } }
""".replace("VERSION", ID_CONSENT_VERSION)
REFRESH = """mutation($t: String!) { refreshToken(refreshToken: $t) {
    tokens { accessToken refreshToken } errors { field message code } } }"""
LOGOUT = """mutation($t: String) { logout(refreshToken: $t) { ok errors { field code } } }"""
STAFF_LOGIN = """mutation($u: String!, $p: String!) { staffLogin(username: $u, password: $p) {
    tokens { accessToken refreshToken } staff { id username role centre { code } }
    errors { field message code } } }"""
ME = """{ me { role verified resident { id phone realName idNumber verified }
    staff { id username role centre { code } } } }"""


def node_pk(global_id: str) -> str:
    """The database id behind a relay global ID (what the audit log names)."""
    return strawberry.relay.GlobalID.from_id(global_id).node_id


def new_phone() -> str:
    return f"139{_rng.randrange(10**8):08d}"


def new_id_number(address: str = "310101") -> str:
    born = date(1950, 1, 1) + timedelta(days=_rng.randrange(365 * 50))
    return make_id_number(address, born, _rng.randrange(1, 1000))


@dataclass(frozen=True)
class Person:
    name: str
    id_number: str


async def registry_person(name: str = "周晓梅") -> Person:
    """Someone the embedded population registry knows."""
    person = Person(name, new_id_number())
    await identity_seed.load_population_registry(
        [{"name": person.name, "id_number": person.id_number}]
    )
    return person


async def latest_code(phone: str) -> str:
    messages = await outbox_messages(phone, limit=1)
    assert messages, "no SMS in the outbox"
    match = _CODE_IN_TEXT.search(messages[0].text)
    assert match, "no code in the SMS"
    return match.group(1)


async def sign_in(gql: GraphQLClient, phone: str | None = None) -> dict[str, str]:
    phone = phone or new_phone()
    sent = await gql(REQUEST_CODE, phone=phone)
    assert sent.data and sent.data["requestLoginCode"]["errors"] == [], sent
    result = await gql(LOGIN, phone=phone, code=await latest_code(phone))
    assert result.data and result.data["login"]["errors"] == [], result
    tokens: dict[str, str] = result.data["login"]["tokens"]
    return {**tokens, "phone": phone, "residentId": result.data["login"]["resident"]["id"]}


async def verified_resident(gql: GraphQLClient) -> tuple[dict[str, str], Person]:
    tokens = await sign_in(gql)
    person = await registry_person()
    result = await gql.with_token(tokens["accessToken"])(
        VERIFY, name=person.name, idNumber=person.id_number
    )
    assert result.data and result.data["verifyRealName"]["errors"] == [], result
    return tokens, person


async def make_staff(
    role: StaffRole, centre_id: int | None, password: str = "correct horse battery"
) -> tuple[StaffAccount, str]:
    username = f"t-{role.value.lower()}-{uuid.uuid4().hex[:8]}"
    account = await StaffAccount.create(
        username=username,
        password_hash=hash_password(password),
        display_name="测试人员",
        role=role,
        centre_id=centre_id,
    )
    return account, password


async def staff_token(gql: GraphQLClient, account: StaffAccount, password: str) -> str:
    result = await gql(STAFF_LOGIN, u=account.username, p=password)
    assert result.data and result.data["staffLogin"]["errors"] == [], result
    token: str = result.data["staffLogin"]["tokens"]["accessToken"]
    return token
