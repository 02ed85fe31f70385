"""WebSocket backpressure and caps for graphql-transport-ws (plumbing only, no domain).

Strawberry's adapter lets every operation task await the ASGI `send` itself, so a client
that never reads leaves every operation parked with its encoded result, for as long as the
TCP connection lives. Here instead:

- every connection has one writer task and a bounded send queue (messages and bytes);
  operation tasks wait for room in the queue, never for the client;
- a message the server does not take within `send_timeout` seconds (its write buffer stays
  full because the client is not reading) gives the client up: the connection is closed
  with 4408 "Send timeout" and every operation on it (subscriptions and queries) is
  cancelled, so their memory is freed. (backend/server.py makes sure the close does not
  itself wait for the unread bytes, and resets the TCP connection if the client never
  takes the close frame either.)
- at most `max_operations` operations run at once on a connection; one more is answered
  with an `error` message, code TOO_MANY_OPERATIONS;
- at most `max_connections_per_address` connections per client address and process; one
  more is accepted and closed at once with 1013 "Try again later".

Why 4408: graphql-transport-ws uses the 44xx range for its own closes, 4408 is its
timeout code, and clients built on graphql-ws reconnect after 4408 (they give up for good
after 1008), which is right for a phone whose network stalled in a lift; an abusive client
gains nothing by reconnecting, since each connection is cut again after the deadline and
the per-address cap still applies. The reason text tells it from the initialisation
timeout, which uses the same code.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter, deque
from collections.abc import AsyncGenerator, Coroutine, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from graphql import GraphQLError
from starlette.websockets import WebSocket, WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)

from backend.platform.errors import ErrorCode

if TYPE_CHECKING:
    from strawberry.http.async_base_view import AsyncBaseHTTPView
    from strawberry.subscriptions.protocols.graphql_transport_ws.types import SubscribeMessage

    from backend.settings import Settings

logger = logging.getLogger("tongban.websocket")

SEND_TIMEOUT_CLOSE = (4408, "Send timeout: the client is not reading")
TOO_MANY_CONNECTIONS_CLOSE = (1013, "Too many connections from this address")
TOO_MANY_OPERATIONS_MESSAGE = "同一连接上进行中的操作过多（最多 {} 个），请先结束部分订阅或查询。"


@dataclass(frozen=True)
class WebSocketLimits:
    send_queue_messages: int = 64
    send_queue_bytes: int = 1024 * 1024
    send_timeout: float = 10.0
    max_operations: int = 100
    max_connections_per_address: int = 20

    @classmethod
    def from_settings(cls, settings: Settings) -> WebSocketLimits:
        return cls(
            send_queue_messages=settings.ws_send_queue_messages,
            send_queue_bytes=settings.ws_send_queue_bytes,
            send_timeout=settings.ws_send_timeout_seconds,
            max_operations=settings.ws_max_operations_per_connection,
            max_connections_per_address=settings.ws_max_connections_per_address,
        )


class SendQueue:
    """FIFO of encoded messages, bounded by count and by size. A message larger than the
    byte bound still goes through on its own (when the queue is empty), so nothing is
    ever refused for its size alone. `close()` drops what is queued and releases every
    waiting producer."""

    def __init__(self, max_messages: int, max_bytes: int) -> None:
        self.max_messages = max_messages
        self.max_bytes = max_bytes
        self._items: deque[str] = deque()
        self._bytes = 0
        self._closed = False
        self._changed = asyncio.Condition()

    @property
    def size(self) -> tuple[int, int]:
        return len(self._items), self._bytes

    def _has_room(self, size: int) -> bool:
        if not self._items:
            return True
        return len(self._items) < self.max_messages and self._bytes + size <= self.max_bytes

    async def put(self, item: str) -> bool:
        """Waits for room; False when the queue was closed meanwhile (item dropped)."""
        async with self._changed:
            await self._changed.wait_for(lambda: self._closed or self._has_room(len(item)))
            if self._closed:
                return False
            self._items.append(item)
            self._bytes += len(item)
            self._changed.notify_all()
            return True

    async def get(self) -> str | None:
        """The oldest item; None once the queue is closed."""
        async with self._changed:
            await self._changed.wait_for(lambda: self._closed or bool(self._items))
            if self._closed:
                return None
            item = self._items.popleft()
            self._bytes -= len(item)
            self._changed.notify_all()
            return item

    async def close(self) -> None:
        async with self._changed:
            self._closed = True
            self._items.clear()
            self._bytes = 0
            self._changed.notify_all()


class BackpressureWebSocketAdapter(ASGIWebSocketAdapter):
    """Strawberry's ASGI adapter with one writer per connection and a send deadline.
    `with_limits` makes the class a view uses (Strawberry instantiates it)."""

    limits: ClassVar[WebSocketLimits] = WebSocketLimits()

    @classmethod
    def with_limits(cls, limits: WebSocketLimits) -> type[BackpressureWebSocketAdapter]:
        return type(cls.__name__, (cls,), {"limits": limits})

    def __init__(
        self,
        view: AsyncBaseHTTPView[Any, Any, Any, Any, Any, Any, Any],
        request: WebSocket,
        response: WebSocket,
    ) -> None:
        super().__init__(view, request, response)
        limits = self.limits
        self.queue = SendQueue(limits.send_queue_messages, limits.send_queue_bytes)
        # Set when nothing more will be sent: the client left, was given up, or we closed.
        self.finished = asyncio.Event()
        self._writer: asyncio.Task[None] | None = None
        self._close_lock = asyncio.Lock()

    async def send_json(self, message: Mapping[str, object]) -> None:
        """Queues the message. Once the connection is finished, messages are dropped: the
        handler's shutdown is about to cancel every operation anyway."""
        if self.finished.is_set():
            return
        encoded = self.view.encode_json(message)
        text = encoded.decode() if isinstance(encoded, bytes) else encoded
        if self._writer is None:
            self._writer = asyncio.create_task(self._write())
        await self.queue.put(text)

    async def _write(self) -> None:
        while (text := await self.queue.get()) is not None:
            try:
                await asyncio.wait_for(self.ws.send_text(text), self.limits.send_timeout)
            except TimeoutError:
                pending, pending_bytes = self.queue.size
                logger.warning(
                    "WebSocket client took no data for %.1f s: closing the connection "
                    "(%d messages, %d bytes still queued)",
                    self.limits.send_timeout,
                    pending + 1,
                    pending_bytes + len(text),
                )
                await self._finish(SEND_TIMEOUT_CLOSE)
                return
            except (WebSocketDisconnect, OSError, RuntimeError):
                await self._finish(None)  # the client is gone (or we closed): nothing to send
                return

    async def _finish(self, close: tuple[int, str] | None) -> None:
        """Stops sending for good; sends the close frame, if any, within the deadline."""
        async with self._close_lock:
            if self.finished.is_set():
                return
            self.finished.set()
            await self.queue.close()
            if close is not None:
                with suppress(WebSocketDisconnect, OSError, RuntimeError, TimeoutError):
                    await asyncio.wait_for(
                        self.ws.close(code=close[0], reason=close[1]), self.limits.send_timeout
                    )

    async def close(self, code: int, reason: str) -> None:
        """A close from the protocol handler (bad message, init timeout ...): what is still
        queued is dropped, as the operations are about to be cancelled."""
        await self._finish((code, reason))

    async def aclose(self) -> None:
        """Ends the writer; called once the protocol handler has returned."""
        await self._finish(None)
        if self._writer is not None:
            self._writer.cancel()
            with suppress(asyncio.CancelledError):
                await self._writer

    async def iter_json(
        self, *, ignore_parsing_errors: bool = False
    ) -> AsyncGenerator[object, None]:
        """The client's messages until it leaves, or until the connection is finished
        (given up for not reading): then WebSocketDisconnected ends the handler, whose
        shutdown cancels every operation."""
        messages = super().iter_json(ignore_parsing_errors=ignore_parsing_errors)
        finished = asyncio.ensure_future(self.finished.wait())
        received: asyncio.Future[object] | None = None
        try:
            while True:
                received = asyncio.ensure_future(anext(messages))
                await asyncio.wait({received, finished}, return_when=asyncio.FIRST_COMPLETED)
                if not received.done():
                    raise WebSocketDisconnected
                try:
                    message = received.result()
                except StopAsyncIteration:
                    return
                yield message
        finally:
            finished.cancel()
            if received is not None and not received.done():
                received.cancel()
                with suppress(asyncio.CancelledError, StopAsyncIteration, Exception):
                    await received
            await messages.aclose()


class LimitedGraphQLTransportWSHandler(BaseGraphQLTransportWSHandler[Any, None]):
    """Strawberry's handler with the per-connection operation cap answered with a code.

    Strawberry counts every in-flight operation (queries and mutations over the socket,
    not only subscriptions) against `max_subscriptions_per_connection`; its own refusal
    has neither code nor Chinese message, so the check happens here first."""

    async def handle(self) -> None:
        try:
            await super().handle()
        finally:
            if isinstance(self.websocket, BackpressureWebSocketAdapter):
                await self.websocket.aclose()

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        limit = self.max_subscriptions_per_connection
        if (
            self.connection_acknowledged
            and limit is not None
            and message["id"] not in self.operations
            and len(self.operations) >= limit
        ):
            error = GraphQLError(
                TOO_MANY_OPERATIONS_MESSAGE.format(limit),
                extensions={"code": ErrorCode.TOO_MANY_OPERATIONS.value},
            )
            await self.send_message(
                {"id": message["id"], "type": "error", "payload": [error.formatted]}
            )
            return
        await super().handle_subscribe(message)


class ConnectionLimiter:
    """Counts open WebSocket connections per client address, in this process."""

    def __init__(self, max_per_address: int) -> None:
        self.max_per_address = max_per_address
        self.open: Counter[str] = Counter()

    @property
    def total(self) -> int:
        return sum(self.open.values())

    @contextmanager
    def hold(self, address: str | None) -> Iterator[bool]:
        """Yields whether the connection may proceed; counts it while it does."""
        if address is None:
            yield True
            return
        if self.open[address] >= self.max_per_address:
            yield False
            return
        self.open[address] += 1
        try:
            yield True
        finally:
            self.open[address] -= 1
            if not self.open[address]:
                del self.open[address]

    async def serve(
        self, websocket: WebSocket, address: str | None, run: Coroutine[Any, Any, None]
    ) -> None:
        """Runs `run` when the address is under its cap; refuses the connection otherwise."""
        with self.hold(address) as admitted:
            if admitted:
                await run
                return
        run.close()
        # Accept, then close: browsers only ever see a close code, never a refused
        # handshake's status. graphql-ws clients retry after 1013 with a backoff.
        logger.warning(
            "WebSocket connection refused: %d already open from one address",
            self.max_per_address,
        )
        offered = GRAPHQL_TRANSPORT_WS_PROTOCOL in websocket.scope.get("subprotocols", [])
        with suppress(WebSocketDisconnect, OSError, RuntimeError):
            await websocket.accept(subprotocol=GRAPHQL_TRANSPORT_WS_PROTOCOL if offered else None)
            await websocket.close(*TOO_MANY_CONNECTIONS_CLOSE)
