"""node(id) resolves every Node type through its own resolve_nodes, with its own rules."""

from __future__ import annotations

import base64

from strawberry import relay

from backend.audit.models import AuditEvent
from backend.identity.models import StaffRole
from tests.conftest import GraphQLClient
from tests.identity.helpers import make_staff, sign_in, staff_token

AUDIT_NODE = """query($id: ID!) { node(id: $id) { __typename ... on AuditEvent { action } } }"""


def _gid(raw: str) -> str:
    return base64.b64encode(raw.encode()).decode()


async def test_audit_events_are_nodes_for_admins_only(gql: GraphQLClient) -> None:
    admin, password = await make_staff(StaffRole.ADMIN, None)
    token = await staff_token(gql, admin, password)  # writes an audit entry of its own
    entry = await AuditEvent.filter(action="identity.staff_login", actor_id=str(admin.id)).first()
    assert entry is not None
    gid = str(relay.GlobalID("AuditEvent", str(entry.id)))

    found = await gql.with_token(token)(AUDIT_NODE, id=gid)
    assert found.errors == []
    assert found.data == {"node": {"__typename": "AuditEvent", "action": "identity.staff_login"}}

    resident = await sign_in(gql)
    refused = await gql.with_token(resident["accessToken"])(AUDIT_NODE, id=gid)
    assert refused.codes == ["FORBIDDEN"] and refused.data is None


async def test_ids_beyond_the_key_column_and_non_node_types_are_invalid(gql: GraphQLClient) -> None:
    for bad in (_gid("Centre:2147483648"), _gid("Centre:99999999999999999999"), _gid("Query:1")):
        result = await gql("query($id: ID!) { node(id: $id) { id } }", id=bad)
        assert result.codes == ["INVALID_ID"], bad


async def test_node_round_trip_and_bad_ids(gql: GraphQLClient) -> None:
    first = await gql(
        "{ centres(first: 1) { edges { node { id code } } } "
        "matters(first: 1) { edges { node { id code department { id code } } } } }"
    )
    centre = first.data["centres"]["edges"][0]["node"]  # type: ignore[index]
    matter = first.data["matters"]["edges"][0]["node"]  # type: ignore[index]
    query = """query($id: ID!) { node(id: $id) { id __typename
        ... on Centre { code } ... on Matter { code } ... on Department { code } } }"""
    for expected in (centre, matter, matter["department"]):
        result = await gql(query, id=expected["id"])
        assert result.data["node"]["code"] == expected["code"]  # type: ignore[index]

    for bad in (
        "!!!",
        "",
        _gid("Centre"),
        _gid("Centre:abc"),
        _gid("Spaceship:1"),
        _gid("Centre:-4"),
    ):
        result = await gql(query, id=bad)
        assert result.codes == ["INVALID_ID"], bad
        assert result.data is None
    missing = await gql(query, id=_gid("Centre:99999999"))
    assert missing.codes == ["NOT_FOUND"]
