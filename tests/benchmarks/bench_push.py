"""Push latency and memory per idle subscription, over real servers and real sockets.

    .venv/bin/python -m tests.benchmarks.bench_push [--subscribers 1000 10000] [--samples 200]
        [--fan-out 1000] [--clients 2]

Three servers, each a separate process on 127.0.0.1, uvicorn with the same options
(`backend.platform.edge.UVICORN_OPTIONS`, `python -m backend serve`'s settings):

- ours: `python -m backend serve` on a PostgreSQL database of its own (migrated and seeded
  here) and a throwaway `redis-server` on a free port (never the shared one);
- stock: a minimal Strawberry ASGI app (`GraphQL` from strawberry.asgi, nothing else) whose
  subscription is a trivial async generator on an in-process asyncio.Queue per subscriber;
  POST /publish puts a timestamped message in one key's queues (`--serve stock`);
- floor: a bare WebSocket (an ASGI app that accepts and waits; no GraphQL) for the memory a
  connection costs at all (`--serve floor`).

Memory per idle subscription: the server's RSS (/proc/<pid>/status VmRSS) after a warm-up,
then after N connections with one subscription each are open and live, divided by N.
Ours is live when Redis lists N channels of the server's prefix (each subscription is
confirmed before the server reads the log); stock is live when each has its first message.

Latency, design: each subscriber follows a stream of its own (ours: `caseProgress` of its
own case, as N residents each following their case; stock: its own key). That is the load
the issue describes (N people online, each step concerns one of them); the server holds N
idle subscriptions and Redis channels while one of them gets the event. A step is a real
`advance` through the cases service in this process (transaction, stream rows, commit,
publish to Redis), one every `--gap-ms`, on a random subscriber's case; latency is the
subscriber's receipt (wall clock, same machine) minus the event's `at`, which the server
sets inside the transaction just before the commit. Stock: receipt minus the time the
message was put in the queue. `--fan-out N` also measures the worst case: N subscribers on
one stream (`caseProgress` of one case), every step reaching all of them.

Clients: `--clients` processes (asyncio, websockets library, no compression offered, as the
server's memory is what is measured), connections split between them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import httpx
import strawberry

STOCK = "stock"
FLOOR = "floor"
OURS = "ours"
TRACED = "traced"
PROGRESS = """subscription($id: ID!) { caseProgress(caseId: $id) {
    cursor kind at case { id state } caseEntry { action toState } } }"""
TICKS = "subscription($key: Int!) { ticks(key: $key) { at } }"


# -- the stock and floor servers ---------------------------------------------------------------


_queues: dict[int, set[asyncio.Queue[float]]] = {}


@strawberry.type
class Tick:
    at: float


@strawberry.type
class Query:
    ok: bool = True


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def ticks(self, key: int) -> AsyncIterator[Tick]:
        queue: asyncio.Queue[float] = asyncio.Queue()
        _queues.setdefault(key, set()).add(queue)
        try:
            yield Tick(at=0.0)  # live
            while True:
                yield Tick(at=await queue.get())
        finally:
            _queues[key].discard(queue)


def serve(kind: str, port: int) -> None:
    import uvicorn
    from strawberry.asgi import GraphQL

    from backend.platform.edge import UVICORN_OPTIONS

    graphql = GraphQL(strawberry.Schema(query=Query, subscription=Subscription))

    async def stock(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"] == "/publish":
            key = int(scope["query_string"].decode().partition("=")[2])
            at = time.time()
            for queue in _queues.get(key, ()):
                queue.put_nowait(at)
            await send({"type": "http.response.start", "status": 204, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        await graphql(scope, receive, send)

    async def floor(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if scope["type"] == "http":
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"ok"})
            return
        await receive()  # websocket.connect
        await send({"type": "websocket.accept"})
        while (await receive())["type"] != "websocket.disconnect":
            pass

    if kind == TRACED:
        trace_ours(port)
        return
    app = stock if kind == STOCK else floor
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", **UVICORN_OPTIONS)


def trace_ours(port: int) -> None:
    """`python -m backend serve` under tracemalloc; SIGUSR1 writes a snapshot to
    $BENCH_SNAPSHOT.<n> (n = 0, 1, ...)."""
    import itertools
    import tracemalloc

    from backend.__main__ import main as backend_main

    tracemalloc.start(12)
    counter = itertools.count()

    def dump(*_: object) -> None:
        path = f"{os.environ['BENCH_SNAPSHOT']}.{next(counter)}"
        tracemalloc.take_snapshot().dump(path + ".tmp")
        os.rename(path + ".tmp", path)

    signal.signal(signal.SIGUSR1, dump)
    backend_main(["serve", "--port", str(port)])


def snapshot(server: Server, n: int) -> Any:
    import tracemalloc

    path = Path(f"{os.environ['BENCH_SNAPSHOT']}.{n}")
    server.process.send_signal(signal.SIGUSR1)
    while not path.exists():
        time.sleep(0.2)
    return tracemalloc.Snapshot.load(str(path))


def print_growth(before: Any, after: Any, count: int) -> None:
    import tracemalloc

    keep = [tracemalloc.Filter(False, tracemalloc.__file__)]
    before, after = before.filter_traces(keep), after.filter_traces(keep)
    print(f"  tracemalloc: growth per subscription ({count}), by line:")
    for stat in after.compare_to(before, "lineno")[:30]:
        frame = stat.traceback[0]
        print(
            f"    {stat.size_diff / count:8.0f} B {stat.count_diff / count:6.1f} blocks "
            f"{frame.filename.split('site-packages/')[-1]}:{frame.lineno}"
        )
    print("  by traceback (top 8):")
    for stat in after.compare_to(before, "traceback")[:8]:
        print(f"    {stat.size_diff / count:8.0f} B")
        for line in stat.traceback.format(limit=8)[::2]:
            print("      " + line.strip().split("site-packages/")[-1])


# -- clients (separate processes) --------------------------------------------------------------


@dataclass
class Plan:
    url: str
    token: str | None
    graphql: bool
    subscriptions: list[tuple[str, dict[str, Any]]]  # (query, variables), one per connection


def _at(payload: dict[str, Any]) -> float:
    (value,) = payload["data"].values()
    at = value["at"]
    return float(at) if isinstance(at, int | float) else datetime.fromisoformat(at).timestamp()


async def _client_main(plan: Plan, pipe: Connection) -> None:
    from websockets.asyncio.client import connect

    latencies: list[float] = []
    errors: list[str] = []
    first: list[asyncio.Future[None]] = []
    loop = asyncio.get_running_loop()
    opening = asyncio.Semaphore(32)

    async def one(query: str, variables: dict[str, Any], ready: asyncio.Future[None]) -> None:
        async with opening:
            ws = await connect(
                plan.url,
                subprotocols=["graphql-transport-ws"] if plan.graphql else None,  # type: ignore[list-item]
                compression=None,
                open_timeout=120,
                ping_interval=None,
                max_queue=4,
            )
            if plan.graphql:
                payload = {"authorization": f"Bearer {plan.token}"} if plan.token else {}
                await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
                await ws.recv()
                await ws.send(
                    json.dumps(
                        {
                            "id": "1",
                            "type": "subscribe",
                            "payload": {"query": query, "variables": variables},
                        }
                    )
                )
        if not ready.done():
            ready.set_result(None)
        async for raw in ws:
            received = time.time()
            message = json.loads(raw)
            if message.get("type") != "next" or message["payload"].get("errors"):
                errors.append(str(message)[:300])
                continue
            at = _at(message["payload"])
            if at > 0:
                latencies.append(received - at)

    tasks = []
    for query, variables in plan.subscriptions:
        ready = loop.create_future()
        first.append(ready)
        tasks.append(asyncio.create_task(one(query, variables, ready)))
    await asyncio.gather(*first)
    pipe.send("open")
    while True:
        command = await loop.run_in_executor(None, pipe.recv)
        if command == "report":
            pipe.send((latencies, errors))
            latencies, errors = [], []
        elif command == "stop":
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            pipe.send("stopped")
            return


def _client_process(plan: Plan, pipe: Connection) -> None:
    _raise_nofile()
    try:
        import uvloop

        uvloop.run(_client_main(plan, pipe))
    except ImportError:
        asyncio.run(_client_main(plan, pipe))


class Clients:
    """`count` client processes sharing the plan's subscriptions."""

    def __init__(self, plan: Plan, count: int) -> None:
        self.pipes: list[Connection] = []
        self.processes: list[multiprocessing.Process] = []
        context = multiprocessing.get_context("spawn")
        for i in range(count):
            part = Plan(plan.url, plan.token, plan.graphql, plan.subscriptions[i::count])
            mine, theirs = context.Pipe()
            process = context.Process(target=_client_process, args=(part, theirs), daemon=True)
            process.start()
            self.pipes.append(mine)
            self.processes.append(process)

    def wait_open(self, timeout: float = 900) -> None:
        for pipe in self.pipes:
            if not pipe.poll(timeout):
                raise RuntimeError("clients did not connect in time")
            assert pipe.recv() == "open"

    def report(self) -> tuple[list[float], list[str]]:
        latencies: list[float] = []
        errors: list[str] = []
        for pipe in self.pipes:
            pipe.send("report")
        for pipe in self.pipes:
            got, bad = pipe.recv()
            latencies += got
            errors += bad
        return latencies, errors

    def stop(self) -> None:
        for pipe in self.pipes:
            pipe.send("stop")
        for pipe, process in zip(self.pipes, self.processes, strict=True):
            if pipe.poll(120):
                pipe.recv()
            process.join(30)
            if process.is_alive():
                process.kill()


# -- helpers -----------------------------------------------------------------------------------


def _raise_nofile() -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, process: subprocess.Popen[bytes], timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited ({process.returncode})")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def describe(latencies: list[float]) -> str:
    ms = [v * 1000 for v in latencies]
    return (
        f"p50 {statistics.median(ms):7.1f} ms  p99 {percentile(ms, 99):7.1f} ms  "
        f"max {max(ms):7.1f} ms  (n={len(ms)})"
    )


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    base: str

    @property
    def ws(self) -> str:
        return self.base.replace("http://", "ws://") + "/graphql"

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start(name: str, argv: list[str], env: dict[str, str], log: Path, health: str) -> Server:
    port = free_port()
    with log.open("w") as out:
        process = subprocess.Popen(
            [*argv, str(port)],
            env={**os.environ, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=_raise_nofile,  # only setrlimit, before exec
        )
    base = f"http://127.0.0.1:{port}"
    wait_http(base + health, process)
    return Server(name, process, base)


# -- the measurements --------------------------------------------------------------------------


def measure_memory(
    server: Server,
    plan: Plan,
    clients: int,
    until_live: Callable[[int], None],
) -> tuple[float, Clients]:
    """KiB of server RSS per subscription; the clients stay open for the latency run."""
    warm = Clients(Plan(plan.url, plan.token, plan.graphql, plan.subscriptions[:20]), 1)
    warm.wait_open()
    until_live(20)
    warm.stop()
    time.sleep(1.0)
    until_live(0)
    traced = server.name == TRACED
    snap = snapshot(server, 0) if traced else None
    before = rss_kib(server.process.pid)
    started = time.monotonic()
    opened = Clients(plan, clients)
    opened.wait_open()
    until_live(len(plan.subscriptions))
    took = time.monotonic() - started
    time.sleep(2.0)
    after = rss_kib(server.process.pid)
    per = (after - before) / len(plan.subscriptions)
    if traced:
        print_growth(snap, snapshot(server, 1), len(plan.subscriptions))
    print(
        f"  {server.name:5s} {len(plan.subscriptions):6d} idle subscriptions:"
        f" RSS {before / 1024:.1f} -> {after / 1024:.1f} MiB, {per:.1f} KiB each"
        f" (opened in {took:.0f} s)",
        flush=True,
    )
    return per, opened


async def run_ours(args: argparse.Namespace, var: Path, redis_url: str) -> dict[str, Any]:
    from redis import asyncio as redis_asyncio
    from strawberry import relay

    from backend import db
    from backend.cases import service
    from backend.cases.models import Case, CaseChannel, CaseState
    from backend.cases.states import CaseAction
    from backend.centres.models import Centre
    from backend.identity.models import Resident, StaffRole
    from backend.matters.models import Matter
    from backend.platform import infra
    from backend.platform.clock import now
    from backend.platform.infra import Infrastructure
    from backend.platform.principal import Principal, Role
    from backend.platform.tokens import SubjectKind
    from backend.seeding import load_seed
    from backend.settings import get_settings
    from tests.cases.helpers import ACCEPTING, COLLECT_FORWARD_MATTER, COLLECTING
    from tests.conftest import SEED_DIR, postgres_url_for, recreate_database
    from tests.identity.helpers import (
        LOGIN,
        REQUEST_CODE,
        VERIFY,
        latest_code,
        make_staff,
        new_phone,
        registry_person,
    )

    prefix = f"tongban-bench-{uuid.uuid4().hex[:6]}:"
    settings = get_settings().model_copy(
        update={"redis_url": redis_url, "redis_key_prefix": prefix}
    )
    container = Infrastructure(settings)
    await container.start()
    infra.install(container)
    name = f"tongban_bench_{os.environ.get('TONGBAN_TEST_TAG', '')}push"
    await recreate_database(name)
    url = postgres_url_for(name)
    await db.apply_migrations(url)
    await db.connect(url)
    await load_seed(SEED_DIR)
    env = {
        "TONGBAN_DATABASE_URL": url,
        "TONGBAN_REDIS_URL": redis_url,
        "TONGBAN_REDIS_KEY_PREFIX": prefix,
        "TONGBAN_MIGRATE_ON_START": "false",
        "TONGBAN_SEED_ON_START": "false",
    }
    if args.trace:
        os.environ["BENCH_SNAPSHOT"] = str(var / "snapshot")
    server = start(
        TRACED if args.trace else OURS,
        [sys.executable, "-m", "tests.benchmarks.bench_push", "--serve", TRACED, "--port"]
        if args.trace
        else [sys.executable, "-m", "backend", "serve", "--port"],
        env,
        var / "ours.log",
        "/healthz",
    )
    results: dict[str, Any] = {"memory": {}, "latency": {}, "fanout": {}}
    redis = redis_asyncio.Redis.from_url(redis_url)
    try:
        # One verified resident (signed in over HTTP, as the app does) with many cases.
        async with httpx.AsyncClient(base_url=server.base, timeout=60) as http:

            async def post(query: str, token: str | None = None, **variables: Any) -> Any:
                headers = {"authorization": f"Bearer {token}"} if token else {}
                response = await http.post(
                    "/graphql", json={"query": query, "variables": variables}, headers=headers
                )
                return response.json()["data"]

            phone = new_phone()
            await post(REQUEST_CODE, phone=phone)
            login = (await post(LOGIN, phone=phone, code=await latest_code(phone)))["login"]
            token = login["tokens"]["accessToken"]
            person = await registry_person()
            await post(VERIFY, token, name=person.name, idNumber=person.id_number)
        accepting = await Centre.get(code=ACCEPTING)
        collecting = await Centre.get(code=COLLECTING)
        resident_pk = int(relay.GlobalID.from_id(login["resident"]["id"]).node_id)
        await Resident.filter(id=resident_pk).update(household_centre_id=accepting.id)
        matter = await Matter.get(code=COLLECT_FORWARD_MATTER)
        most = max([*args.subscribers, args.fan_out or 0])
        await Case.bulk_create(
            [
                Case(
                    number=f"B{uuid.uuid4().hex[:20]}",
                    resident_id=resident_pk,
                    matter_id=matter.id,
                    collecting_centre_id=collecting.id,
                    accepting_centre_id=accepting.id,
                    channel=CaseChannel.ONLINE,
                    state=CaseState.SUBMITTED,
                    materials=[],
                    submitted_at=now(),
                )
                for _ in range(most)
            ],
            batch_size=1000,
        )
        case_pks = [
            c.id for c in await Case.filter(resident_id=resident_pk).order_by("id").only("id")
        ]
        account, _ = await make_staff(StaffRole.CLERK, accepting.id)
        clerk = Principal(
            kind=SubjectKind.STAFF,
            subject_id=str(account.id),
            role=Role.CLERK,
            centre_id=accepting.id,
        )
        owner = Principal(
            kind=SubjectKind.RESIDENT,
            subject_id=str(resident_pk),
            role=Role.RESIDENT,
            verified=True,
        )
        loop_steps = [
            (clerk, CaseAction.PASS_PREREVIEW, None),
            (clerk, CaseAction.REQUEST_SUPPLEMENT, "请补充材料。"),
            (owner, CaseAction.SUPPLEMENT, None),
        ]
        progress: dict[int, int] = {}

        async def step(case_pk: int) -> None:
            who, action, note = loop_steps[progress.get(case_pk, 0) % len(loop_steps)]
            progress[case_pk] = progress.get(case_pk, 0) + 1
            await service.advance(who, case_pk, action, note)

        def gid(pk: int) -> str:
            return str(relay.GlobalID("Case", str(pk)))

        def until_live_factory(expected_channels: Callable[[int], int]) -> Callable[[int], None]:
            def until_live(n: int) -> None:
                want = expected_channels(n)

                async def count() -> int:
                    return len(await redis.pubsub_channels(f"{prefix}*"))

                deadline = time.monotonic() + 900
                while time.monotonic() < deadline:
                    if asyncio.run_coroutine_threadsafe(count(), loop).result() == want:
                        return
                    time.sleep(0.2)
                raise RuntimeError(f"never saw {want} channels")

            return until_live

        loop = asyncio.get_running_loop()
        for n in args.subscribers:
            plan = Plan(
                server.ws, token, True, [(PROGRESS, {"id": gid(pk)}) for pk in case_pks[:n]]
            )
            per, clients = await asyncio.to_thread(
                measure_memory, server, plan, args.clients, until_live_factory(lambda k: k)
            )
            results["memory"][n] = per
            await asyncio.to_thread(clients.report)  # drop anything from the warm-up
            for _ in range(args.samples):
                await step(random.choice(case_pks[:n]))
                await asyncio.sleep(args.gap_ms / 1000)
            await asyncio.sleep(2.0)
            latencies, errors = await asyncio.to_thread(clients.report)
            print(f"  ours  {n:6d} subscribers, one stream each: {describe(latencies)}")
            if errors or len(latencies) != args.samples:
                print(f"  !! {len(latencies)} of {args.samples} received; errors: {errors[:3]}")
            results["latency"][n] = latencies
            await asyncio.to_thread(clients.stop)
        if args.fan_out:
            n = args.fan_out
            target = case_pks[-1]
            plan = Plan(server.ws, token, True, [(PROGRESS, {"id": gid(target)})] * n)
            clients = Clients(plan, args.clients)
            await asyncio.to_thread(clients.wait_open)
            await asyncio.to_thread(until_live_factory(lambda k: 1), n)
            await asyncio.sleep(2.0)
            await asyncio.to_thread(clients.report)
            for _ in range(args.fan_samples):
                await step(target)
                await asyncio.sleep(args.fan_gap_ms / 1000)
            await asyncio.sleep(5.0)
            latencies, errors = await asyncio.to_thread(clients.report)
            print(f"  ours  {n:6d} subscribers on one stream:  {describe(latencies)}")
            if errors or len(latencies) != args.fan_samples * n:
                print(f"  !! {len(latencies)} of {args.fan_samples * n}; errors: {errors[:3]}")
            results["fanout"][n] = latencies
            await asyncio.to_thread(clients.stop)
    finally:
        server.stop()
        await redis.aclose()
        await db.disconnect()
        infra.install(None)
        await container.stop()
    return results


def run_stock(args: argparse.Namespace, var: Path) -> dict[str, Any]:
    results: dict[str, Any] = {"memory": {}, "latency": {}, "fanout": {}}
    server = start(
        STOCK,
        [sys.executable, "-m", "tests.benchmarks.bench_push", "--serve", STOCK, "--port"],
        {},
        var / "stock.log",
        "/publish?key=-1",
    )
    try:
        for n in args.subscribers:
            plan = Plan(server.ws, None, True, [(TICKS, {"key": i}) for i in range(n)])
            per, clients = measure_memory(server, plan, args.clients, lambda k: None)
            results["memory"][n] = per
            clients.report()
            for _ in range(args.samples):
                httpx.post(f"{server.base}/publish?key={random.randrange(n)}")
                time.sleep(args.gap_ms / 1000)
            time.sleep(2.0)
            latencies, errors = clients.report()
            print(f"  stock {n:6d} subscribers, one key each:    {describe(latencies)}")
            if errors or len(latencies) != args.samples:
                print(f"  !! {len(latencies)} of {args.samples} received; errors: {errors[:3]}")
            results["latency"][n] = latencies
            clients.stop()
        if args.fan_out:
            n = args.fan_out
            clients = Clients(Plan(server.ws, None, True, [(TICKS, {"key": 0})] * n), args.clients)
            clients.wait_open()
            time.sleep(2.0)
            clients.report()
            for _ in range(args.fan_samples):
                httpx.post(f"{server.base}/publish?key=0")
                time.sleep(args.fan_gap_ms / 1000)
            time.sleep(5.0)
            latencies, errors = clients.report()
            print(f"  stock {n:6d} subscribers on one key:     {describe(latencies)}")
            results["fanout"][n] = latencies
            clients.stop()
    finally:
        server.stop()
    return results


def run_floor(args: argparse.Namespace, var: Path) -> dict[int, float]:
    server = start(
        FLOOR,
        [sys.executable, "-m", "tests.benchmarks.bench_push", "--serve", FLOOR, "--port"],
        {},
        var / "floor.log",
        "/",
    )
    figures = {}
    try:
        for n in args.subscribers:
            plan = Plan(server.ws, None, False, [("", {})] * n)
            per, clients = measure_memory(server, plan, args.clients, lambda k: None)
            figures[n] = per
            clients.stop()
    finally:
        server.stop()
    return figures


def throwaway_redis(var: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=(var / "redis.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    time.sleep(0.5)
    return process, f"redis://127.0.0.1:{port}/0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--serve", choices=[STOCK, FLOOR, TRACED])
    parser.add_argument(
        "--trace",
        action="store_true",
        help="run our server under tracemalloc and print what grew per subscription",
    )
    parser.add_argument("--port", type=int)
    parser.add_argument("--subscribers", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--gap-ms", type=float, default=50)
    parser.add_argument("--fan-out", type=int, default=0)
    parser.add_argument("--fan-samples", type=int, default=20)
    parser.add_argument("--fan-gap-ms", type=float, default=1000)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--only", choices=[OURS, STOCK, FLOOR], nargs="+")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port)
        return
    _raise_nofile()
    var = Path(f"/tmp/bench_push_{uuid.uuid4().hex[:6]}")
    var.mkdir()
    only = set(args.only or [OURS, STOCK, FLOOR])
    print(
        f"bench_push: {args.subscribers} subscribers, {args.samples} steps {args.gap_ms:.0f} ms"
        f" apart, {args.clients} client processes; {os.cpu_count()} cores,"
        f" load average {os.getloadavg()[0]:.1f}; logs in {var}",
        flush=True,
    )
    ours: dict[str, Any] = {}
    stock: dict[str, Any] = {}
    floor: dict[int, float] = {}
    if OURS in only:
        redis, redis_url = throwaway_redis(var)
        try:
            ours = asyncio.run(run_ours(args, var, redis_url))
        finally:
            redis.terminate()
            redis.wait()
    if STOCK in only:
        stock = run_stock(args, var)
    if FLOOR in only:
        floor = run_floor(args, var)

    print("\nsummary")
    for n in args.subscribers:
        line = [f"  {n:6d} subscribers:"]
        if ours and stock:
            a, b = ours["latency"][n], stock["latency"][n]
            line.append(
                f"p99 ours {percentile(a, 99) * 1000:.1f} ms / stock {percentile(b, 99) * 1000:.1f}"
                f" ms ({percentile(a, 99) / percentile(b, 99):.2f}x);"
            )
        if ours:
            m = ours["memory"][n]
            line.append(f"memory ours {m:.1f} KiB")
            if stock:
                line.append(f"/ stock {stock['memory'][n]:.1f} KiB ({m / stock['memory'][n]:.2f}x)")
            if floor:
                line.append(f"/ floor {floor[n]:.1f} KiB ({m / floor[n]:.2f}x the floor)")
        print(" ".join(line))


if __name__ == "__main__":
    main()
