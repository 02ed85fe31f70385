"""Benchmark: verifying presentation codes (verifyCertificate) on PostgreSQL + Redis.

N codes (default 2,000) for the ID cards of R residents (default 20), minted with the
real key just before each is sent, are verified by a clerk through the GraphQL schema
(validation, the resolver, the service, the decode, the Redis SET NX, the view row, the
durable event, the audit entry, the commit and the publish), at most C in flight
(default 8). Printed: verifications per second, p50/p99 latency; and,
in the same run, a baseline: the same N codes' signature check (the same decoder) and Redis
SET NX, without GraphQL and without the record. The ratio says what the API and the trail
cost beyond the cryptographic and single-use minimum.

    .venv/bin/python -m tests.benchmarks.bench_certificates [--codes 2000] [--concurrency 8]
        [--http]   # also through a real server (python -m backend serve) over HTTP

It makes its own database (tongban_bench_certs_<tag>), migrated and seeded; PostgreSQL and
Redis as in the tests. Every answer is checked: each code must verify SUCCESS exactly once.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
from strawberry import relay

from backend import db
from backend.certificates import catalogue, service
from backend.certificates.models import CertificateLink
from backend.certificates.redeem import RedisRedeemer
from backend.certificates.service import REDEEMER_KEY
from backend.platform import infra, ratelimit
from backend.platform.broker import RedisBroker
from backend.platform.infra import Infrastructure
from backend.seeding import load_seed
from backend.settings import get_settings
from tests.bookings.servers import instances
from tests.certificates.helpers import ID_MATTER, VERIFY, certificate_of, clerk_token, holder
from tests.conftest import (
    REDIS_URL,
    SEED_DIR,
    GraphQLClient,
    postgres_url_for,
    recreate_database,
    worker_id,
)


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _report(name: str, wall: float, latencies: list[float]) -> float:
    rate = len(latencies) / wall
    print(
        f"{name:<22} {len(latencies)} in {wall:.2f} s: {rate:,.0f}/s, "
        f"p50 {_percentile(latencies, 0.5) * 1000:.2f} ms, "
        f"p99 {_percentile(latencies, 0.99) * 1000:.2f} ms, "
        f"mean {statistics.mean(latencies) * 1000:.2f} ms"
    )
    return rate


async def _run(
    count: int, concurrency: int, mint: Callable[[], str], one: Callable[[str], Awaitable[None]]
) -> tuple[float, list[float]]:
    """`count` codes, each minted just before it is sent (a code lives 60 s; a slow run
    must not see its last codes expire), at most `concurrency` in flight."""
    left = [count]
    latencies: list[float] = []

    async def worker() -> None:
        while left[0] > 0:
            left[0] -= 1
            code = mint()
            started = time.perf_counter()
            await one(code)
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started, latencies


def _minter(links: list[CertificateLink]) -> Callable[[], str]:
    tokens = service.presentation_tokens()
    turn = itertools.count()

    def mint() -> str:
        link = links[next(turn) % len(links)]
        certificate = link.certificate
        return tokens.issue(
            link_ref=link.ref,
            status_index=certificate.status_index,
            kind_code=catalogue.KIND_CODES[certificate.kind],
            disclosure=catalogue.disclosure_mask(certificate.kind, ["name", "id_number"]),
        ).token

    return mint


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--codes", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--residents", type=int, default=20)
    parser.add_argument("--http", action="store_true")
    args = parser.parse_args()

    prefix = f"tongban-bench:{worker_id()}:{uuid.uuid4().hex[:8]}:"
    # One clerk verifies every code: no per-clerk limit here (it is tested elsewhere).
    unlimited = {"certificate_verifications_per_minute": 10**9}
    container = Infrastructure(
        get_settings().model_copy(update=unlimited),
        broker=RedisBroker(REDIS_URL),
        limiter=ratelimit.RedisRateLimiter(REDIS_URL, prefix),
    )
    await container.start()
    infra.install(container)
    redeemer = container.adapter(REDEEMER_KEY, lambda s: RedisRedeemer(REDIS_URL, prefix))
    name = f"tongban_bench_certs_{worker_id()}"
    await recreate_database(name)
    url = postgres_url_for(name)
    await db.apply_migrations(url)
    await db.connect(url)
    await load_seed(SEED_DIR)

    gql = GraphQLClient()
    links = []
    for _ in range(args.residents):  # codes go round the residents, as at a real centre
        resident = await holder(gql)
        card = await certificate_of(resident, "ID_CARD")
        pk = int(relay.GlobalID.from_id(card["id"]).node_id)
        links.append(await CertificateLink.get(certificate_id=pk).select_related("certificate"))
    clerk = gql.with_token(await clerk_token(gql))
    print(
        f"{args.codes} codes for {args.residents} residents, at most {args.concurrency} in "
        f"flight, PostgreSQL + Redis, one process; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )

    # Warm-up: connections, caches, the schema.
    mint = _minter(links)
    for _ in range(50):
        result = await clerk(VERIFY, t=mint(), m=ID_MATTER, c=None)
        assert result.data["verifyCertificate"]["verification"]["result"] == "SUCCESS", result

    # Baseline: the same decode and the same Redis SET NX, no GraphQL, no record.
    decoder = service.presentation_tokens()

    async def baseline_one(token: str) -> None:
        claims = decoder.decode(token)
        assert await redeemer.redeem(claims.token_id, claims.expires_at)

    base_wall, base_lat = await _run(args.codes, args.concurrency, mint, baseline_one)

    results: list[str] = []

    async def graphql_one(token: str) -> None:
        answer = await clerk(VERIFY, t=token, m=ID_MATTER, c=None)
        assert not answer.errors, answer.errors
        results.append(answer.data["verifyCertificate"]["verification"]["result"])

    api_wall, api_lat = await _run(args.codes, args.concurrency, mint, graphql_one)
    assert results.count("SUCCESS") == args.codes, {r: results.count(r) for r in set(results)}

    baseline = _report("baseline (decode+SETNX)", base_wall, base_lat)
    api = _report("verifyCertificate", api_wall, api_lat)
    print(f"ratio                  baseline/verifyCertificate = {baseline / api:.1f}x")
    print(f"load average after     {os.getloadavg()[0]:.1f}")

    if args.http:
        logs = Path(tempfile.mkdtemp(prefix="bench-certs-"))
        with instances(url, 1, logs, TONGBAN_CERTIFICATE_VERIFICATIONS_PER_MINUTE=str(10**9)) as (
            base,
        ):
            token = await clerk_token(gql)
            limits = httpx.Limits(max_connections=args.concurrency)
            async with httpx.AsyncClient(timeout=60, limits=limits) as client:
                answers: list[str] = []

                async def http_one(code: str) -> None:
                    response = await client.post(
                        f"{base}/graphql",
                        json={"query": VERIFY, "variables": {"t": code, "m": ID_MATTER}},
                        headers={"authorization": f"Bearer {token}"},
                    )
                    answers.append(
                        response.json()["data"]["verifyCertificate"]["verification"]["result"]
                    )

                await _run(50, args.concurrency, mint, http_one)
                answers.clear()
                http_wall, http_lat = await _run(args.codes, args.concurrency, mint, http_one)
        assert answers.count("SUCCESS") == args.codes
        over_http = _report("over HTTP (1 server)", http_wall, http_lat)
        print(f"ratio                  baseline/HTTP = {baseline / over_http:.1f}x")

    await db.disconnect()
    infra.install(None)
    await container.stop()


if __name__ == "__main__":
    asyncio.run(main())
