"""The HTTP edge: who the client is, which request this is, and the access log.

Two pure ASGI middlewares, outermost in the app:

- `ClientAddress` decides the client address once (backend/platform/clientaddress.py) and
  writes it into `scope["client"]`: everything downstream (RequestMeta, rate limits, the
  audit source hash, WebSocket handling) reads that one value. uvicorn's own proxy-header
  handling is off (`UVICORN_OPTIONS`), so there is exactly one place that decides.
- `AccessLog` gives every request its id (kept in `scope["state"]`, sent back as
  X-Request-ID) and logs one line per HTTP request, and one line at open and one at close
  per WebSocket. Never the query string, the body, headers or the client address itself:
  the path is cut at "?" and scrubbed (see `scrub`), the client is the same keyed hash the
  audit trail stores, and the GraphQL operation is its type and name, never the document or
  its variables.
"""

from __future__ import annotations

import logging
import re
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.platform.clientaddress import TrustedProxies, client_address
from backend.platform.requestmeta import (
    STATE_OPERATION,
    STATE_REQUEST_ID,
    RequestMeta,
    accept_request_id,
)

logger = logging.getLogger("tongban.access")

# How the service runs under uvicorn (python -m backend serve, and the tests' live server):
# no proxy headers (ClientAddress decides), no uvicorn access log (AccessLog writes it),
# uvicorn's loggers go to the root handler like ours.
UVICORN_OPTIONS: dict[str, Any] = {"proxy_headers": False, "access_log": False, "log_config": None}

_LONG_DIGITS = re.compile(r"\d{5,}")  # phones, ID numbers, one-time codes
_UNPRINTABLE = re.compile(r"[^\x21-\x7e]+")  # non-ASCII (names), spaces, control characters
MAX_LOGGED_PATH = 200


def scrub(text: str, limit: int = MAX_LOGGED_PATH) -> str:
    """Text a client chose (a path, an operation name), made safe for the log: runs of five
    or more digits and anything outside printable ASCII become "*", so a phone number, an ID
    number, a code or a name typed into a URL never reaches the log, nor does a line break."""
    return _LONG_DIGITS.sub("*", _UNPRINTABLE.sub("*", text))[:limit]


class ClientAddress:
    """Sets `scope["client"]` to the client address: the TCP peer, or, when the peer is a
    trusted proxy, the rightmost X-Forwarded-For entry that is not a trusted proxy."""

    def __init__(self, app: ASGIApp, trusted_proxies: list[str]) -> None:
        self.app = app
        self.trusted = TrustedProxies(trusted_proxies)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            peer = scope.get("client")
            host = peer[0] if peer else None
            forwarded = [
                value.decode("latin-1")
                for name, value in scope.get("headers", ())
                if name == b"x-forwarded-for"
            ]
            resolved = client_address(host, forwarded, self.trusted)
            if peer and resolved != host:
                port = 0 if forwarded and peer[0] in self.trusted else peer[1]
                scope = {**scope, "client": (resolved, port)}
        await self.app(scope, receive, send)


def _source(scope: Scope) -> str:
    """RequestMeta's keyed hash of the client address: the one rate limits and audit use.
    (Not cached per address: the key comes from the current cipher, which tests swap.)"""
    client = scope.get("client")
    key = RequestMeta(request_id="", client_address=client[0] if client else None).source_key
    return key or "-"


def _request_id(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            return accept_request_id(value.decode("latin-1"))
    return accept_request_id(None)


def _with_request_id(message: Message, request_id: str) -> Message:
    headers = [(k, v) for k, v in message.get("headers", ()) if k.lower() != b"x-request-id"]
    headers.append((b"x-request-id", request_id.encode()))
    return {**message, "headers": headers}


class AccessLog:
    """One log line per HTTP request, two per WebSocket; the request id for both."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        state: dict[str, Any] = scope.setdefault("state", {})
        state[STATE_REQUEST_ID] = request_id = _request_id(scope)
        if scope["type"] == "http":
            await self._http(scope, receive, send, request_id, state)
        else:
            await self._websocket(scope, receive, send, request_id)

    async def _http(
        self, scope: Scope, receive: Receive, send: Send, request_id: str, state: dict[str, Any]
    ) -> None:
        started = time.perf_counter()
        status: int | None = None
        sent = 0

        async def logging_send(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message = _with_request_id(message, request_id)
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, logging_send)
        finally:
            # No response yet means an exception: Starlette's error middleware answers 500.
            logger.info(
                "%s %s %d %.1fms %dB rid=%s op=%s src=%s",
                scope["method"],
                scrub(scope["path"]),
                status if status is not None else 500,
                (time.perf_counter() - started) * 1000,
                sent,
                request_id,
                state.get(STATE_OPERATION, "-"),
                _source(scope),
            )

    async def _websocket(self, scope: Scope, receive: Receive, send: Send, request_id: str) -> None:
        path = scrub(scope["path"])
        opened: float | None = None
        refused: int | None = None
        close_code: int | None = None
        closed_by = "-"

        async def logging_send(message: Message) -> None:
            nonlocal opened, refused, close_code, closed_by
            kind = message["type"]
            if kind == "websocket.accept":
                opened = time.perf_counter()
                message = _with_request_id(message, request_id)
                logger.info("WS %s open rid=%s src=%s", path, request_id, _source(scope))
            elif kind == "websocket.http.response.start":
                refused = int(message["status"])
            elif kind == "websocket.close" and close_code is None:
                close_code, closed_by = int(message.get("code", 1000)), "server"
                if opened is None:
                    refused = 403  # closing before accepting refuses the handshake
            await send(message)

        async def logging_receive() -> Message:
            nonlocal close_code, closed_by
            message = await receive()
            if message["type"] == "websocket.disconnect" and close_code is None:
                close_code, closed_by = int(message.get("code", 1005)), "client"
            return message

        try:
            await self.app(scope, logging_receive, logging_send)
        finally:
            if opened is not None:
                logger.info(
                    "WS %s close %.1fms code=%s by=%s rid=%s src=%s",
                    path,
                    (time.perf_counter() - opened) * 1000,
                    close_code if close_code is not None else "-",
                    closed_by,
                    request_id,
                    _source(scope),
                )
            else:
                logger.info(
                    "WS %s refused %s rid=%s src=%s",
                    path,
                    refused if refused is not None else 500,
                    request_id,
                    _source(scope),
                )


class _NoUvicornWebSocketLines(logging.Filter):
    """uvicorn logs every WebSocket handshake with its query string and the raw client
    address, outside its access log (so `access_log=False` does not stop it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith('%s - "WebSocket ')


def quiet_uvicorn() -> None:
    """Drops uvicorn's own per-connection lines; AccessLog writes ours. Idempotent."""
    error_logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _NoUvicornWebSocketLines) for f in error_logger.filters):
        error_logger.addFilter(_NoUvicornWebSocketLines())
