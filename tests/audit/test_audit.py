"""The append-only audit log: sign-ins, failed attempts, denials, reveals."""

from __future__ import annotations

import asyncpg
import pytest
from tortoise import connections
from tortoise.exceptions import OperationalError

from backend.audit.models import AppendOnlyError, AuditEvent, AuditOutcome
from backend.audit.service import ANONYMOUS, record
from backend.identity.models import StaffRole
from tests.conftest import GraphQLClient
from tests.identity.helpers import (
    LOGIN,
    REQUEST_CODE,
    STAFF_LOGIN,
    VERIFY,
    latest_code,
    make_staff,
    new_phone,
    registry_person,
    sign_in,
    staff_token,
)

# Raw SQL reaches asyncpg's own error; ORM queries get Tortoise's translation of it.
REFUSED = (OperationalError, asyncpg.exceptions.RaiseError)
EVENTS = """query($f: AuditEventFilter, $first: Int) { auditEvents(filter: $f, first: $first) {
    totalCount edges { node { action outcome reason actorKind actorId targetKind targetId
    requestId details } } } }"""


async def test_sign_ins_and_failed_attempts_are_recorded(gql: GraphQLClient) -> None:
    phone = new_phone()
    await gql(REQUEST_CODE, phone=phone)
    code = await latest_code(phone)
    await gql(LOGIN, phone=phone, code=f"{(int(code) + 1) % 10**6:06d}")
    result = await gql(LOGIN, phone=phone, code=code)
    resident_pk = result.data["login"]["resident"]["id"]  # type: ignore[index]
    assert resident_pk

    logins = await AuditEvent.filter(action="identity.login").order_by("-id").limit(2)
    success, failure = logins
    assert (success.outcome, success.actor_kind) == (AuditOutcome.SUCCESS, "resident")
    assert (failure.outcome, failure.reason, failure.actor_kind) == (
        AuditOutcome.FAILURE,
        "OTP_INVALID",
        "anonymous",
    )
    assert success.target_id == failure.target_id  # the same phone, by its keyed hash
    assert phone not in (success.target_id or "")
    assert success.details.get("session")


async def test_staff_sign_in_failures_and_real_name_attempts(gql: GraphQLClient) -> None:
    account, password = await make_staff(StaffRole.ADMIN, None)
    await gql(STAFF_LOGIN, u=account.username, p="nope")
    await gql(STAFF_LOGIN, u=account.username, p=password)
    staff_events = await AuditEvent.filter(action="identity.staff_login").order_by("-id").limit(2)
    success, failure = staff_events
    assert (success.outcome, success.target_kind, success.target_id, success.actor_id) == (
        AuditOutcome.SUCCESS,
        "staff",
        str(account.id),
        str(account.id),
    )
    # A failed attempt names the username by keyed hash only: it may be a mistyped password.
    assert (failure.outcome, failure.reason, failure.target_kind) == (
        AuditOutcome.FAILURE,
        "INVALID_CREDENTIALS",
        "username",
    )
    assert account.username not in (failure.target_id or "")

    tokens = await sign_in(gql)
    person = await registry_person()
    client = gql.with_token(tokens["accessToken"])
    await client(VERIFY, name="错名字", idNumber=person.id_number)
    await client(VERIFY, name=person.name, idNumber=person.id_number)
    attempts = await AuditEvent.filter(action="identity.real_name.verify").order_by("-id").limit(2)
    assert [(e.outcome, e.reason, e.details.get("registry")) for e in attempts] == [
        (AuditOutcome.SUCCESS, None, "MATCH"),
        (AuditOutcome.FAILURE, "REAL_NAME_MISMATCH", "MISMATCH"),
    ]


async def test_permission_denials_and_reveals_are_recorded(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    client = gql.with_token(tokens["accessToken"])
    denied = await client('{ staffMembers(centreCode: "310101-01") { username } }')
    assert denied.codes == ["FORBIDDEN"]
    event = await AuditEvent.filter(action="permission.denied").order_by("-id").first()
    assert event is not None
    assert (event.outcome, event.reason, event.target_id, event.actor_kind) == (
        AuditOutcome.DENIED,
        "STAFF_ONLY",
        "Query.staffMembers",
        "resident",
    )

    await client("{ me { resident { personalData { phone } } } }")
    reveal = await AuditEvent.filter(action="identity.personal_data.reveal").order_by("-id").first()
    assert reveal is not None and reveal.outcome is AuditOutcome.SUCCESS
    assert reveal.target_kind == "resident" and reveal.actor_kind == "resident"

    expired = await gql.with_token("x.y.z")(
        '{ staffMembers(centreCode: "310101-01") { username } }'
    )
    assert expired.codes == ["UNAUTHENTICATED"]
    bad_token = await AuditEvent.filter(action="permission.denied").order_by("-id").first()
    assert bad_token is not None and bad_token.reason == "TOKEN_INVALID"


async def test_the_log_is_append_only(database_url: str) -> None:
    event = await record("test.append_only", AuditOutcome.SUCCESS, actor=ANONYMOUS)
    event.reason = "tampered"
    with pytest.raises(AppendOnlyError):
        await event.save()
    with pytest.raises(AppendOnlyError):
        await event.delete()
    connection = connections.get("default")
    with pytest.raises(REFUSED, match="append-only"):
        await connection.execute_query(
            "UPDATE audit_event SET reason = 'x' WHERE id = $1", [event.id]
        )
    with pytest.raises(REFUSED, match="append-only"):
        await connection.execute_query("DELETE FROM audit_event WHERE id = $1", [event.id])
    with pytest.raises(REFUSED, match="append-only"):
        await AuditEvent.filter(id=event.id).update(reason="x")
    with pytest.raises(REFUSED, match="append-only"):
        await AuditEvent.filter(id=event.id).delete()
    stored = await AuditEvent.get(id=event.id)
    assert stored.reason is None


async def test_admins_read_the_log_and_nobody_else(gql: GraphQLClient) -> None:
    admin, password = await make_staff(StaffRole.ADMIN, None)
    admin_client = gql.with_token(await staff_token(gql, admin, password))
    result = await admin_client(
        EVENTS, f={"action": "identity.staff_login", "outcome": "SUCCESS"}, first=5
    )
    assert result.errors == []
    page = result.data["auditEvents"]  # type: ignore[index]
    assert page["totalCount"] >= 1
    assert all(e["node"]["action"] == "identity.staff_login" for e in page["edges"])

    clerk, clerk_password = await make_staff(StaffRole.CLERK, await _centre_id())
    as_clerk = await gql.with_token(await staff_token(gql, clerk, clerk_password))(EVENTS)
    assert as_clerk.codes == ["FORBIDDEN"]
    assert as_clerk.errors[0]["extensions"]["reason"] == "ADMIN_ONLY"
    assert (await gql(EVENTS)).codes == ["UNAUTHENTICATED"]


async def _centre_id() -> int:
    from backend.centres.models import Centre

    return (await Centre.get(code="310101-01")).id
