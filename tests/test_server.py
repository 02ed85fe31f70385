"""The real server over real sockets: HTTP and a graphql-transport-ws WebSocket.

Two deployments: the embedded default (SQLite file, in-process broker, seed loaded on
start) and the production shape (PostgreSQL + Redis).
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from redis import asyncio as redis_asyncio
from websockets.exceptions import ConnectionClosedError
from websockets.sync.client import connect

from tests.conftest import REDIS_URL, SEED_DIR, postgres_url_for, recreate_database, worker_id
from tests.realserver import embedded_env, start_server

TOTALS = "{ centres { totalCount } matters { totalCount } departments { name } }"


@pytest.fixture(scope="module")
def embedded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    var = tmp_path_factory.mktemp("embedded")
    yield from start_server(embedded_env(var), var / "server.log")


@pytest.fixture(scope="module")
async def production_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    var = tmp_path_factory.mktemp("production")
    name = f"tongban_server_{worker_id()}"
    await recreate_database(name)
    env = {
        "TONGBAN_DATABASE_URL": postgres_url_for(name),
        "TONGBAN_REDIS_URL": REDIS_URL,
        "TONGBAN_VAR_DIR": str(var),
        "TONGBAN_SEED_DIR": str(SEED_DIR),
    }
    for base in start_server(env, var / "server.log"):
        yield base


@pytest.fixture(scope="module")
async def two_instances(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[list[str]]:
    """Two app instances on one PostgreSQL and one Redis, as behind a load balancer."""
    var = tmp_path_factory.mktemp("pair")  # shared: both sign with the same keys
    name = f"tongban_pair_{worker_id()}"
    await recreate_database(name)
    env = {
        "TONGBAN_DATABASE_URL": postgres_url_for(name),
        "TONGBAN_REDIS_URL": REDIS_URL,
        "TONGBAN_REDIS_KEY_PREFIX": f"pair-{uuid.uuid4().hex[:8]}:",
        "TONGBAN_VAR_DIR": str(var),
        "TONGBAN_SEED_DIR": str(SEED_DIR),
    }
    first = start_server(env, var / "a.log")
    # The second waits for the first to migrate and seed, as docker/compose.yaml does.
    second = start_server(
        {**env, "TONGBAN_MIGRATE_ON_START": "false", "TONGBAN_SEED_ON_START": "false"},
        var / "b.log",
    )
    bases = [next(first), next(second)]
    yield [*bases, env["TONGBAN_REDIS_KEY_PREFIX"]]
    for server in (first, second):
        next(server, None)


def _post(base: str, query: str, token: str | None = None, **variables: object) -> dict:  # type: ignore[type-arg]
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(
        f"{base}/graphql",
        json={"query": query, "variables": variables},
        headers=headers,
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def _ws_query(base: str, query: str) -> dict:  # type: ignore[type-arg]
    url = base.replace("http://", "ws://") + "/graphql"
    with connect(url, subprotocols=["graphql-transport-ws"], open_timeout=10) as ws:  # type: ignore[list-item]
        ws.send(json.dumps({"type": "connection_init", "payload": {}}))
        assert json.loads(ws.recv(timeout=10))["type"] == "connection_ack"
        ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
        message = json.loads(ws.recv(timeout=10))
        assert message["type"] == "next", message
        assert json.loads(ws.recv(timeout=10)) == {"id": "1", "type": "complete"}
        return message["payload"]  # type: ignore[no-any-return]


def _check_deployment(base: str, broker: str) -> None:
    health = httpx.get(f"{base}/healthz", timeout=5).json()
    assert health == {"status": "ok", "database": "ok", "broker": broker}

    over_http = _post(base, TOTALS)["data"]
    over_ws = _ws_query(base, TOTALS)["data"]
    assert over_http == over_ws
    # The bar, as a resident's app would see it on a fresh start.
    assert over_http["centres"]["totalCount"] >= 215
    assert over_http["matters"]["totalCount"] >= 160
    assert len(over_http["departments"]) == 11

    # Bad requests get a clear answer, never a 500 or a trace.
    page = _post(base, "{ centres(first: 1000000) { totalCount } }")
    assert page["errors"][0]["extensions"]["code"] == "PAGE_SIZE_TOO_LARGE"
    not_json = httpx.post(
        f"{base}/graphql", content=b"{nope", headers={"content-type": "application/json"}
    )
    assert not_json.status_code == 400
    assert "Traceback" not in not_json.text
    huge = httpx.post(f"{base}/graphql", json={"query": "{ departments { name } }" + " " * 300_000})
    assert huge.status_code == 413
    assert huge.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"


def test_embedded_default_over_real_sockets(embedded_server: str) -> None:
    _check_deployment(embedded_server, "memory")
    assert "通办" in httpx.get(f"{embedded_server}/", timeout=5).text


def test_postgres_and_redis_over_real_sockets(production_server: str) -> None:
    _check_deployment(production_server, "redis")


async def test_an_event_on_one_instance_reaches_a_subscriber_on_the_other(
    two_instances: list[str],
) -> None:
    instance_a, instance_b, prefix = two_instances
    login = _post(
        instance_a,
        "mutation($u: String!, $p: String!) { staffLogin(username: $u, password: $p) "
        "{ tokens { accessToken } errors { code } } }",
        u="wlq-clerk1",
        p="tongban-demo",
    )["data"]["staffLogin"]
    assert login["errors"] == []
    token = login["tokens"]["accessToken"]

    url = instance_a.replace("http://", "ws://") + "/graphql"
    with connect(url, subprotocols=["graphql-transport-ws"], open_timeout=10) as ws:  # type: ignore[list-item]
        ws.send(
            json.dumps({"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}})
        )
        assert json.loads(ws.recv(timeout=10))["type"] == "connection_ack"
        ws.send(
            json.dumps(
                {
                    "id": "events",
                    "type": "subscribe",
                    "payload": {"query": "subscription { accountEvents { kind reason } }"},
                }
            )
        )
        await _wait_for_redis_subscription(f"{prefix}*")

        # Signing out through instance B ends the session that instance A is serving.
        logout = _post(instance_b, "mutation { logout { ok errors { code } } }", token)
        assert logout["data"]["logout"] == {"ok": True, "errors": []}

        event = json.loads(ws.recv(timeout=10))
        assert event["type"] == "next", event
        assert event["payload"]["data"]["accountEvents"] == {
            "kind": "SESSION_REVOKED",
            "reason": "LOGOUT",
        }
        assert json.loads(ws.recv(timeout=10)) == {"id": "events", "type": "complete"}


async def _wait_for_redis_subscription(pattern: str) -> None:
    client = redis_asyncio.Redis.from_url(REDIS_URL)
    try:
        for _ in range(200):
            if await client.pubsub_channels(pattern):
                return
            await asyncio.sleep(0.025)
        raise AssertionError("the subscription never reached Redis")
    finally:
        await client.aclose()


def test_websocket_refuses_the_legacy_protocol(embedded_server: str) -> None:
    url = embedded_server.replace("http://", "ws://") + "/graphql"
    with pytest.raises(ConnectionClosedError) as refused:
        with connect(url, subprotocols=["graphql-ws"], open_timeout=10) as ws:  # type: ignore[list-item]
            ws.recv(timeout=5)
    assert refused.value.rcvd is not None
    assert refused.value.rcvd.code == 4406  # Subprotocol not acceptable
