"""Test fixtures: a real PostgreSQL database per xdist worker, real Redis, the real seed.

PostgreSQL and Redis must be running (scripts/test starts throwaway ones when they are not):
a test never falls back to a mock or skips because they are missing.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import asyncpg
import pytest
from redis import asyncio as redis_asyncio

from backend import db
from backend.graphql.context import Context
from backend.graphql.schema import schema
from backend.platform.broker import Broker, RedisBroker
from backend.seeding import load_seed
from backend.settings import PROJECT_ROOT

POSTGRES_URL = os.environ.get(
    "TONGBAN_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("TONGBAN_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
SEED_DIR = PROJECT_ROOT / "seed"


def worker_id() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


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


@pytest.fixture(scope="session")
async def database_url() -> AsyncIterator[str]:
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
async def broker() -> AsyncIterator[Broker]:
    broker = RedisBroker(REDIS_URL)
    await broker.connect()
    yield broker
    await broker.disconnect()


@pytest.fixture
async def redis_client() -> AsyncIterator[redis_asyncio.Redis]:
    client = redis_asyncio.Redis.from_url(REDIS_URL)
    yield client
    await client.aclose()


@dataclass
class GraphQLResult:
    data: dict[str, Any] | None
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def codes(self) -> list[str | None]:
        return [e.get("extensions", {}).get("code") for e in self.errors]


class GraphQLClient:
    """Executes documents against the real schema with a fresh per-request context."""

    def __init__(self, broker: Broker | None) -> None:
        self.broker = broker

    async def __call__(self, query: str, **variables: Any) -> GraphQLResult:
        result = await schema.execute(
            query,
            variable_values=variables or None,
            context_value=Context(request=None, broker=self.broker),
        )
        errors = [e.formatted for e in result.errors or []]
        return GraphQLResult(data=result.data, errors=errors)


@pytest.fixture
def gql(database_url: str, broker: Broker) -> GraphQLClient:
    return GraphQLClient(broker)


class QueryCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.statements.append(record.getMessage())


@contextmanager
def count_queries() -> Iterator[QueryCounter]:
    """Counts SQL statements Tortoise sends (its db_client logger sees each one)."""
    log = logging.getLogger("tortoise.db_client")
    counter = QueryCounter()
    previous = log.level
    log.setLevel(logging.DEBUG)
    log.addHandler(counter)
    try:
        yield counter
    finally:
        log.removeHandler(counter)
        log.setLevel(previous)
