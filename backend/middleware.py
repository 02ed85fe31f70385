"""Pure ASGI middleware for the HTTP edge."""

from __future__ import annotations

import json

from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOO_LARGE_BODY = json.dumps(
    {"errors": [{"message": "请求内容过大。", "extensions": {"code": "REQUEST_TOO_LARGE"}}]},
    ensure_ascii=False,
).encode()


class _TooLarge(Exception):
    pass


class BodySizeLimit:
    """Refuses request bodies over `max_bytes` with 413, before they are read into memory.

    A declared Content-Length over the limit is refused at once; a body that arrives
    larger than it claimed (or chunked) is cut off as soon as it passes the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    @staticmethod
    async def _refuse(send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json; charset=utf-8"),
                    (b"content-length", str(len(TOO_LARGE_BODY)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": TOO_LARGE_BODY})


# Responses a phone gets compressed when they pass this size (a GraphQL catalogue page is
# tens of KiB of JSON; a small mutation payload is not worth the CPU).
GZIP_MIN_BYTES = 1024
# Never compressed on the fly: already compressed (PDFs, images), or streamed, where a
# compressor would hold events back (server-sent events, multipart subscriptions).
GZIP_EXCLUDED_TYPES = (
    *DEFAULT_EXCLUDED_CONTENT_TYPES,
    "application/pdf",
    "multipart/mixed",
)


def compressed_responses(app: ASGIApp) -> ASGIApp:
    """Gzip for HTTP responses (GraphQL and JSON) over GZIP_MIN_BYTES, for clients that
    accept it. WebSockets pass untouched (GZipMiddleware only handles "http" scopes), and
    responses that already carry a Content-Encoding (the PWA's precompressed files,
    backend/spa.py) are sent as they are."""
    return GZipMiddleware(
        app,
        minimum_size=GZIP_MIN_BYTES,
        compresslevel=6,
        exclude_content_types=GZIP_EXCLUDED_TYPES,
    )
