"""The real server as a subprocess (`python -m backend serve`) on a free port, its whole log
(stdout and stderr) in a file: for tests over real sockets and of what the log holds."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from backend.settings import PROJECT_ROOT
from tests.conftest import SEED_DIR


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(env: dict[str, str], log: Path) -> Iterator[str]:
    """Yields the base URL once /healthz answers; stops the server afterwards."""
    port = free_port()
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "backend", "serve", "--port", str(port)],
            env={**os.environ, **env},
            cwd=PROJECT_ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180  # a loaded 2-core machine migrates and seeds slowly
        while True:
            if process.poll() is not None:
                raise AssertionError("server exited:\n" + log.read_text())
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("server did not start:\n" + log.read_text())
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def embedded_env(var: Path, **extra: str) -> dict[str, str]:
    """The embedded default (SQLite under `var`, in-process broker and rate limits)."""
    env = {
        "TONGBAN_DATABASE_URL": f"sqlite://{var / 'tongban.sqlite3'}",
        "TONGBAN_VAR_DIR": str(var),
        "TONGBAN_SEED_DIR": str(SEED_DIR),
        "TONGBAN_REDIS_URL": "",
        **extra,
    }
    return env
