"""An operation's time and answer size are bounded; a client that hangs up stops the work."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import strawberry
import uvicorn
from starlette.applications import Starlette
from starlette.routing import Route

from backend.graphql.budget import Budget
from backend.graphql.cost import QueryCostLimiter
from backend.graphql.errors import ErrorShaping
from backend.graphql.schema import TongbanSchema
from backend.graphql.view import GraphQLApp
from backend.identity.authentication import authenticate
from backend.platform.infra import Infrastructure
from backend.settings import get_settings
from tests.conftest import SCHEMA as schema
from tests.conftest import capture_logs
from tests.conftest import test_app as real_app
from tests.graphql.test_cost import PAGE


@dataclass
class Probe:
    """What the slow resolver of the test-only schema went through."""

    started: asyncio.Event = field(default_factory=asyncio.Event)
    cancelled: asyncio.Event = field(default_factory=asyncio.Event)
    finished: asyncio.Event = field(default_factory=asyncio.Event)


def slow_app(probe: Probe, budget: Budget) -> Starlette:
    """The real view over a test-only schema whose `slow` field takes as long as it is told."""

    @strawberry.type
    class SlowQuery:
        @strawberry.field
        async def slow(self, seconds: float) -> str:
            probe.started.set()
            try:
                await asyncio.sleep(seconds)
            except asyncio.CancelledError:
                probe.cancelled.set()
                raise
            probe.finished.set()
            return "done"

    def policy(context: object) -> Budget:
        return budget

    slow_schema = TongbanSchema(
        query=SlowQuery, extensions=[lambda: QueryCostLimiter(policy), ErrorShaping]
    )
    view = GraphQLApp(slow_schema, authenticator=authenticate, graphiql=False, budget=policy)
    return Starlette(routes=[Route("/graphql", view, methods=["GET", "POST"])])


def budget(**changes: float) -> Budget:
    values: dict[str, float] = {
        "max_cost": 1000,
        "timeout_seconds": 30,
        "max_response_bytes": 1 << 20,
        **changes,
    }
    return Budget(
        max_cost=int(values["max_cost"]),
        timeout_seconds=values["timeout_seconds"],
        max_response_bytes=int(values["max_response_bytes"]),
    )


@contextlib.asynccontextmanager
async def in_process(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://tongban.test") as client:
        yield client


@contextlib.asynccontextmanager
async def served(app: Starlette) -> AsyncIterator[tuple[str, int]]:
    """`app` behind a real uvicorn on a free port, in this event loop."""
    config = uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="off", log_level="warning")
    server = uvicorn.Server(config)
    server.capture_signals = contextlib.nullcontext  # type: ignore[method-assign]
    task = asyncio.create_task(server.serve())
    try:
        for _ in range(1000):
            if server.started:
                break
            await asyncio.sleep(0.01)
        yield "127.0.0.1", server.servers[0].sockets[0].getsockname()[1]
    finally:
        server.should_exit = True
        await task


async def test_an_operation_over_its_time_is_cancelled_and_answered_operation_timeout() -> None:
    probe = Probe()
    async with in_process(slow_app(probe, budget(timeout_seconds=0.3))) as client:
        with capture_logs("tongban.graphql") as lines:
            started = time.perf_counter()
            response = await client.post("/graphql", json={"query": "{ slow(seconds: 30) }"})
            elapsed = time.perf_counter() - started
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {"code": "OPERATION_TIMEOUT", "timeoutSeconds": 0.3}
    assert "查询超时" in body["errors"][0]["message"]
    assert 0.3 <= elapsed < 3, elapsed
    assert probe.cancelled.is_set() and not probe.finished.is_set()
    assert any("over its time budget of 0.3 s" in line for line in lines), lines


async def test_an_operation_within_its_time_answers() -> None:
    probe = Probe()
    async with in_process(slow_app(probe, budget(timeout_seconds=5))) as client:
        response = await client.get("/graphql", params={"query": "{ slow(seconds: 0.05) }"})
    assert response.json() == {"data": {"slow": "done"}}
    assert probe.finished.is_set() and not probe.cancelled.is_set()


async def test_a_client_that_hangs_up_cancels_its_operation_on_the_server() -> None:
    """Over a real socket: the client sends an operation that would take 60 s, waits until
    the server is running it, then closes the connection. The server must cancel it at once
    (before, uvicorn let it run on and computed an answer for nobody)."""
    probe = Probe()
    app = slow_app(probe, budget(timeout_seconds=120))
    body = json.dumps({"query": "{ slow(seconds: 60) }"}).encode()
    request = (
        b"POST /graphql HTTP/1.1\r\nHost: tongban.test\r\nContent-Type: application/json\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )
    async with served(app) as (host, port):
        with capture_logs("tongban.graphql") as lines:
            _reader, writer = await asyncio.open_connection(host, port)
            writer.write(request)
            await writer.drain()
            await asyncio.wait_for(probe.started.wait(), 10)
            assert not probe.cancelled.is_set()
            hung_up = time.perf_counter()
            writer.close()
            await writer.wait_closed()
            await asyncio.wait_for(probe.cancelled.wait(), 10)
            reaction = time.perf_counter() - hung_up
            for _ in range(100):  # the log line follows the cancellation
                if lines:
                    break
                await asyncio.sleep(0.01)
    assert not probe.finished.is_set()
    assert reaction < 2, reaction
    disconnects = [line for line in lines if "client disconnected" in line]
    assert len(disconnects) == 1, lines
    assert "slow" not in disconnects[0]  # one line, no query text


async def test_an_answer_over_the_cap_is_replaced_by_response_too_large(
    database_url: str, infrastructure: Infrastructure
) -> None:
    def small(context: object) -> Budget:
        return budget(max_response_bytes=1000)

    app = real_app(infrastructure)
    small_view = GraphQLApp(schema, authenticator=authenticate, graphiql=False, budget=small)
    app.router.routes.insert(0, Route("/small/graphql", small_view, methods=["GET", "POST"]))
    async with in_process(app) as client:
        fits = await client.post("/small/graphql", json={"query": "{ departments { code } }"})
        assert len(fits.content) <= 1000
        assert len(fits.json()["data"]["departments"]) == 11
        with capture_logs("tongban.graphql") as lines:
            big = await client.post(
                "/small/graphql", json={"query": "{ departments { id code name fullName } }"}
            )
        full = await client.post(
            "/graphql", json={"query": "{ departments { id code name fullName } }"}
        )
    assert big.status_code == 200
    assert big.headers["content-length"] == str(len(big.content))
    assert big.headers["x-request-id"]
    answer = big.json()
    assert answer["data"] is None
    assert answer["errors"][0]["extensions"] == {
        "code": "RESPONSE_TOO_LARGE",
        "size": len(full.content),
        "limit": 1000,
    }
    assert "查询结果过大" in answer["errors"][0]["message"]
    assert len(full.content) > 1000 and "fullName" in full.text
    assert any("not sent: over the cap of 1000" in line for line in lines), lines


async def test_the_catalogue_page_fits_the_default_caps(
    database_url: str, infrastructure: Infrastructure
) -> None:
    async with in_process(real_app(infrastructure)) as client:
        started = time.perf_counter()
        response = await client.post("/graphql", json={"query": PAGE, "variables": {"n": 50}})
        elapsed = time.perf_counter() - started
    settings = get_settings()
    assert "errors" not in response.json()
    assert len(response.json()["data"]["centres"]["edges"]) == 50
    assert len(response.content) < settings.max_response_bytes / 2, len(response.content)
    assert elapsed < settings.operation_timeout_seconds
