"""Benchmark: what pricing every operation (backend/graphql/cost.py) adds to a request.

For a few queries the phone app and the back office send, prints the time of the cost
analysis alone and the end-to-end execution time through the real schema with and without
the cost extension, measured in the same run on the same database, interleaved (one with,
one without, ...) so that load on the machine hits both alike.

    .venv/bin/python -m tests.benchmarks.bench_cost            # PostgreSQL (test URL)
    .venv/bin/python -m tests.benchmarks.bench_cost --sqlite   # the embedded default
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from graphql import parse

from backend import db
from backend.api import schema_for
from backend.graphql.context import Context
from backend.graphql.cost import QueryCostLimiter, operation_cost
from backend.graphql.schema import TongbanSchema
from backend.platform import infra
from backend.seeding import load_seed
from backend.settings import PROJECT_ROOT, get_settings
from tests.conftest import postgres_url_for, recreate_database, worker_id

CENTRE_LIST_ITEM = """fragment CentreListItem on Centre {
  code name shortName district kind address addressApproximate isOpenAt }"""
MATTER_LIST_ITEM = """fragment MatterListItem on Matter {
  code name handlingMode onlineLevel cityWide promisedWorkingDays department { code name } }"""
PAGE = "totalCount pageInfo { hasNextPage endCursor }"

QUERIES: list[tuple[str, str, dict[str, Any], int]] = [
    (
        "PWA centre list, 20",
        f"""query Centres($filter: CentreFilter, $first: Int, $after: String) {{
  centres(filter: $filter, first: $first, after: $after) {{
    {PAGE} edges {{ node {{ ...CentreListItem }} }} }} }}
{CENTRE_LIST_ITEM}""",
        {"first": 20},
        100,
    ),
    (
        "PWA search, 10 + 10",
        f"""query Search($search: String!, $first: Int) {{
  matters(filter: {{ search: $search }}, first: $first) {{
    {PAGE} edges {{ node {{ ...MatterListItem }} }} }}
  centres(filter: {{ search: $search }}, first: $first) {{
    {PAGE} edges {{ node {{ ...CentreListItem }} }} }} }}
{MATTER_LIST_ITEM}
{CENTRE_LIST_ITEM}""",
        {"search": "居住证", "first": 10},
        100,
    ),
    (
        "catalogue page, 50 x 100",
        """query($n: Int!) { centres(first: $n) { totalCount edges { node {
    name parent { name } branches { name }
    openingHours(date: "2026-10-01") { opensAt }
    matters(first: 100) { totalCount edges { node { name department { name } } } }
} } } }""",
        {"n": 50},
        5,
    ),
]


schema = schema_for(get_settings())


def without_cost(full: TongbanSchema) -> TongbanSchema:
    """The same schema object, minus the cost extension."""
    bare = copy.copy(full)
    bare.extensions = [e for e in full.extensions if not isinstance(e(), QueryCostLimiter)]
    assert len(bare.extensions) == len(full.extensions) - 1
    return bare


async def execute(target: TongbanSchema, query: str, variables: dict[str, Any]) -> float:
    started = time.perf_counter()
    result = await target.execute(
        query, variable_values=variables, context_value=Context(request=None)
    )
    elapsed = (time.perf_counter() - started) * 1000
    assert not result.errors, result.errors
    return elapsed


def analysis_ms(query: str, variables: dict[str, Any], repeats: int) -> tuple[float, int]:
    document = parse(query)
    cap = get_settings().max_page_size
    price = 0
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        found = operation_cost(
            schema._schema, document, operation_name=None, variables=variables, max_page_size=cap
        )
        timings.append((time.perf_counter() - started) * 1000)
        price = found or 0
    return statistics.median(timings), price


async def main(use_sqlite: bool, scale: float) -> None:
    infra.install(infra.Infrastructure(get_settings()))
    bare = without_cost(schema)
    with tempfile.TemporaryDirectory() as tmp:
        if use_sqlite:
            url = f"sqlite://{Path(tmp) / 'bench.sqlite3'}"
        else:
            name = f"tongban_bench_{worker_id()}"
            await recreate_database(name)
            url = postgres_url_for(name)
        await db.apply_migrations(url)
        await db.connect(url)
        try:
            await load_seed(PROJECT_ROOT / "seed")
            print(f"{'sqlite' if use_sqlite else 'postgresql'}: medians, same run, interleaved")
            print(
                f"{'query':<26} {'cost':>6} {'analysis':>10} {'with cost':>11} "
                f"{'without':>11} {'ratio':>7} {'analysis/without':>17}"
            )
            for label, query, variables, repeats in QUERIES:
                repeats = max(3, int(repeats * scale))
                analysis, price = analysis_ms(query, variables, repeats)
                for target in (schema, bare):  # warm up both (parser and validation caches)
                    await execute(target, query, variables)
                with_cost, without = [], []
                for _ in range(repeats):
                    with_cost.append(await execute(schema, query, variables))
                    without.append(await execute(bare, query, variables))
                a, b = statistics.median(with_cost), statistics.median(without)
                print(
                    f"{label:<26} {price:>6} {analysis:>8.3f}ms {a:>9.2f}ms {b:>9.2f}ms "
                    f"{a / b:>6.3f}x {analysis / b:>16.3%}"
                )
        finally:
            await db.disconnect()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--scale", type=float, default=1.0, help="more or fewer repeats")
    args = parser.parse_args()
    asyncio.run(main(args.sqlite, args.scale))
