"""Serving the app with uvicorn, and the WebSocket protocol it uses.

Where the bytes of a client that does not read pile up: first in the kernel's socket send
buffer (auto-tuned up to net.ipv4.tcp_wmem's maximum, 4 MiB by default: the 2.8 MB seen
in the issue; capped here at SOCKET_SEND_BUFFER), then in the transport's write buffer,
which takes any message whole once it is below its high-water mark (64 KiB). uvicorn's
WebSocket protocol (`websockets-sansio`, what `auto` picks with the `websockets` package
installed) then makes every ASGI `send` wait until that buffer drains; the application
side of the deadline lives in backend/graphql/websocket.py. What uvicorn does not do, and this
protocol does:

- a close frame does not wait for the buffer to drain (it is queued behind the unread
  bytes), so the application can close a stalled connection at all;
- a close the client does not answer within the send deadline, a keepalive ping it does
  not answer, and an application that returns with bytes still unsent end in a TCP reset
  (SO_LINGER 0, then abort) instead of `transport.close()`, which waits for the buffer to
  drain, i.e. forever, with the kernel buffer, the transport buffer and the connection
  kept alive;
- a write buffer that stays above its high-water mark for twice the send deadline resets
  the connection whatever the application does (a safety net: the application closes
  first, after one deadline, and its close frame then gets one more deadline).
"""

from __future__ import annotations

import logging
import socket
import struct
from asyncio import BaseTransport, TimerHandle
from typing import Any, ClassVar

import uvicorn
from starlette.types import ASGIApp
from uvicorn._types import ASGISendEvent
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

from backend.platform.edge import UVICORN_OPTIONS, quiet_uvicorn
from backend.settings import Settings

logger = logging.getLogger("tongban.websocket")

# The kernel's send buffer of a WebSocket connection. Left alone, Linux auto-tunes it up
# to tcp_wmem's maximum (4 MiB), all of it piling up for a client that does not read,
# and invisible to the deadline (sends only wait once it is full). 256 KiB (the kernel
# doubles it for its bookkeeping) still carries about 20 Mbit/s at 100 ms of round trip.
SOCKET_SEND_BUFFER = 256 * 1024


class StallGuardedWebSocketProtocol(WebSocketsSansIOProtocol):
    """uvicorn's sans-I/O WebSocket protocol that never waits forever for a client."""

    send_timeout: ClassVar[float] = 10.0

    @classmethod
    def with_send_timeout(cls, seconds: float) -> type[StallGuardedWebSocketProtocol]:
        return type(cls.__name__, (cls,), {"send_timeout": seconds})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.close_timeout = self.send_timeout  # uvicorn's is a fixed 10 s
        self.stall_timer: TimerHandle | None = None
        self.abort_timer: TimerHandle | None = None

    def connection_made(self, transport: BaseTransport) -> None:
        super().connection_made(transport)
        sock = transport.get_extra_info("socket")
        if sock is not None:
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SOCKET_SEND_BUFFER)
            except OSError:  # pragma: no cover - not a TCP socket
                pass

    # Write buffer above / below the high-water mark.

    def pause_writing(self) -> None:
        super().pause_writing()
        if self.stall_timer is None:
            self.stall_timer = self.loop.call_later(2 * self.send_timeout, self._stalled)

    def resume_writing(self) -> None:
        super().resume_writing()
        self._cancel_timers(abort=False)

    def _stalled(self) -> None:
        self.stall_timer = None
        logger.warning(
            "WebSocket client read nothing for %.1f s: resetting the connection",
            2 * self.send_timeout,
        )
        self.reset()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_timers(abort=True)
        super().connection_lost(exc)

    def _cancel_timers(self, *, abort: bool) -> None:
        timers = [self.stall_timer, self.abort_timer] if abort else [self.stall_timer]
        for timer in timers:
            if timer is not None:
                timer.cancel()
        self.stall_timer = None
        if abort:
            self.abort_timer = None

    def reset(self) -> None:
        """Ends the connection now, dropping whatever is unsent (kernel buffer included:
        SO_LINGER 0 makes the close a reset instead of an orphan that keeps retrying)."""
        if self.disconnected:
            return
        sock = self.transport.get_extra_info("socket")
        if sock is not None:
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            except OSError:  # pragma: no cover - already closed
                pass
        self.transport.abort()

    def _close_timed_out(self) -> None:
        """The client did not answer our close frame within the deadline: it is not
        reading, and bytes may be left unsent in the kernel even when the transport's
        own buffer is empty, so reset rather than wait (uvicorn calls transport.close())."""
        self.close_timer = None
        self.reset()

    # Closing.

    async def send(self, message: ASGISendEvent) -> None:
        if (
            message["type"] == "websocket.close"
            and self.handshake_complete
            and self.initial_response is None
            and not self.close_sent
            and not self.disconnected
            and not self.transport.is_closing()
        ):
            # uvicorn's own branch, without first waiting for the write buffer to drain.
            code = message.get("code", 1000)
            reason = message.get("reason", "") or ""
            self.queue.put_nowait({"type": "websocket.disconnect", "code": code, "reason": reason})
            self.conn.send_close(code, reason)
            self.transport.write(b"".join(self.conn.data_to_send()))
            self.close_sent = True
            self._cancel_timers(abort=False)  # the close timer takes over from here
            if self.read_paused:
                self.read_paused = False
                self.transport.resume_reading()
            self.close_timer = self.loop.call_later(self.close_timeout, self._close_timed_out)
            return
        await super().send(message)

    def keepalive_timeout(self) -> None:
        super().keepalive_timeout()  # queues a 1011 close and a close() that waits to drain
        self.reset()

    async def run_asgi(self) -> None:
        await super().run_asgi()
        # The application is done; what it left unsent gets one deadline to go out.
        if not self.disconnected and self.close_timer is None and self.abort_timer is None:
            self.abort_timer = self.loop.call_later(self.send_timeout, self._abort_if_open)

    def _abort_if_open(self) -> None:
        self.abort_timer = None
        if not self.disconnected:
            self.reset()


def serve(app: ASGIApp | str, host: str, port: int, settings: Settings) -> None:
    """Serves `app`; given the import string of an app factory (each worker process builds
    its own app), uvicorn runs `settings.serve_workers()` workers."""
    # No proxy headers and no access log from uvicorn: backend/platform/edge.py does both.
    quiet_uvicorn()
    workers = settings.serve_workers() if isinstance(app, str) else 1
    logging.getLogger("tongban").info("serving with %d worker process(es)", workers)
    # Worker processes get the configuration pickled: the protocol goes by name there, and
    # each worker builds it from its settings (module `__getattr__` below).
    ws: Any = (
        f"{__name__}:SettingsWebSocketProtocol"
        if workers > 1
        else StallGuardedWebSocketProtocol.with_send_timeout(settings.ws_send_timeout_seconds)
    )
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        workers=workers,
        factory=isinstance(app, str),
        # The fastest event loop and HTTP parser uvicorn has (both are dependencies).
        loop="uvloop",
        http="httptools",
        **UVICORN_OPTIONS,
        ws=ws,
        # A graphql-transport-ws message is a document and its variables, like a POST body.
        ws_max_size=settings.max_request_bytes,
        # The keepalive closes idle clients that stopped answering (a ping unanswered for
        # interval + timeout); busy ones are caught earlier by the send deadline.
        ws_ping_interval=settings.ws_ping_interval_seconds,
        ws_ping_timeout=settings.ws_ping_timeout_seconds,
        # ws_max_queue is not set: only uvicorn's legacy `websockets` protocol reads it.
        # The sans-I/O protocol stops reading after each message until the application
        # has taken it, so incoming messages never queue up.
    )


def __getattr__(name: str) -> Any:
    """`SettingsWebSocketProtocol`: the protocol with the send deadline of this process's
    settings (uvicorn imports it by name in each worker process)."""
    if name == "SettingsWebSocketProtocol":
        from backend.settings import get_settings

        seconds = get_settings().ws_send_timeout_seconds
        return StallGuardedWebSocketProtocol.with_send_timeout(seconds)
    raise AttributeError(name)
