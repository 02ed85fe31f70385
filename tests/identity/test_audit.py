"""What identity writes to the audit log: sign-ins, failed attempts, real-name checks,
reveals of personal data. Each test finds its rows by the request ids it made."""

from __future__ import annotations

from backend.audit.models import AuditEvent, AuditOutcome
from backend.identity.models import PhoneRef, StaffRole
from backend.platform import infra
from tests.conftest import GraphQLClient
from tests.identity.helpers import (
    LOGIN,
    REQUEST_CODE,
    STAFF_LOGIN,
    VERIFY,
    latest_code,
    make_staff,
    new_phone,
    node_pk,
    registry_person,
    sign_in,
)


def _keyed(purpose: str, value: str) -> str:
    """The short keyed hash identity names a phone or username by in the log."""
    return infra.current().cipher.blind_index(purpose, value)[:16]


async def _one(request_id: str, action: str) -> AuditEvent:
    """The single entry `action` of one request."""
    (event,) = await AuditEvent.filter(request_id=request_id, action=action)
    return event


async def test_sign_ins_and_failed_attempts_are_recorded(gql: GraphQLClient) -> None:
    phone = new_phone()
    await gql(REQUEST_CODE, phone=phone)
    code = await latest_code(phone)
    failed = await gql(LOGIN, phone=phone, code=f"{(int(code) + 1) % 10**6:06d}")
    result = await gql(LOGIN, phone=phone, code=code)
    resident_pk = result.data["login"]["resident"]["id"]  # type: ignore[index]
    assert resident_pk

    success = await _one(result.request_id, "identity.login")
    failure = await _one(failed.request_id, "identity.login")
    assert (success.outcome, success.actor_kind) == (AuditOutcome.SUCCESS, "resident")
    assert (failure.outcome, failure.reason, failure.actor_kind) == (
        AuditOutcome.FAILURE,
        "OTP_INVALID",
        "anonymous",
    )
    # The same phone, by its random alias (erasing the account deletes the alias), never
    # the number itself nor its keyed hash.
    ref = await PhoneRef.get(phone_hash=infra.current().cipher.blind_index("phone", phone))
    assert (success.target_kind, success.target_id) == ("phone", ref.ref)
    assert (failure.target_kind, failure.target_id) == ("phone", ref.ref)
    assert success.target_id not in infra.current().cipher.blind_index("phone", phone)
    assert phone not in success.target_id
    assert success.details.get("session")


async def test_staff_sign_in_failures_and_real_name_attempts(gql: GraphQLClient) -> None:
    account, password = await make_staff(StaffRole.ADMIN, None)
    wrong = await gql(STAFF_LOGIN, u=account.username, p="nope")
    right = await gql(STAFF_LOGIN, u=account.username, p=password)
    success = await _one(right.request_id, "identity.staff_login")
    failure = await _one(wrong.request_id, "identity.staff_login")
    assert (success.outcome, success.target_kind, success.target_id, success.actor_id) == (
        AuditOutcome.SUCCESS,
        "staff",
        str(account.id),
        str(account.id),
    )
    # A failed attempt names the username by keyed hash only: it may be a mistyped password.
    assert (failure.outcome, failure.reason, failure.target_kind, failure.target_id) == (
        AuditOutcome.FAILURE,
        "INVALID_CREDENTIALS",
        "username",
        _keyed("username", account.username),
    )
    assert account.username not in failure.target_id

    tokens = await sign_in(gql)
    person = await registry_person()
    client = gql.with_token(tokens["accessToken"])
    mismatch = await client(VERIFY, name="错名字", idNumber=person.id_number)
    match = await client(VERIFY, name=person.name, idNumber=person.id_number)
    attempts = [
        await _one(match.request_id, "identity.real_name.verify"),
        await _one(mismatch.request_id, "identity.real_name.verify"),
    ]
    assert [(e.outcome, e.reason, e.details.get("registry")) for e in attempts] == [
        (AuditOutcome.SUCCESS, None, "MATCH"),
        (AuditOutcome.FAILURE, "REAL_NAME_MISMATCH", "MISMATCH"),
    ]
    resident = ("resident", node_pk(tokens["residentId"]))
    assert {(e.target_kind, e.target_id) for e in attempts} == {resident}


async def test_reveals_of_personal_data_are_recorded(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    client = gql.with_token(tokens["accessToken"])
    revealed = await client("{ me { resident { personalData { phone } } } }")
    assert revealed.errors == []
    reveal = await _one(revealed.request_id, "identity.personal_data.reveal")
    assert reveal.outcome is AuditOutcome.SUCCESS
    assert reveal.target_kind == "resident" and reveal.actor_kind == "resident"
    assert reveal.target_id == reveal.actor_id == node_pk(tokens["residentId"])
