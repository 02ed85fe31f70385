"""Query cost: every operation is priced before it runs, and refused over the budget."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncGenerator
from typing import Any

import httpx
import pytest
from graphql import get_introspection_query, parse
from strawberry.types import ExecutionResult
from websockets.asyncio.client import connect

from backend.graphql.budget import Budget
from backend.graphql.context import Context
from backend.graphql.cost import QueryCostLimiter, operation_cost
from backend.graphql.errors import ErrorShaping
from backend.graphql.schema import TongbanSchema
from backend.settings import get_settings
from tests.conftest import SCHEMA as schema
from tests.conftest import GraphQLClient, LiveServer, count_queries

Query, Subscription = schema.query, schema.subscription

# The shape that took the server down (issue 7), legal under the depth (10), alias (15) and
# token (2,000) limits: 315 tokens, 1.2 KiB, 12 aliases. Aliased pages of 100 centres, each
# with 100 matters, plus the other list roots, all through fragments (before: 133 MB, 51 s).
BOMB = """query Bomb{a:centres(first:100){...P} b:centres(first:100,after:"Y3Vyc29yOjk5"){...P}
c:centres(first:100,after:"Y3Vyc29yOjE5OQ=="){...P} d:centres(first:100){...P}
e:centres(first:100){...P} f:centres(first:100){...P} g:centres(first:100){...P}
h:centres(first:100){...P} i:centres(first:100){...P} m:matters(first:100){...M}
n:matters(first:100,after:"Y3Vyc29yOjk5"){...M} o:matters(first:100){...M} departments{...D}
nearbyCentres(lat:31.23,lng:121.47,withinMinutes:120,first:100){distanceMeters
walkingMinutes centre{...C}}}
fragment P on CentreConnection{totalCount pageInfo{hasNextPage endCursor} edges{cursor node{...C}}}
fragment C on Centre{id code name shortName district districtCode kind address addressApproximate
phone isOpenAt location{latitude longitude approximate} parent{id code name}
branches{id code name address} openingHours{date dayType isOpenDay opensAt closesAt holidayName
source note} matters(first:100){...M}}
fragment M on MatterConnection{totalCount edges{cursor node{...X}}}
fragment X on Matter{id code name summary handlingMode onlineLevel cityWide promisedWorkingDays
eCertificatesAccepted materials{name eCertificate} department{...D}}
fragment D on Department{id code name fullName}"""

# The catalogue's nested page (tests/catalogue/test_catalogue_api.py): 50 centres, each with
# parent, branches, hours and 100 matters with their departments. It must stay allowed.
PAGE = """query($n: Int!) { centres(first: $n) { totalCount edges { node {
    name parent { name } branches { name }
    openingHours(date: "2026-10-01") { opensAt }
    matters(first: 100) { totalCount edges { node { name department { name } } } }
} } } }"""


def cost(query: str, **variables: Any) -> int | None:
    return operation_cost(
        schema._schema,
        parse(query),
        operation_name=None,
        variables=variables,
        max_page_size=get_settings().max_page_size,
    )


def test_the_bomb_is_a_legal_document_of_about_a_kilobyte() -> None:
    from graphql.language import Lexer, Source, TokenKind

    lexer, tokens = Lexer(Source(BOMB)), 0
    while lexer.advance().kind is not TokenKind.EOF:
        tokens += 1
    assert 300 <= tokens <= 350
    assert len(BOMB.encode()) < 1300
    assert BOMB.count(":centres(first:100") == 9


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # scalars cost nothing, an object 1
        ('{ centre(code: "310101-01") { name code } }', 1),
        ('{ centre(code: "310101-01") { name parent { name } location { latitude } } }', 3),
        # a list without first/last counts the page-size cap (100)
        ("{ departments { name } }", 100),
        # a connection: 1, plus first x (edge 1 + node 1); totalCount and scalars free
        ("{ centres(first: 10) { totalCount edges { node { name } } } }", 21),
        # pageInfo 1 each page; nested pages multiply: 2 + 10 x (1 + 1 + (1 + 5 x 3))
        (
            "{ centres(first: 10) { pageInfo { hasNextPage } edges { cursor node { name "
            "matters(first: 5) { edges { node { department { name } } } } } } } }",
            182,
        ),
        # without first/last: the cap; over the cap: the cap (the server refuses it anyway)
        ("{ centres { edges { node { name } } } }", 201),
        ("{ centres(first: 5000) { edges { node { name } } } }", 201),
        # both first and last: the smaller
        ("{ centres(first: 50, last: 3) { edges { node { name } } } }", 7),
        # a list's own first, and its declared default (nearbyCentres: first = 20)
        ("{ nearbyCentres(lat: 31.2, lng: 121.5, first: 3) { centre { name } } }", 6),
        ("{ nearbyCentres(lat: 31.2, lng: 121.5) { centre { name } } }", 40),
        # an interface costs its most expensive type: Centre (1 + 3 x 2) over Matter (1)
        (
            'query { node(id: "x") { id ... on Centre { matters(first: 3) { edges { node '
            "{ name } } } } ... on Matter { department { name } } } }",
            8,
        ),
        # introspection and __typename are free (GraphiQL must keep working)
        ("{ __typename __schema { types { name fields { name args { name } } } } }", 0),
        # fields merged by response key count once, as execution resolves them once
        ('{ centre(code: "a") { parent { name } parent { code } } }', 2),
    ],
)
def test_the_price_of_small_queries(query: str, expected: int) -> None:
    assert cost(query) == expected


def test_the_catalogue_page_is_priced_and_under_the_limit() -> None:
    # 1 + 50 x (edge 1 + node 1 + parent 1 + branches 100 + hours 1 + matters (1 + 100 x 3))
    assert cost(PAGE, n=50) == 20_251
    assert cost(PAGE, n=50) <= get_settings().max_query_cost  # type: ignore[operator]
    assert cost(BOMB) > 100 * get_settings().max_query_cost  # type: ignore[operator]


def test_variables_count_with_their_values() -> None:
    assert cost(PAGE, n=2) == 1 + 2 * 405
    assert cost(PAGE, n=50) == 1 + 50 * 405
    with_default = "query($n: Int = 7) { centres(first: $n) { edges { node { name } } } }"
    assert cost(with_default) == 1 + 7 * 2
    assert cost(with_default, n=3) == 1 + 3 * 2
    assert cost(with_default, n=None) == 1 + 100 * 2  # null: the server's default page
    skip = """query($s: Boolean!) {
        centres(first: 10) { edges { node { parent @skip(if: $s) { name } } } } }"""
    assert cost(skip, s=True) == 21
    assert cost(skip, s=False) == 31
    # Variables that do not coerce: execution refuses them without running anything.
    assert cost(PAGE, n="fifty") is None


def test_fragments_count_like_the_fields_they_stand_for() -> None:
    inline = "{ centres(first: 4) { edges { node { name parent { name } } } } }"
    spread = """{ centres(first: 4) { ...Page } }
        fragment Page on CentreConnection { edges { node { ...Centre } } }
        fragment Centre on Centre { name parent { name } }"""
    typed_inline = """{ centres(first: 4) {
        edges { node { ... on Centre { name parent { name } } } } } }"""
    assert cost(inline) == cost(spread) == cost(typed_inline) == 1 + 4 * 3
    # A fragment spread on every page counts on every page.
    twice = """{ a: centres(first: 4) { ...Page } b: centres(first: 2) { ...Page } }
        fragment Page on CentreConnection { edges { node { parent { name } } } }"""
    assert cost(twice) == (1 + 4 * 3) + (1 + 2 * 3)


def test_pricing_a_fan_out_of_fragments_stays_cheap() -> None:
    """Sixteen levels of fragments, each selecting two lists of the next: 2^16 paths and a
    price too large to write out, priced in milliseconds because each distinct selection is
    priced once. (Validation would refuse this depth; the point is the analysis itself.)"""
    levels = 16
    fragments = [
        f"fragment F{i} on Centre {{ parent {{ ...F{i + 1} }} branches {{ ...F{i + 1} }} }}"
        for i in range(levels)
    ]
    document = '{ centre(code: "x") { ...F0 } }\n' + "\n".join(fragments)
    document += f"\nfragment F{levels} on Centre {{ name }}"
    started = time.perf_counter()
    price = cost(document)
    assert (time.perf_counter() - started) < 0.1
    assert price is not None and price > 100**levels


async def test_an_over_budget_query_is_refused_before_any_sql(gql: GraphQLClient) -> None:
    with count_queries() as statements:
        result = await gql(BOMB)
    assert result.codes == ["QUERY_TOO_COSTLY"]
    assert result.data is None
    assert statements == []
    error = result.errors[0]
    assert error["extensions"] == {
        "code": "QUERY_TOO_COSTLY",
        "cost": cost(BOMB),
        "limit": get_settings().max_query_cost,
    }
    assert "查询开销过大" in error["message"]


async def test_the_catalogue_page_still_runs(gql: GraphQLClient) -> None:
    result = await gql(PAGE, n=50)
    assert not result.errors
    assert len(result.data["centres"]["edges"]) == 50  # type: ignore[index]


async def test_introspection_for_graphiql_still_works(gql: GraphQLClient) -> None:
    result = await gql(get_introspection_query(descriptions=True))
    assert not result.errors
    assert len(result.data["__schema"]["types"]) > 30  # type: ignore[index]


def _schema_with_budget(max_cost: int) -> TongbanSchema:
    def tight(context: object) -> Budget:
        return Budget(max_cost=max_cost, timeout_seconds=5, max_response_bytes=1 << 20)

    return TongbanSchema(
        query=Query,
        subscription=Subscription,
        extensions=[lambda: QueryCostLimiter(tight), ErrorShaping],
    )


async def test_a_subscription_is_priced_per_event(database_url: str) -> None:
    """accountEvents { kind at } costs 1 per event: refused under a budget of 0, before
    even asking who is signed in; under a budget of 1 it gets as far as authentication."""
    query = "subscription { accountEvents { kind at } }"

    async def first(max_cost: int) -> ExecutionResult:
        stream: AsyncGenerator[ExecutionResult, None] = await _schema_with_budget(
            max_cost
        ).subscribe(query, context_value=Context(request=None))
        try:
            return await anext(stream)
        finally:
            await stream.aclose()

    refused = await first(0)
    assert refused.errors is not None
    assert refused.errors[0].extensions == {"code": "QUERY_TOO_COSTLY", "cost": 1, "limit": 0}
    allowed = await first(1)
    assert allowed.errors is not None
    assert allowed.errors[0].extensions["code"] == "UNAUTHENTICATED"  # type: ignore[index]


async def _post_timed(client: httpx.AsyncClient, url: str) -> tuple[float, dict[str, Any]]:
    started = time.perf_counter()
    response = await client.post(f"{url}/graphql", json={"query": BOMB})
    assert response.status_code == 200, response.text
    return time.perf_counter() - started, response.json()


async def test_the_bomb_is_refused_in_milliseconds_by_a_real_server(
    live_server: LiveServer,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await client.get(f"{live_server.url}/healthz")  # a warm connection pool
        elapsed, body = await _post_timed(client, live_server.url)
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
        assert elapsed < 0.5, elapsed  # milliseconds in fact; room for a loaded CI machine

        # Over GET as well (queries are allowed over GET).
        started = time.perf_counter()
        response = await client.get(f"{live_server.url}/graphql", params={"query": BOMB})
        elapsed = time.perf_counter() - started
        assert response.json()["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
        assert elapsed < 0.5, elapsed  # milliseconds in fact; room for a loaded CI machine

        # Five at once (what made /healthz answer 503), with /healthz asked meanwhile.
        async def health() -> tuple[float, int]:
            started = time.perf_counter()
            response = await client.get(f"{live_server.url}/healthz")
            return time.perf_counter() - started, response.status_code

        results = await asyncio.gather(
            *[_post_timed(client, live_server.url) for _ in range(5)], health()
        )
        *bombs, (health_elapsed, health_status) = results
        for elapsed, body in bombs:
            assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
            assert elapsed < 0.5, elapsed
        assert health_status == 200
        assert health_elapsed < 0.5, health_elapsed


async def test_the_bomb_is_refused_over_websocket_too(live_server: LiveServer) -> None:
    async with connect(
        f"{live_server.ws_url}/graphql",
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
    ) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
        assert json.loads(await asyncio.wait_for(ws.recv(), 10))["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": BOMB}}))
        message = json.loads(await asyncio.wait_for(ws.recv(), 10))
        assert message["type"] == "next", message
        assert message["payload"]["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
