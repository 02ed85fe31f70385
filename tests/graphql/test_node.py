"""node(id): any Node type resolves through its own resolve_nodes; bad IDs get codes."""

from __future__ import annotations

import base64

from tests.conftest import GraphQLClient


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

    def gid(raw: str) -> str:
        return base64.b64encode(raw.encode()).decode()

    for bad in ("!!!", "", gid("Centre"), gid("Centre:abc"), gid("Spaceship:1"), gid("Centre:-4")):
        result = await gql(query, id=bad)
        assert result.codes == ["INVALID_ID"], bad
        assert result.data is None
    missing = await gql(query, id=gid("Centre:99999999"))
    assert missing.codes == ["NOT_FOUND"]
