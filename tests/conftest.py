"""Test fixtures: a real PostgreSQL database per xdist worker, real Redis, the real seed.

PostgreSQL and Redis must be running (scripts/test starts throwaway ones when they are not):
a test never falls back to a mock or skips because they are missing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import httpx
import pytest
import uvicorn
from redis import asyncio as redis_asyncio
from starlette.applications import Starlette

from backend import db
from backend.api import schema_for
from backend.graphql.context import Context
from backend.identity.authentication import Authentication
from backend.platform import infra, ratelimit
from backend.platform.broker import Broker, RedisBroker
from backend.platform.edge import UVICORN_OPTIONS
from backend.platform.infra import Infrastructure
from backend.platform.requestmeta import RequestMeta
from backend.platform.sharedcache import RedisCache
from backend.seeding import load_seed
from backend.settings import PROJECT_ROOT, get_settings

POSTGRES_URL = os.environ.get(
    "TONGBAN_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("TONGBAN_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
SEED_DIR = PROJECT_ROOT / "seed"


def worker_id() -> str:
    """This worker's name, prefixed by TONGBAN_TEST_TAG so that several checkouts can run
    their suites at once against one PostgreSQL and Redis without sharing databases."""
    tag = os.environ.get("TONGBAN_TEST_TAG", "")
    return f"{tag}{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"


def postgres_url_for(database: str) -> str:
    base, _, _ = POSTGRES_URL.rpartition("/")
    return f"{base}/{database}"


async def recreate_database(name: str) -> None:
    conn = await asyncpg.connect(POSTGRES_URL.replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


SCHEMA = schema_for(get_settings())


@pytest.fixture(scope="session", autouse=True)
async def infrastructure() -> AsyncIterator[Infrastructure]:
    """The process's container, as the app's lifespan would install it: real Redis for the
    broker, the rate limits and the shared cache (under a prefix of this run and worker)."""
    prefix = f"tongban-test:{worker_id()}:{uuid.uuid4().hex[:8]}:"
    container = Infrastructure(
        get_settings(),
        broker=RedisBroker(REDIS_URL),
        limiter=ratelimit.RedisRateLimiter(REDIS_URL, prefix),
        cache=RedisCache(REDIS_URL, prefix),
    )
    await container.start()
    infra.install(container)
    yield container
    infra.install(None)
    await container.stop()


@pytest.fixture(scope="session")
async def database_url(infrastructure: Infrastructure) -> AsyncIterator[str]:
    """A fresh PostgreSQL database for this worker, migrated, seeded, and connected."""
    name = f"tongban_test_{worker_id()}"
    await recreate_database(name)
    url = postgres_url_for(name)
    await db.apply_migrations(url)
    await db.connect(url)
    await load_seed(SEED_DIR)
    yield url
    await db.disconnect()


@pytest.fixture(scope="session")
def broker(infrastructure: Infrastructure) -> Broker:
    return infrastructure.broker


@pytest.fixture(scope="session")
def limiter(infrastructure: Infrastructure) -> ratelimit.RateLimiter:
    return infrastructure.limiter


@pytest.fixture
async def redis_client() -> AsyncIterator[redis_asyncio.Redis]:
    client = redis_asyncio.Redis.from_url(REDIS_URL)
    yield client
    await client.aclose()


@dataclass
class GraphQLResult:
    data: dict[str, Any] | None
    errors: list[dict[str, Any]] = field(default_factory=list)
    request_id: str = ""  # what the audit log records for this request: filter by it

    @property
    def codes(self) -> list[str | None]:
        return [e.get("extensions", {}).get("code") for e in self.errors]


class GraphQLClient:
    """Executes documents against the real schema with a fresh per-request context.

    `gql.with_token(access_token)` sends as that user (as `Authorization: Bearer` would).
    Every call is a request with a fresh id (`result.request_id`), unless the client was made
    with `with_request_id(...)`: a test finds what its own request wrote to the audit log by
    that id, never by "the newest rows", which other tests in the worker also write.
    """

    def __init__(
        self,
        authorization: str | None = None,
        client_address: str | None = None,
        request_id: str | None = None,
    ) -> None:
        self.authorization = authorization
        self.client_address = client_address
        self.request_id = request_id

    def with_token(self, token: str | None) -> GraphQLClient:
        return self.with_authorization(f"Bearer {token}" if token else None)

    def with_authorization(self, value: str | None) -> GraphQLClient:
        return GraphQLClient(value, self.client_address, self.request_id)

    def from_address(self, client_address: str) -> GraphQLClient:
        return GraphQLClient(self.authorization, client_address, self.request_id)

    def with_request_id(self, request_id: str) -> GraphQLClient:
        return GraphQLClient(self.authorization, self.client_address, request_id)

    async def __call__(self, query: str, **variables: Any) -> GraphQLResult:
        meta = RequestMeta.new(client_address=self.client_address, request_id=self.request_id)
        if self.request_id is not None:
            assert meta.request_id == self.request_id, "not an id RequestMeta keeps"
        context = Context(
            request=None,
            auth=Authentication.from_authorization(self.authorization),
            meta=meta,
        )
        result = await SCHEMA.execute(
            query, variable_values=variables or None, context_value=context
        )
        errors = [e.formatted for e in result.errors or []]
        return GraphQLResult(data=result.data, errors=errors, request_id=meta.request_id)


@pytest.fixture
def gql(database_url: str) -> GraphQLClient:
    return GraphQLClient()


def test_app(infrastructure: Infrastructure) -> Starlette:
    """The real app without its lifespan: the session fixtures own the database and the
    container."""
    from backend.app import create_app

    settings = get_settings().model_copy(update={"migrate_on_start": False, "seed_on_start": False})
    return create_app(settings, infrastructure=infrastructure)


@pytest.fixture
async def http(
    database_url: str, infrastructure: Infrastructure
) -> AsyncIterator[httpx.AsyncClient]:
    """HTTP against the real ASGI app in this event loop (no network)."""
    transport = httpx.ASGITransport(app=test_app(infrastructure), client=("203.0.113.10", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://tongban.test") as client:
        yield client


@dataclass
class LiveServer:
    url: str
    ws_url: str


@pytest.fixture
async def live_server(
    database_url: str, infrastructure: Infrastructure
) -> AsyncIterator[LiveServer]:
    """The real app served by uvicorn on a free port, in this event loop: for WebSocket
    clients and for libraries that fetch over real HTTP (PyJWKClient)."""
    config = uvicorn.Config(
        test_app(infrastructure),
        host="127.0.0.1",
        port=0,
        lifespan="off",
        log_level="warning",
        **UVICORN_OPTIONS,
    )
    server = uvicorn.Server(config)
    server.capture_signals = contextlib.nullcontext  # type: ignore[method-assign]  # test owns signals
    task = asyncio.create_task(server.serve())
    for _ in range(1000):
        if server.started:
            break
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield LiveServer(url=f"http://127.0.0.1:{port}", ws_url=f"ws://127.0.0.1:{port}")
    server.should_exit = True
    await task


class LogLines(logging.Handler):
    """Keeps every record it sees as formatted text, exception traces included."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@contextmanager
def capture_logs(logger_name: str, *also_at_debug: str) -> Iterator[list[str]]:
    """Every line `logger_name` ("" for all) logs at DEBUG; `also_at_debug` are lowered too."""
    handler = LogLines()
    loggers = [logging.getLogger(name) for name in (logger_name, *also_at_debug)]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    loggers[0].addHandler(handler)
    try:
        yield handler.lines
    finally:
        loggers[0].removeHandler(handler)
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def count_queries() -> AbstractContextManager[list[str]]:
    """The SQL statements Tortoise sends (its db_client logger sees each one)."""
    return capture_logs("tortoise.db_client")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Prints the `summary` a test recorded (record_property), also from xdist workers:
    the fuzzer's operations per role and error codes, for the issue note."""
    for kind in ("passed", "failed"):
        for report in terminalreporter.stats.get(kind, []):
            for name, value in getattr(report, "user_properties", []):
                if name == "summary" and report.when == "call":
                    terminalreporter.write_sep("-", f"summary of {report.nodeid}")
                    terminalreporter.write_line(str(value))
