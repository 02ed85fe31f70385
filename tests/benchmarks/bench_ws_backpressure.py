"""Benchmark: the server's memory under clients that subscribe to heavy operations and
never read, against a client that reads the same load, in the same run.

Starts the real server (embedded default) with a short send deadline, has a well-behaved
client run N heavy operations (baseline RSS after it), then a client that never reads
send the same N; prints the RSS baseline, peak and after, and when the connection was
reset. Point --root at another checkout (e.g. `git archive` of an older commit) to
measure that code with this client.

    .venv/bin/python -m tests.benchmarks.bench_ws_backpressure [--operations 100] \\
        [--send-timeout 2] [--root .]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from backend.settings import PROJECT_ROOT
from tests.test_ws_backpressure import HEAVY, TCP_ESTABLISHED, RawClient, _free_port


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def _run(client: RawClient, prefix: str, operations: int) -> None:
    for i in range(operations):
        message = {"id": f"{prefix}{i}", "type": "subscribe", "payload": {"query": HEAVY}}
        client.send(message, flush=False)
    client.flush()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--operations", type=int, default=100)
    parser.add_argument("--send-timeout", type=float, default=2.0)
    parser.add_argument("--root", type=Path, default=PROJECT_ROOT)
    args = parser.parse_args()

    var = Path(tempfile.mkdtemp(prefix="bench-ws-"))
    port = _free_port()
    env = {
        **os.environ,
        "TONGBAN_DATABASE_URL": f"sqlite://{var / 'tongban.sqlite3'}",
        "TONGBAN_VAR_DIR": str(var),
        "TONGBAN_SEED_DIR": str(args.root / "seed"),
        "TONGBAN_WS_SEND_TIMEOUT_SECONDS": str(args.send_timeout),
    }
    env.pop("TONGBAN_REDIS_URL", None)
    with (var / "server.log").open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "backend", "serve", "--port", str(port)],
            cwd=args.root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    clients: list[RawClient] = []
    try:
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        reader = RawClient(port, "127.0.0.3")
        clients.append(reader)
        reader.init()
        _run(reader, "w", args.operations)
        completed = 0
        while completed < args.operations:
            message = reader.receive()
            completed += isinstance(message, dict) and message["type"] == "complete"
        time.sleep(1)
        baseline = _rss_mb(server.pid)

        attacker = RawClient(port, "127.0.0.2", receive_buffer=4096)
        clients.append(attacker)
        attacker.init()
        _run(attacker, "", args.operations)
        started = time.monotonic()
        peak, reset = baseline, None
        while time.monotonic() - started < 90:
            peak = max(peak, _rss_mb(server.pid))
            if reset is None and attacker.tcp_state() != TCP_ESTABLISHED:
                reset = time.monotonic() - started
            if reset is not None and time.monotonic() - started > reset + 5:
                break
            time.sleep(0.1)
        after = _rss_mb(server.pid)
        print(
            f"{args.operations} heavy operations, send deadline {args.send_timeout} s: "
            f"RSS baseline {baseline:.1f} MB, peak {peak:.1f} MB, after {after:.1f} MB "
            f"(after/baseline {after / baseline:.2f}); connection reset at "
            + (f"{reset:.1f} s" if reset is not None else "never (90 s)")
        )
    finally:
        for client in clients:
            client.close()  # before stopping: uvicorn waits for open connections to close
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
