"""Centres through GraphQL (queries, types, service, loaders), against PostgreSQL with the
real seed."""

from __future__ import annotations

import base64

from backend.seeding import read_seed
from tests.conftest import SEED_DIR, GraphQLClient, count_queries


async def test_totals(gql: GraphQLClient) -> None:
    result = await gql("{ centres { totalCount } }")
    assert not result.errors
    assert result.data is not None
    assert result.data["centres"]["totalCount"] >= 215


async def test_walking_every_page_visits_every_centre_once(gql: GraphQLClient) -> None:
    query = """query($after: String) { centres(first: 7, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }"""
    seen: list[str] = []
    after = None
    while True:
        result = await gql(query, after=after) if after else await gql(query)
        assert not result.errors
        page = result.data["centres"]  # type: ignore[index]
        seen += [e["node"]["code"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == page["totalCount"]


async def test_last_and_before_page_backwards(gql: GraphQLClient) -> None:
    result = await gql("{ centres(first: 3) { edges { cursor node { code } } } }")
    edges = result.data["centres"]["edges"]  # type: ignore[index]
    back = await gql(
        "query($b: String) { centres(last: 1, before: $b) { pageInfo { hasPreviousPage } "
        "edges { node { code } } } }",
        b=edges[2]["cursor"],
    )
    assert [e["node"]["code"] for e in back.data["centres"]["edges"]] == [  # type: ignore[index]
        edges[1]["node"]["code"]
    ]
    assert back.data["centres"]["pageInfo"]["hasPreviousPage"]  # type: ignore[index]


async def test_absurd_pagination_is_refused_with_codes(gql: GraphQLClient) -> None:
    too_many = await gql("{ centres(first: 1000000) { totalCount } }")
    assert too_many.codes == ["PAGE_SIZE_TOO_LARGE"]
    assert "100" in too_many.errors[0]["message"]
    assert too_many.errors[0]["extensions"]["field"] == "first"

    negative = await gql("{ matters(last: -1) { totalCount } }")
    assert negative.codes == ["INVALID_PAGINATION"]

    forged = base64.b64encode(b"offset:9").decode()
    for cursor in ("not-a-cursor", forged, "%%%"):
        bad = await gql("query($c: String) { centres(after: $c) { totalCount } }", c=cursor)
        assert bad.codes == ["INVALID_CURSOR"], cursor

    nested = await gql(
        "{ centres(first: 1) { edges { node { matters(first: 101) { totalCount } } } } }"
    )
    assert nested.codes == ["PAGE_SIZE_TOO_LARGE"]


async def test_filters(gql: GraphQLClient) -> None:
    query = """query($f: CentreFilter) { centres(filter: $f, first: 100) {
        totalCount edges { node { code name district districtCode kind parent { code } } } } }"""
    by_name = await gql(query, f={"district": "黄浦区"})
    by_code = await gql(query, f={"district": "310101"})
    assert by_name.data == by_code.data
    nodes = [e["node"] for e in by_name.data["centres"]["edges"]]  # type: ignore[index]
    assert nodes and all(n["district"] == "黄浦区" for n in nodes)

    branches = await gql(query, f={"kind": "BRANCH"})
    branch_nodes = [e["node"] for e in branches.data["centres"]["edges"]]  # type: ignore[index]
    assert branch_nodes and all(n["kind"] == "BRANCH" and n["parent"] for n in branch_nodes)

    wuliqiao = await gql(query, f={"search": "五里桥"})
    names = [e["node"]["name"] for e in wuliqiao.data["centres"]["edges"]]  # type: ignore[index]
    assert "黄浦区五里桥街道社区事务受理服务中心" in names


async def test_search_input_is_data_not_sql(gql: GraphQLClient) -> None:
    query = "query($f: CentreFilter) { centres(filter: $f) { totalCount } }"
    for text in ("'; DROP TABLE centre; --", "%", "_", "\\"):
        result = await gql(query, f={"search": text})
        assert not result.errors, text
        assert result.data["centres"]["totalCount"] == 0, text  # type: ignore[index]
    still_there = await gql("{ centres { totalCount } }")
    assert still_there.data["centres"]["totalCount"] > 0  # type: ignore[index]

    too_long = await gql(query, f={"search": "街" * 51})
    assert too_long.codes == ["INVALID_INPUT"]


async def _offered_codes(gql: GraphQLClient, centre_code: str) -> tuple[set[str], int]:
    """Every matter code a centre offers, paging through its matters connection."""
    query = """query($c: String!, $after: String) { centre(code: $c) {
        matters(first: 100, after: $after) { totalCount
        pageInfo { hasNextPage endCursor } edges { node { code } } } } }"""
    codes: set[str] = set()
    after = None
    while True:
        page = (await gql(query, c=centre_code, after=after)).data["centre"]["matters"]  # type: ignore[index]
        codes |= {e["node"]["code"] for e in page["edges"]}
        if not page["pageInfo"]["hasNextPage"]:
            return codes, page["totalCount"]
        after = page["pageInfo"]["endCursor"]


async def test_centre_offers_every_city_wide_matter_plus_its_local_ones(gql: GraphQLClient) -> None:
    matters = read_seed(SEED_DIR, "matters.json")
    city_wide = {m["code"] for m in matters if m["city_wide"]}
    rows = read_seed(SEED_DIR, "centres.json")
    with_local = next(r for r in rows if r["local_matters"])
    without_local = next(r for r in rows if not r["local_matters"])

    offered, total = await _offered_codes(gql, with_local["code"])
    assert offered == city_wide | set(with_local["local_matters"])
    assert total == len(offered)

    offered, total = await _offered_codes(gql, without_local["code"])
    assert offered == city_wide
    assert total == len(city_wide)


async def test_nested_page_costs_a_constant_number_of_queries(gql: GraphQLClient) -> None:
    query = """query($n: Int!) { centres(first: $n) { totalCount edges { node {
        name parent { name } branches { name }
        openingHours(date: "2026-10-01") { opensAt }
        matters(first: 100) { totalCount edges { node { name department { name } } } }
    } } } }"""
    with count_queries() as small:
        small_result = await gql(query, n=2)
    with count_queries() as large:
        large_result = await gql(query, n=50)
    assert not small_result.errors and not large_result.errors
    large_edges = large_result.data["centres"]["edges"]  # type: ignore[index]
    assert len(large_edges) == min(50, large_result.data["centres"]["totalCount"])  # type: ignore[index]
    # count, page, parents, branches, hours overrides, city-wide matters, local offerings,
    # local matters, departments: nine statements whether the page has 2 centres or 50.
    assert len(large) == len(small) <= 9, large


async def test_lookup_by_code(gql: GraphQLClient) -> None:
    result = await gql('{ centre(code: "310101-01") { name district } }')
    assert not result.errors
    assert result.data["centre"]["district"] == "黄浦区"  # type: ignore[index]
    unknown = await gql('{ centre(code: "nope") { name } }')
    assert unknown.codes == ["NOT_FOUND"]


async def test_nearby_centres(gql: GraphQLClient) -> None:
    centre = await gql('{ centre(code: "310101-01") { code location { latitude longitude } } }')
    loc = centre.data["centre"]["location"]  # type: ignore[index]
    query = """query($lat: Float!, $lng: Float!, $m: Int!) {
        nearbyCentres(lat: $lat, lng: $lng, withinMinutes: $m) {
        distanceMeters walkingMinutes centre { code } } }"""
    result = await gql(query, lat=loc["latitude"], lng=loc["longitude"], m=30)
    found = result.data["nearbyCentres"]  # type: ignore[index]
    assert found[0]["centre"]["code"] == "310101-01"
    assert found[0]["distanceMeters"] == 0 and found[0]["walkingMinutes"] == 1
    distances = [f["distanceMeters"] for f in found]
    assert distances == sorted(distances)
    assert all(f["walkingMinutes"] <= 30 for f in found)

    far_away = await gql(query, lat=39.9, lng=116.4, m=15)  # Beijing
    assert far_away.data["nearbyCentres"] == []  # type: ignore[index]

    for lat, lng, minutes, code in (
        (91.0, 121.0, 15, "INVALID_COORDINATES"),
        (31.0, -181.0, 15, "INVALID_COORDINATES"),
        (31.0, 121.0, 0, "INVALID_INPUT"),
        (31.0, 121.0, 100000, "INVALID_INPUT"),
    ):
        bad = await gql(query, lat=lat, lng=lng, m=minutes)
        assert bad.codes == [code]


async def test_opening_hours_through_the_api(gql: GraphQLClient) -> None:
    result = await gql(
        """{ centre(code: "310101-01") {
            holiday: openingHours(date: "2026-10-01") {
                dayType opensAt closesAt holidayName source }
            weekday: openingHours(date: "2026-11-23") { dayType closesAt }
            lunch: isOpenAt(at: "2026-11-23T12:10:00+08:00")
            evening: isOpenAt(at: "2026-11-23T17:00:00+08:00")
            saturdayAfternoon: isOpenAt(at: "2026-11-21T14:00:00")
        } }"""
    )
    assert not result.errors
    centre = result.data["centre"]  # type: ignore[index]
    assert centre["holiday"] == {
        "dayType": "REST_DAY",
        "opensAt": "08:30:00",
        "closesAt": "11:30:00",
        "holidayName": "国庆节",
        "source": "CITY_RULE",
    }
    assert centre["weekday"]["closesAt"] == "16:30:00"
    assert centre["lunch"] and not centre["evening"] and not centre["saturdayAfternoon"]

    bad = await gql(
        '{ centre(code: "310101-01") { openingHours(date: "2026-02-30") { opensAt } } }'
    )
    assert bad.codes == ["GRAPHQL_VALIDATION_FAILED"]
