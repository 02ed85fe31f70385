"""Benchmark: what the edge middlewares (client address, request id, access log) cost.

The same tiny endpoint called straight through ASGI (no client library, so its noise does
not drown the difference), bare and behind ClientAddress (a trusted proxy and a three-hop
X-Forwarded-For) + AccessLog (one line per request to a handler on /dev/null, keyed source
hash included). Rounds alternate in the same run; medians are printed.

    .venv/bin/python -m tests.benchmarks.bench_edge
"""

from __future__ import annotations

import asyncio
import logging
import os
import statistics
import tempfile
import time

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.types import Message

REQUESTS = 5000
ROUNDS = 7
SCOPE = {
    "type": "http",
    "asgi": {"version": "3.0"},
    "http_version": "1.1",
    "method": "GET",
    "scheme": "http",
    "path": "/graphql",
    "raw_path": b"/graphql",
    "query_string": b"query=%7B%20x%20%7D",
    "root_path": "",
    "headers": [
        (b"host", b"bench"),
        (b"x-forwarded-for", b"198.51.100.1, 203.0.113.7, 10.0.0.3"),
    ],
    "client": ("10.0.0.2", 40000),
    "server": ("bench", 80),
}


async def _ok(request: Request) -> PlainTextResponse:
    return PlainTextResponse("ok")


def _app(edge: bool) -> Starlette:
    from backend.platform.edge import AccessLog, ClientAddress

    middleware = (
        [Middleware(ClientAddress, trusted_proxies=["10.0.0.0/8"]), Middleware(AccessLog)]
        if edge
        else []
    )
    return Starlette(routes=[Route("/graphql", _ok)], middleware=middleware)


async def _receive() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


async def _send(message: Message) -> None:
    pass


async def _round(app: Starlette, requests: int = REQUESTS) -> float:
    started = time.perf_counter()
    for _ in range(requests):
        await app(dict(SCOPE), _receive, _send)
    return (time.perf_counter() - started) / requests * 1e6


async def main() -> None:
    bare, edge = _app(edge=False), _app(edge=True)
    await _round(bare, 500), await _round(edge, 500)  # warm-up (keys, imports)
    times: dict[str, list[float]] = {"bare": [], "edge": []}
    for _ in range(ROUNDS):
        times["bare"].append(await _round(bare))
        times["edge"].append(await _round(edge))
    base, with_edge = statistics.median(times["bare"]), statistics.median(times["edge"])
    print(f"{REQUESTS} requests x {ROUNDS} rounds, median per request:")
    print(f"  bare app:          {base:7.1f} us")
    print(f"  with edge:         {with_edge:7.1f} us  (+{with_edge - base:.1f} us)")
    print(f"  ratio edge/bare:   {with_edge / base:.2f}x")


if __name__ == "__main__":
    access = logging.getLogger("tongban.access")
    with tempfile.TemporaryDirectory() as var, open(os.devnull, "w") as sink:
        os.environ.setdefault("TONGBAN_VAR_DIR", var)  # dev keys for the source hash
        access.addHandler(logging.StreamHandler(sink))
        access.setLevel(logging.INFO)
        access.propagate = False
        asyncio.run(main())
