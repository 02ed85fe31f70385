"""GraphiQL, introspection and field suggestions: on for the embedded default, off for
anything else unless the settings say otherwise, and a start-up line saying which."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from strawberry.printer import print_schema

from backend.__main__ import export_schema_sdl
from backend.api import schema_for as build_schema
from backend.app import create_app
from backend.graphql.devtools import developer_tools
from backend.platform.broker import Broker
from backend.platform.infra import Infrastructure
from backend.settings import Settings, get_settings
from tests.conftest import capture_logs

INTROSPECTION = "{ __schema { queryType { name } } }"
TYPE_QUERY = '{ __type(name: "Centre") { fields { name } } }'
# Each of these gets a "Did you mean ...?" from graphql-core when suggestions are on.
MISSPELT: list[tuple[str, dict[str, Any] | None]] = [
    ("{ departments { nam } }", None),  # field
    ("{ centres(firs: 1) { totalCount } }", None),  # argument
    ("{ centres(filter: {serch: 1}) { totalCount } }", None),  # input field
    ("{ centres(filter: {kind: CENTR}) { totalCount } }", None),  # enum value
    ("query($f: CentreFiltr) { centres(filter: $f) { totalCount } }", None),  # type
    (
        "query($f: CentreFilter) { centres(filter: $f) { totalCount } }",
        {"f": {"kind": "CENTR"}},
    ),  # enum value in a variable
]
MISSPELT_FIELD = MISSPELT[0][0]
NO_INTROSPECTION = "本服务未开放 GraphQL 自省查询（__schema、__type）。"


def settings_for(database_url: str, **switches: bool | None) -> Settings:
    return get_settings().model_copy(
        update={
            "database_url": database_url,
            "migrate_on_start": False,
            "seed_on_start": False,
            **switches,
        }
    )


def embedded(**switches: bool | None) -> Settings:
    return settings_for("sqlite://var/elsewhere.sqlite3", **switches)


@pytest.fixture
def production(database_url: str) -> Callable[..., Settings]:
    def make(**switches: bool | None) -> Settings:
        return settings_for(database_url, **switches)

    return make


@asynccontextmanager
async def client_for(settings: Settings, broker: Broker) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, infrastructure=Infrastructure(settings, broker=broker))
    transport = httpx.ASGITransport(app=app, client=("203.0.113.20", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://tongban.test") as client:
        yield client


async def post(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    body: dict[str, Any] = response.json()
    return body


async def graphiql_served(client: httpx.AsyncClient) -> bool:
    response = await client.get("/graphql", headers={"accept": "text/html"})
    return response.status_code == 200 and "graphiql" in response.text.lower()


async def test_production_refuses_introspection_suggestions_and_graphiql(
    production: Callable[..., Settings], broker: Broker
) -> None:
    async with client_for(production(), broker) as client:
        for document in (INTROSPECTION, TYPE_QUERY):
            body = await post(client, document)
            assert body.get("data") is None
            assert [e["extensions"]["code"] for e in body["errors"]] == ["INTROSPECTION_DISABLED"]
            assert body["errors"][0]["message"] == NO_INTROSPECTION
        # __typename is not introspection: clients rely on it.
        assert await post(client, "{ __typename }") == {"data": {"__typename": "Query"}}
        for document, variables in MISSPELT:
            body = await post(client, document, variables)
            assert body["errors"], document
            for error in body["errors"]:
                assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED", document
                assert "Did you mean" not in error["message"], document
        assert not await graphiql_served(client)
        # The API itself works.
        body = await post(client, "{ departments { name } }")
        assert body["data"]["departments"]


async def test_the_embedded_default_keeps_them_on(broker: Broker, database_url: str) -> None:
    async with client_for(embedded(), broker) as client:
        body = await post(client, INTROSPECTION)
        assert body == {"data": {"__schema": {"queryType": {"name": "Query"}}}}
        fields = (await post(client, TYPE_QUERY))["data"]["__type"]["fields"]
        assert {"name": "code"} in fields
        for document, variables in MISSPELT:
            body = await post(client, document, variables)
            messages = " ".join(error["message"] for error in body["errors"])
            assert "Did you mean" in messages, document
        assert await graphiql_served(client)


async def test_an_explicit_setting_always_wins(
    production: Callable[..., Settings], broker: Broker
) -> None:
    opened = production(graphiql=True, introspection=True, field_suggestions=True)
    async with client_for(opened, broker) as client:
        assert "errors" not in await post(client, INTROSPECTION)
        assert "Did you mean" in (await post(client, MISSPELT_FIELD))["errors"][0]["message"]
        assert await graphiql_served(client)
    closed = embedded(graphiql=False, introspection=False, field_suggestions=False)
    async with client_for(closed, broker) as client:
        body = await post(client, INTROSPECTION)
        assert body["errors"][0]["extensions"]["code"] == "INTROSPECTION_DISABLED"
        assert "Did you mean" not in (await post(client, MISSPELT_FIELD))["errors"][0]["message"]
        assert not await graphiql_served(client)


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GRAPHIQL", "INTROSPECTION", "FIELD_SUGGESTIONS", "DATABASE_URL"):
        monkeypatch.delenv(f"TONGBAN_{name}", raising=False)
    assert developer_tools(Settings()).enabled() == [
        "GraphiQL",
        "introspection",
        "field suggestions",
    ]
    monkeypatch.setenv("TONGBAN_DATABASE_URL", "postgres://tongban@db:5432/tongban")
    assert developer_tools(Settings()).enabled() == []
    monkeypatch.setenv("TONGBAN_INTROSPECTION", "true")
    assert developer_tools(Settings()).enabled() == ["introspection"]
    monkeypatch.delenv("TONGBAN_DATABASE_URL")
    monkeypatch.setenv("TONGBAN_GRAPHIQL", "false")
    monkeypatch.setenv("TONGBAN_INTROSPECTION", "false")
    assert developer_tools(Settings()).enabled() == ["field suggestions"]


def test_start_up_says_so_in_one_line(database_url: str) -> None:
    with capture_logs("tongban") as lines:
        create_app(embedded())
    notices = [line for line in lines if "GraphiQL" in line or "introspection" in line]
    assert len(notices) == 1, lines
    assert notices[0].startswith(
        "development mode: GraphiQL, introspection and field suggestions are on;"
    )
    assert "TONGBAN_GRAPHIQL" in notices[0]

    with capture_logs("tongban") as lines:
        create_app(settings_for(database_url))
    assert lines == []

    with capture_logs("tongban") as lines:
        create_app(settings_for(database_url, introspection=True))
    assert len(lines) == 1
    assert lines[0].startswith("not for production: introspection is on;")


def test_every_variant_exports_the_full_schema(database_url: str) -> None:
    full = export_schema_sdl()
    assert "type Query" in full and "enum ErrorCode" in full
    closed = build_schema(settings_for(database_url))
    assert print_schema(closed) + "\n" == full


async def test_streamed_results_carry_no_suggestions_either(database_url: str) -> None:
    """Operations over WebSocket go through Schema.stream, not the HTTP path."""
    for settings, suggested in ((settings_for(database_url), False), (embedded(), True)):
        results = await build_schema(settings).stream(
            "subscription($f: CentreFiltr) { accountEvents(f: $f) { kind } }"
        )
        messages = [e.message async for r in results for e in r.errors or []]
        assert messages, settings.database_url
        assert any("Did you mean" in m for m in messages) is suggested
