"""The append-only audit log itself: what a refusal writes, that rows cannot change, and
that only admins read it. Each test finds its own rows by its request id or actor."""

from __future__ import annotations

import asyncpg
import pytest
from tortoise import connections
from tortoise.exceptions import OperationalError

from backend.audit.models import AppendOnlyError, AuditEvent, AuditOutcome
from backend.audit.service import ANONYMOUS, record
from backend.identity.models import StaffRole
from tests.conftest import GraphQLClient
from tests.identity.helpers import make_staff, node_pk, sign_in, staff_token

# Raw SQL reaches asyncpg's own error; ORM queries get Tortoise's translation of it.
REFUSED = (OperationalError, asyncpg.exceptions.RaiseError)
EVENTS = """query($f: AuditEventFilter, $first: Int) { auditEvents(filter: $f, first: $first) {
    totalCount edges { node { action outcome reason actorKind actorId targetKind targetId
    requestId details } } } }"""
STAFF_MEMBERS = '{ staffMembers(centreCode: "310101-01") { username } }'


async def test_permission_denials_are_recorded(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    client = gql.with_token(tokens["accessToken"])
    denied = await client(STAFF_MEMBERS)
    assert denied.codes == ["FORBIDDEN"]
    (event,) = await AuditEvent.filter(request_id=denied.request_id)
    assert (
        event.action,
        event.outcome,
        event.reason,
        event.target_kind,
        event.target_id,
        event.actor_kind,
        event.actor_id,
    ) == (
        "permission.denied",
        AuditOutcome.DENIED,
        "STAFF_ONLY",
        "field",
        "Query.staffMembers",
        "resident",
        node_pk(tokens["residentId"]),
    )

    expired = await gql.with_token("x.y.z")(STAFF_MEMBERS)
    assert expired.codes == ["UNAUTHENTICATED"]
    (bad_token,) = await AuditEvent.filter(request_id=expired.request_id)
    assert (bad_token.action, bad_token.reason, bad_token.target_id, bad_token.actor_kind) == (
        "permission.denied",
        "TOKEN_INVALID",
        "Query.staffMembers",
        "anonymous",
    )


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
    # This admin's own sign-in, found by its actor: exactly one, whatever else the log holds.
    own = await admin_client(
        EVENTS, f={"action": "identity.staff_login", "actorKind": "staff", "actorId": str(admin.id)}
    )
    assert [
        (e["node"]["outcome"], e["node"]["targetKind"], e["node"]["targetId"])
        for e in own.data["auditEvents"]["edges"]  # type: ignore[index]
    ] == [("SUCCESS", "staff", str(admin.id))]

    clerk, clerk_password = await make_staff(StaffRole.CLERK, await _centre_id())
    as_clerk = await gql.with_token(await staff_token(gql, clerk, clerk_password))(EVENTS)
    assert as_clerk.codes == ["FORBIDDEN"]
    assert as_clerk.errors[0]["extensions"]["reason"] == "ADMIN_ONLY"
    assert (await gql(EVENTS)).codes == ["UNAUTHENTICATED"]


async def _centre_id() -> int:
    from backend.centres.models import Centre

    return (await Centre.get(code="310101-01")).id
