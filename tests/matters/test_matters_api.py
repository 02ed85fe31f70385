"""Matters and departments through GraphQL (queries, types, service, loaders), against
PostgreSQL with the real seed."""

from __future__ import annotations

from backend.seeding import read_seed
from tests.conftest import SEED_DIR, GraphQLClient


async def test_totals(gql: GraphQLClient) -> None:
    result = await gql("{ matters { totalCount } departments { name } }")
    assert not result.errors
    assert result.data is not None
    assert result.data["matters"]["totalCount"] >= 160
    assert [d["name"] for d in result.data["departments"]][:3] == ["公安", "民政", "人社"]
    assert len(result.data["departments"]) == 11


async def test_matter_filters_partition_the_catalogue(gql: GraphQLClient) -> None:
    query = "query($f: MatterFilter) { matters(filter: $f) { totalCount } }"
    total = (await gql(query)).data["matters"]["totalCount"]  # type: ignore[index]
    levels = 0
    for level in ("FULLY_ONLINE", "PREREVIEW", "COUNTER"):
        levels += (await gql(query, f={"onlineLevel": level})).data["matters"]["totalCount"]  # type: ignore[index]
    assert levels == total
    city_wide = (await gql(query, f={"cityWide": True})).data["matters"]["totalCount"]  # type: ignore[index]
    local = (await gql(query, f={"cityWide": False})).data["matters"]["totalCount"]  # type: ignore[index]
    assert city_wide + local == total and local > 0

    residence = await gql(
        '{ matters(filter: {search: "居住证"}) { edges { node { name summary '
        "department { code } } } } }"
    )
    found = [e["node"] for e in residence.data["matters"]["edges"]]  # type: ignore[index]
    assert "居住证新办" in {n["name"] for n in found}
    assert all("居住证" in n["name"] + n["summary"] for n in found)
    assert any(n["department"]["code"] == "PUBLIC_SECURITY" for n in found)

    civil = await gql(
        '{ matters(filter: {departmentCode: "CIVIL_AFFAIRS"}, first: 100) '
        "{ edges { node { department { name } } } } }"
    )
    assert {e["node"]["department"]["name"] for e in civil.data["matters"]["edges"]} == {"民政"}  # type: ignore[index]


async def test_lookup_by_code(gql: GraphQLClient) -> None:
    seeded = next(m for m in read_seed(SEED_DIR, "matters.json") if m["code"] == "MZ001")
    result = await gql('{ matter(code: "MZ001") { name department { code } } }')
    assert not result.errors
    assert result.data == {
        "matter": {"name": seeded["name"], "department": {"code": seeded["department"]}}
    }
    unknown = await gql('{ matter(code: "ZZ999") { name } }')
    assert unknown.codes == ["NOT_FOUND"]
    assert unknown.errors[0]["extensions"]["field"] == "code"
