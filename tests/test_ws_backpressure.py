"""WebSocket backpressure and caps, against the real server over raw sockets.

A client that subscribes to many heavy operations and never reads must be cut off within
the send deadline, with every operation cancelled and its memory freed (the server's live
heap back at its baseline), while other clients carry on. Connections per address and
operations per connection are capped. Run with -s to see the heap and RSS figures.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.client import ClientProtocol
from websockets.frames import Close, Frame, Opcode
from websockets.http11 import Response
from websockets.protocol import State
from websockets.typing import Subprotocol
from websockets.uri import parse_uri

from backend.settings import PROJECT_ROOT
from tests.conftest import SEED_DIR

SEND_TIMEOUT = 2.0  # seconds; the server gets it through TONGBAN_WS_SEND_TIMEOUT_SECONDS
MAX_CONNECTIONS = 4
MAX_OPERATIONS = 10
ATTACK_OPERATIONS = MAX_OPERATIONS  # the attack stays within the operation cap
# About 290 KB of JSON per result: 15 aliases (the limit) of 100 matters with summaries.
HEAVY = (
    "{ "
    + " ".join(f"a{i}: matters(first: 100) {{ edges {{ node {{ summary }} }} }}" for i in range(15))
    + " }"
)
TCP_ESTABLISHED = 1
# Each test speaks from its own loopback address, so the per-address cap of one test
# never counts another test's connections.
ATTACKER, BYSTANDER, CAPPED, OTHER, OPERATIONS = (f"127.0.0.{n}" for n in range(2, 7))


@dataclass
class Server:
    base: str
    port: int
    pid: int
    log: Path

    def heap(self) -> dict[str, int]:
        """The server's live Python heap after a full collection (GET /debug/heap)."""
        answer = httpx.get(f"{self.base}/debug/heap", timeout=30)
        assert answer.status_code == 200, answer.text
        return answer.json()  # type: ignore[no-any-return]

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise AssertionError("no VmRSS")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    var = tmp_path_factory.mktemp("wsbp")
    port = _free_port()
    env = {
        **os.environ,
        "TONGBAN_DATABASE_URL": f"sqlite://{var / 'tongban.sqlite3'}",
        "TONGBAN_VAR_DIR": str(var),
        "TONGBAN_SEED_DIR": str(SEED_DIR),
        "TONGBAN_WS_SEND_TIMEOUT_SECONDS": str(SEND_TIMEOUT),
        "TONGBAN_WS_MAX_CONNECTIONS_PER_ADDRESS": str(MAX_CONNECTIONS),
        "TONGBAN_WS_MAX_OPERATIONS_PER_CONNECTION": str(MAX_OPERATIONS),
        "TONGBAN_DIAGNOSTICS": "true",
    }
    env.pop("TONGBAN_REDIS_URL", None)
    log = var / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "backend", "serve", "--port", str(port)],
            env=env,
            cwd=PROJECT_ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
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
        yield Server(base=base, port=port, pid=process.pid, log=log)
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def connect(server: Server) -> Iterator[Callable[..., RawClient]]:
    """Opens raw clients to the server; closes every one of them after the test."""
    opened: list[RawClient] = []

    def open_client(source: str, **options: Any) -> RawClient:
        client = RawClient(server.port, source, **options)
        opened.append(client)
        return client

    yield open_client
    for client in opened:
        client.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RawClient:
    """graphql-transport-ws by hand over a plain socket (websockets' sans-I/O protocol
    frames the bytes): nothing is read unless the test reads."""

    def __init__(self, port: int, source: str, *, receive_buffer: int | None = None) -> None:
        self.sock = socket.socket()
        if receive_buffer is not None:  # before connect, so the window starts small
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
        self.sock.bind((source, 0))
        self.sock.settimeout(20)
        self.sock.connect(("127.0.0.1", port))
        self.protocol = ClientProtocol(
            parse_uri(f"ws://127.0.0.1:{port}/graphql"),
            subprotocols=[Subprotocol("graphql-transport-ws")],
        )
        self.protocol.send_request(self.protocol.connect())
        self._flush()
        response = self._next_event()
        assert isinstance(response, Response) and response.status_code == 101, response

    def _flush(self) -> None:
        self.sock.sendall(b"".join(self.protocol.data_to_send()))

    def _next_event(self) -> Response | Frame:
        while True:
            events = self.protocol.events_received()
            if events:
                self._pending = events[1:]
                return events[0]
            data = self.sock.recv(65536)
            if not data:
                self.protocol.receive_eof()
                raise EOFError("the server closed the connection")
            self.protocol.receive_data(data)
            self._flush()  # pongs to the server's keepalive pings

    def send(self, message: dict[str, Any], *, flush: bool = True) -> None:
        self.protocol.send_text(json.dumps(message).encode())
        if flush:
            self._flush()

    def flush(self) -> None:
        self._flush()

    def receive(self) -> dict[str, Any] | Close:
        """The next message, or the server's close frame."""
        while True:
            if getattr(self, "_pending", None):
                event: Response | Frame = self._pending.pop(0)
            else:
                event = self._next_event()
            if isinstance(event, Frame) and event.opcode == Opcode.TEXT:
                return json.loads(event.data)  # type: ignore[no-any-return]
            if isinstance(event, Frame) and event.opcode == Opcode.CLOSE:
                close = Close.parse(event.data)
                self._flush()  # our echo of the close
                return close

    def init(self, payload: dict[str, Any] | None = None) -> None:
        self.send({"type": "connection_init", "payload": payload or {}})
        ack = self.receive()
        assert isinstance(ack, dict) and ack["type"] == "connection_ack", ack

    def query(self, id: str, query: str) -> dict[str, Any]:
        self.send({"id": id, "type": "subscribe", "payload": {"query": query}})
        result = self.receive()
        assert isinstance(result, dict) and result["type"] == "next", result
        assert self.receive() == {"id": id, "type": "complete"}
        return result["payload"]  # type: ignore[no-any-return]

    def tcp_state(self) -> int:
        return self.sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 8)[0]

    def unread_bytes(self) -> int:
        buffer = fcntl.ioctl(self.sock, termios.FIONREAD, b"\0\0\0\0")
        return int(struct.unpack("i", buffer)[0])

    def close(self) -> None:
        self.sock.close()


def _attack(server: Server, connect: Callable[..., RawClient]) -> tuple[float, float, float]:
    """One client subscribes to heavy operations and never reads. Returns when the server
    has reset its connection: (first byte, reset, peak RSS in MB)."""
    attacker = connect(ATTACKER, receive_buffer=4096)
    attacker.init()
    for i in range(ATTACK_OPERATIONS):
        attacker.send({"id": str(i), "type": "subscribe", "payload": {"query": HEAVY}}, flush=False)
    attacker.flush()
    started = time.monotonic()
    peak = server.rss_mb()
    first_byte = closed = None
    while closed is None and time.monotonic() - started < 30:
        peak = max(peak, server.rss_mb())
        now = time.monotonic() - started
        if first_byte is None and attacker.unread_bytes():
            first_byte = now
        if attacker.tcp_state() != TCP_ESTABLISHED:
            closed = now
        time.sleep(0.05)
    assert closed is not None, "the server kept the connection of a client that does not read"
    assert first_byte is not None
    # One deadline for a message, one more for the close frame, then the reset; the rest
    # of the margin is for the server computing results on a busy machine.
    assert closed - first_byte <= 2 * SEND_TIMEOUT + 6, (first_byte, closed)
    # The close frame never reached the client (it is not reading): the reset did.
    with pytest.raises(ConnectionResetError):
        while attacker.sock.recv(1 << 20):
            pass
    attacker.close()
    return first_byte, closed, peak


def _settled_heap(server: Server, connections: int, target: int) -> dict[str, int]:
    """The server's heap once the connections are down to `connections` and its blocks at
    or below target, or as it is after 10 s (on a loaded machine cancelled work ends late)."""
    deadline = time.monotonic() + 10
    while True:
        heap = server.heap()
        settled = heap["websocketConnections"] <= connections and heap["allocatedBlocks"] <= target
        if settled or time.monotonic() > deadline:
            return heap
        time.sleep(0.2)


def test_a_client_that_does_not_read_is_cut_off_and_its_memory_freed(
    server: Server, connect: Callable[..., RawClient]
) -> None:
    # Warm up with the same load read by a well-behaved client, so every cache the
    # operations fill (parsed documents, the ORM's) is already full.
    reader = connect(BYSTANDER)
    reader.init()
    for i in range(ATTACK_OPERATIONS):
        reader.send({"id": f"w{i}", "type": "subscribe", "payload": {"query": HEAVY}}, flush=False)
    reader.flush()
    done = 0
    while done < ATTACK_OPERATIONS:
        message = reader.receive()
        assert isinstance(message, dict) and message["type"] in {"next", "complete"}, message
        done += message["type"] == "complete"
    reader.query("b0", "{ departments { name } }")
    baseline = server.heap()
    baseline_rss = server.rss_mb()

    # Meanwhile another client, on its own connection, is served as usual.
    bystander: dict[str, Any] = {}

    def use_the_service() -> None:
        bystander["ws"] = reader.query("b1", "{ departments { name } }")
        bystander["http"] = httpx.post(
            f"{server.base}/graphql", json={"query": "{ centres { totalCount } }"}, timeout=30
        ).json()

    other = threading.Thread(target=use_the_service)
    other.start()
    first_byte, closed, peak = _attack(server, connect)
    other.join(timeout=30)

    # The memory of the cancelled operations is freed. RSS cannot show it (the allocator
    # keeps freed pages for reuse, more or fewer depending on load), so the server's live
    # heap after a full collection is what is compared: even the results the client was sent,
    # if kept, are about 90,000 blocks here.
    leak_allowance = 2_000  # the allocator's own bookkeeping and the log's buffers
    after = _settled_heap(server, 1, baseline["allocatedBlocks"] + leak_allowance)
    print(
        f"\nheap blocks baseline {baseline['allocatedBlocks']}, after {after['allocatedBlocks']}; "
        f"RSS baseline {baseline_rss:.1f} MB, peak {peak:.1f} MB, after {server.rss_mb():.1f} MB; "
        f"first byte at {first_byte}s, connection reset at {closed}s "
        f"(send deadline {SEND_TIMEOUT}s)"
    )
    log = server.log.read_text()
    assert "WebSocket client took no data for 2.0 s: closing the connection" in log
    assert "Exception in worker task" not in log  # operations were cancelled, not crashed
    assert after["websocketConnections"] == 1  # the reader's
    assert after["allocatedBlocks"] <= baseline["allocatedBlocks"] + leak_allowance, (
        baseline,
        after,
    )

    assert bystander["http"]["data"]["centres"]["totalCount"] >= 215
    assert len(bystander["ws"]["data"]["departments"]) == 11
    # And the same client still works after the attack.
    assert reader.query("b2", "{ matters { totalCount } }")["data"]["matters"]["totalCount"] >= 160


def test_connections_per_address_are_capped(
    server: Server, connect: Callable[..., RawClient]
) -> None:
    admitted = [connect(CAPPED) for _ in range(MAX_CONNECTIONS)]
    for client in admitted:
        client.init()

    refused = connect(CAPPED)
    assert refused.receive() == Close(1013, "Too many connections from this address")

    # Another address is not affected.
    connect(OTHER).init()

    # A connection that ends frees its place.
    admitted.pop().sock.close()
    deadline = time.monotonic() + 10
    while True:
        again = connect(CAPPED)
        if again.protocol.state is State.OPEN:  # a refusal may arrive with the handshake
            again.send({"type": "connection_init", "payload": {}})
        answer = again.receive()
        if isinstance(answer, dict):
            assert answer["type"] == "connection_ack"
            break
        assert answer.code == 1013 and time.monotonic() < deadline, answer
        time.sleep(0.1)


def test_operations_per_connection_are_capped(
    server: Server, connect: Callable[..., RawClient]
) -> None:
    login = httpx.post(
        f"{server.base}/graphql",
        json={
            "query": 'mutation { staffLogin(username: "wlq-clerk1", password: "tongban-demo") '
            "{ tokens { accessToken } errors { code } } }"
        },
        timeout=20,
    ).json()["data"]["staffLogin"]
    assert login["errors"] == []
    client = connect(OPERATIONS)
    client.init({"authorization": f"Bearer {login['tokens']['accessToken']}"})
    events = "subscription { accountEvents { kind } }"
    for i in range(MAX_OPERATIONS):
        client.send({"id": f"s{i}", "type": "subscribe", "payload": {"query": events}}, flush=False)
    client.send({"id": "one-more", "type": "subscribe", "payload": {"query": events}})
    refusal = client.receive()
    assert isinstance(refusal, dict)
    assert refusal["id"] == "one-more" and refusal["type"] == "error"
    assert refusal["payload"][0]["extensions"] == {"code": "TOO_MANY_OPERATIONS"}
    assert f"最多 {MAX_OPERATIONS} 个" in refusal["payload"][0]["message"]

    # Ending one subscription makes room for another operation.
    client.send({"id": "s0", "type": "complete"})
    departments = client.query("q", "{ departments { name } }")
    assert len(departments["data"]["departments"]) == 11
