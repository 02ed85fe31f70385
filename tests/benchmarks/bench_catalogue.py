"""Benchmark: a nested page of centres with their matters and departments.

Prints SQL statement counts and latency for the GraphQL API (per-request DataLoaders) and,
measured in the same run on the same database, for a naive resolver that fetches each
centre's offerings and each matter's department one by one (the N+1 shape the loaders avoid).
The GraphQL page is measured twice: with the interpreter's default garbage collector, then
with the heap settled as the server settles it after start-up (backend/platform/runtime.py).

    .venv/bin/python -m tests.benchmarks.bench_catalogue           # PostgreSQL (test URL)
    .venv/bin/python -m tests.benchmarks.bench_catalogue --sqlite   # the embedded default
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from backend import db
from backend.api import schema_for
from backend.centres.models import Centre, LocalOffering
from backend.graphql.context import Context
from backend.matters.models import Department, Matter
from backend.platform import infra
from backend.platform.runtime import settle_heap
from backend.seeding import load_seed
from backend.settings import PROJECT_ROOT, get_settings
from tests.conftest import capture_logs, postgres_url_for, recreate_database

PAGE = 50
SCHEMA = schema_for(get_settings())
QUERY = """query($n: Int!) { centres(first: $n) { totalCount edges { node {
    name matters(first: 100) { totalCount edges { node { name department { name } } } }
} } } }"""


async def graphql_page() -> int:
    result = await SCHEMA.execute(
        QUERY, variable_values={"n": PAGE}, context_value=Context(request=None)
    )
    assert not result.errors, result.errors
    assert result.data is not None
    return len(result.data["centres"]["edges"])


async def naive_page() -> int:
    """What resolvers without loaders do: a query per centre and per matter's department."""
    centres = await Centre.all().order_by("code").limit(PAGE)
    for centre in centres:
        local_ids = await LocalOffering.filter(centre_id=centre.id).values_list(
            "matter_id", flat=True
        )
        matters = await Matter.filter(city_wide=True).order_by("code") + await Matter.filter(
            id__in=list(local_ids)
        )
        for matter in matters[:100]:
            await Department.get(id=matter.department_id)
    return len(centres)


async def measure(name: str, run: Callable[[], Awaitable[int]], repeats: int) -> float:
    with capture_logs("tortoise.db_client") as statements:
        await run()
    timings, cpu = [], []
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        await run()
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    median = statistics.median(timings)
    print(
        f"{name:<28} {len(statements):>6} SQL statements   median {median:8.1f} ms"
        f"   (CPU {statistics.median(cpu):7.1f} ms)"
    )
    return median


async def main(use_sqlite: bool, repeats: int) -> None:
    infra.install(infra.Infrastructure(get_settings()))
    with tempfile.TemporaryDirectory() as tmp:
        if use_sqlite:
            url = f"sqlite://{Path(tmp) / 'bench.sqlite3'}"
        else:
            await recreate_database("tongban_bench")
            url = postgres_url_for("tongban_bench")
        await db.apply_migrations(url)
        await db.connect(url)
        try:
            await load_seed(PROJECT_ROOT / "seed")
            print(f"{'sqlite' if use_sqlite else 'postgresql'}: {PAGE} centres x 100 matters")
            baseline = await measure("naive resolvers (baseline)", naive_page, repeats)
            loaders = await measure("GraphQL, default GC", graphql_page, repeats)
            print(f"speed-up: {baseline / loaders:.1f}x")
            settle_heap()
            settled = await measure("GraphQL, heap settled", graphql_page, repeats)
            print(
                f"speed-up: {baseline / settled:.1f}x; settling the heap: {loaders / settled:.1f}x"
            )
        finally:
            await db.disconnect()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.sqlite, args.repeats))
