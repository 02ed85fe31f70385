"""Benchmark: the GraphQL API against a raw Starlette route over the same 20 centres.

Starts the real server (`backend.server.serve`, the production uvicorn options) as a separate
process, with one extra route, `/bench/raw-centres`: a hand-written Starlette endpoint that
reads the same 20 centres (and the total count) through the same ORM and answers them as
JSON. Both are driven by wrk (Debian package `wrk`; scripts/lib.sh `ensure_wrk` installs it)
in the same run, with the same connections, and req/s and the ratio to the raw route are
printed for:

- POST, full document (no cache of the answer: POSTs are always executed);
- POST, persisted query (APQ: only the sha256 hash; the document's parse and validation
  are cached, the answer is not);
- GET, persisted query (the response cache: in-process LRU on SQLite, Redis on PostgreSQL);
- GET, persisted query with If-None-Match (HTTP cache revalidation: 304, no body).

    .venv/bin/python -m tests.benchmarks.bench_api               # PostgreSQL + Redis, then SQLite
    .venv/bin/python -m tests.benchmarks.bench_api --only sqlite  # the embedded default only
    .venv/bin/python -m tests.benchmarks.bench_api --duration 10 --rounds 3 --connections 32

The ratio is the time of one request relative to the raw route's (raw req/s / req/s): below
1 means faster than the raw route (a cached answer reads no database).

A scenario the server does not answer correctly (e.g. persisted queries on a build without
them) is reported as such, not timed.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx

from backend.settings import PROJECT_ROOT

RAW_PATH = "/bench/raw-centres"
QUERY = (
    "{ centres(first: 20) { totalCount edges { node { code name district address "
    "location { latitude longitude } } } } }"
)
QUERY_HASH = hashlib.sha256(QUERY.encode()).hexdigest()
PERSISTED = {"persistedQuery": {"version": 1, "sha256Hash": QUERY_HASH}}


# The server side: the real app plus the raw route, in one process.


def serve(port: int) -> None:
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from backend.app import create_app
    from backend.centres.models import Centre
    from backend.server import serve as run_server
    from backend.settings import get_settings

    async def raw_centres(request: Request) -> JSONResponse:
        total = await Centre.all().count()
        rows = await Centre.all().order_by("code").limit(20)
        edges = [
            {
                "node": {
                    "code": c.code,
                    "name": c.name,
                    "district": c.district,
                    "address": c.address,
                    "location": {"latitude": c.latitude, "longitude": c.longitude},
                }
            }
            for c in rows
        ]
        return JSONResponse({"data": {"centres": {"totalCount": total, "edges": edges}}})

    app = create_app()
    app.router.routes.insert(0, Route(RAW_PATH, raw_centres))
    run_server(app, "127.0.0.1", port, get_settings())


# The driving side.


@dataclass
class Scenario:
    name: str
    method: str
    path: str
    body: str | None = None
    headers: dict[str, str] | None = None
    expect_status: int = 200


def scenarios(etag: str | None) -> list[Scenario]:
    get_params = urlencode({"extensions": json.dumps(PERSISTED, separators=(",", ":"))})
    json_headers = {"Content-Type": "application/json"}
    found = [
        Scenario("raw Starlette route (baseline)", "GET", RAW_PATH),
        Scenario(
            "GraphQL POST, full document",
            "POST",
            "/graphql",
            json.dumps({"query": QUERY}),
            json_headers,
        ),
        Scenario(
            "GraphQL POST, persisted hash",
            "POST",
            "/graphql",
            json.dumps({"extensions": PERSISTED}),
            json_headers,
        ),
        Scenario("GraphQL GET, persisted (response cache)", "GET", f"/graphql?{get_params}"),
    ]
    if etag:
        found.append(
            Scenario(
                "GraphQL GET, If-None-Match (304)",
                "GET",
                f"/graphql?{get_params}",
                headers={"If-None-Match": etag},
                expect_status=304,
            )
        )
    return found


def check(base: str, scenario: Scenario, expected: object) -> str | None:
    """None when the scenario answers what the raw route answers; else what is wrong."""
    response = httpx.request(
        scenario.method,
        base + scenario.path,
        content=scenario.body,
        headers=scenario.headers,
        timeout=30,
    )
    if response.status_code != scenario.expect_status:
        return f"HTTP {response.status_code}: {response.text[:120]}"
    if scenario.expect_status == 304:
        return None
    try:
        answer = response.json()
    except ValueError:
        answer = None
    if answer != expected:
        return f"unexpected answer: {response.text[:120]!r}"
    return None


def wrk(base: str, scenario: Scenario, duration: int, connections: int) -> float:
    lines = [f'wrk.method = "{scenario.method}"']
    if scenario.body is not None:
        lines.append(f"wrk.body = {json.dumps(scenario.body)}")
    for key, value in (scenario.headers or {}).items():
        lines.append(f'wrk.headers["{key}"] = {json.dumps(value)}')
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write("\n".join(lines) + "\n")
    try:
        out = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{connections}",
                f"-d{duration}s",
                "-s",
                script.name,
                base + scenario.path,
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        os.unlink(script.name)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if bad:
        raise SystemExit(f"{scenario.name}: {bad.group(1)} failed responses\n{out}")
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    assert match, out
    return float(match.group(1))


def start(env: dict[str, str], log: Path) -> tuple[subprocess.Popen[bytes], str]:
    from tests.realserver import free_port

    port = free_port()
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.benchmarks.bench_api", "--serve", str(port)],
            env={**os.environ, **env},
            cwd=PROJECT_ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while True:
        if process.poll() is not None:
            raise SystemExit("server exited:\n" + log.read_text())
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            process.terminate()
            raise SystemExit("server did not start:\n" + log.read_text())
        time.sleep(0.3)


def run(label: str, env: dict[str, str], duration: int, connections: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        process, base = start(env, Path(tmp) / "server.log")
        try:
            expected = httpx.get(base + RAW_PATH, timeout=30).json()
            # Register the persisted query (APQ: hash and document once), take its ETag.
            register = httpx.post(
                base + "/graphql", json={"query": QUERY, "extensions": PERSISTED}, timeout=30
            )
            etag = None
            if register.status_code == 200 and register.json() == expected:
                get_params = urlencode({"extensions": json.dumps(PERSISTED, separators=(",", ":"))})
                etag = httpx.get(f"{base}/graphql?{get_params}", timeout=30).headers.get("etag")
            print(
                f"\n{label}: {connections} connections, {duration} s per scenario and round, "
                f"{rounds} rounds (wrk; medians)"
            )
            measured: list[tuple[Scenario, list[float]]] = []
            for scenario in scenarios(etag):
                problem = check(base, scenario, expected)
                if problem:
                    print(f"  {scenario.name:<42} not measured: {problem}")
                    continue
                wrk(base, scenario, 1, connections)  # warm-up
                measured.append((scenario, []))
            # Rounds interleave the scenarios, so a load that comes and goes on a shared
            # machine falls on all of them alike.
            for _ in range(rounds):
                for scenario, rates in measured:
                    rates.append(wrk(base, scenario, duration, connections))
            baseline = statistics.median(measured[0][1])
            for scenario, rates in measured:
                rate = statistics.median(rates)
                ratio = (
                    "" if scenario is measured[0][0] else f"   {baseline / rate:5.2f}x the raw time"
                )
                print(f"  {scenario.name:<42} {rate:9.0f} req/s{ratio}")
        finally:
            process.terminate()
            process.wait(timeout=30)


async def prepare_postgres(name: str) -> str:
    from tests.conftest import postgres_url_for, recreate_database

    await recreate_database(name)
    return postgres_url_for(name)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--only", choices=["postgres", "sqlite"])
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk (scripts/lib.sh ensure_wrk)")
    tag = os.environ.get("TONGBAN_TEST_TAG", "")
    common = {"TONGBAN_SEED_DIR": str(PROJECT_ROOT / "seed"), "TONGBAN_DEBUG": "false"}
    if args.only != "sqlite":
        from tests.conftest import REDIS_URL

        url = asyncio.run(prepare_postgres(f"tongban_bench_api_{tag}".rstrip("_")))
        prefix = os.environ.get("TONGBAN_REDIS_KEY_PREFIX", "tongban:") + "bench-api:"
        env = {
            **common,
            "TONGBAN_DATABASE_URL": url,
            "TONGBAN_REDIS_URL": REDIS_URL,
            "TONGBAN_REDIS_KEY_PREFIX": prefix,
        }
        run("postgresql + redis", env, args.duration, args.connections, args.rounds)
    if args.only != "postgres":
        with tempfile.TemporaryDirectory() as var:
            env = {
                **common,
                "TONGBAN_DATABASE_URL": f"sqlite://{Path(var) / 'tongban.sqlite3'}",
                "TONGBAN_VAR_DIR": var,
                "TONGBAN_REDIS_URL": "",
            }
            run("sqlite (embedded default)", env, args.duration, args.connections, args.rounds)


if __name__ == "__main__":
    main()
