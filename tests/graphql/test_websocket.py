"""The bounded send queue of a WebSocket connection (backend/graphql/websocket.py), and the
uvicorn protocol that resets a connection whose client stopped reading
(backend/server.py), with a bare ASGI application that never gives up by itself."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from typing import Any

import uvicorn

from backend.graphql.websocket import SendQueue
from backend.server import StallGuardedWebSocketProtocol


async def _blocked(awaitable: Any) -> asyncio.Task[Any]:
    task = asyncio.ensure_future(awaitable)
    await asyncio.sleep(0.05)
    assert not task.done()
    return task


async def test_the_queue_is_bounded_by_messages() -> None:
    queue = SendQueue(max_messages=2, max_bytes=1000)
    assert await queue.put("a") and await queue.put("b")
    third = await _blocked(queue.put("c"))
    assert await queue.get() == "a"
    assert await third is True
    assert queue.size == (2, 2)


async def test_the_queue_is_bounded_by_bytes_but_takes_a_large_message_alone() -> None:
    queue = SendQueue(max_messages=10, max_bytes=10)
    assert await queue.put("x" * 8)
    small = await _blocked(queue.put("y" * 3))  # 8 + 3 > 10
    assert await queue.get() == "x" * 8
    assert await small
    assert await queue.get() == "y" * 3
    assert await queue.put("z" * 50)  # larger than the bound, but alone
    assert queue.size == (1, 50)


async def test_closing_the_queue_releases_waiting_producers_and_the_consumer() -> None:
    queue = SendQueue(max_messages=1, max_bytes=1000)
    assert await queue.put("a")
    producer = await _blocked(queue.put("b"))
    await queue.close()
    assert await producer is False
    assert await queue.get() is None
    assert queue.size == (0, 0)


async def test_a_stalled_connection_is_reset_even_if_the_application_never_closes_it() -> None:
    send_timeout = 0.5
    outcome: dict[str, Any] = {}

    async def flood(scope: Any, receive: Any, send: Any) -> None:
        """Accepts, then sends forever; never closes, never times out."""
        assert scope["type"] == "websocket"
        await receive()
        await send({"type": "websocket.accept"})
        try:
            while True:
                await send({"type": "websocket.send", "bytes": b"x" * 65536})
        except OSError as error:  # uvicorn's ClientDisconnected
            outcome["error"] = type(error).__name__

    config = uvicorn.Config(
        flood,
        host="127.0.0.1",
        port=0,
        lifespan="off",
        log_level="warning",
        ws=StallGuardedWebSocketProtocol.with_send_timeout(send_timeout),
        ws_per_message_deflate=False,
    )
    server = uvicorn.Server(config)
    server.capture_signals = contextlib.nullcontext  # type: ignore[method-assign]
    serving = asyncio.create_task(server.serve())
    for _ in range(1000):
        if server.started:
            break
        await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]

    def handshake() -> socket.socket:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.connect(("127.0.0.1", port))
        sock.sendall(
            b"GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        return sock

    sock = await asyncio.to_thread(handshake)
    try:
        started = time.monotonic()
        while sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 8)[0] == 1:  # ESTABLISHED
            assert time.monotonic() - started < 2 * send_timeout + 5, "never reset"
            await asyncio.sleep(0.05)
        elapsed = time.monotonic() - started
        for _ in range(100):
            if outcome:
                break
            await asyncio.sleep(0.01)
        assert outcome == {"error": "ClientDisconnected"}
        assert elapsed >= 2 * send_timeout - 0.1  # not before the safety net's time
    finally:
        sock.close()
        server.should_exit = True
        await serving
