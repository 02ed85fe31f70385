"""Real app instances (`python -m backend serve`, tests/realserver.py) on one PostgreSQL
database and one Redis, as behind a load balancer: for the cross-instance tests and the
benchmark. They share this process's var/ (signing and PII keys), so sessions opened here
are accepted there."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REDIS_URL
from tests.realserver import start_server


@contextlib.contextmanager
def instances(database_url: str, count: int, logs: Path, **extra: str) -> Iterator[list[str]]:
    env = {
        "TONGBAN_DATABASE_URL": database_url + "?maxsize=20",
        "TONGBAN_REDIS_URL": REDIS_URL,
        "TONGBAN_MIGRATE_ON_START": "false",
        "TONGBAN_SEED_ON_START": "false",
        # The shared 2-core test machine runs at a load of 10-14: hundreds of requests at
        # once queue for seconds, which is what these tests measure, not a runaway query.
        "TONGBAN_OPERATION_TIMEOUT_SECONDS": "120",
        **extra,
    }
    servers = [start_server(env, logs / f"instance-{i}.log") for i in range(count)]
    try:
        yield [next(server) for server in servers]
    finally:
        for server in servers:
            next(server, None)
