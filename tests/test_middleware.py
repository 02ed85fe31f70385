"""Oversized request bodies are refused before they are read into memory."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from backend.middleware import BodySizeLimit


async def _echo_size(request: Request) -> PlainTextResponse:
    return PlainTextResponse(str(len(await request.body())))


def _client() -> httpx.AsyncClient:
    # Composed as backend/app.py composes it: inside Starlette's error handling.
    app = Starlette(
        routes=[Route("/", _echo_size, methods=["POST"])],
        middleware=[Middleware(BodySizeLimit, max_bytes=1000)],
    )
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def test_bodies_within_the_limit_pass() -> None:
    async with _client() as client:
        response = await client.post("/", content=b"x" * 1000)
    assert (response.status_code, response.text) == (200, "1000")


async def test_declared_oversize_is_refused_with_a_code() -> None:
    async with _client() as client:
        response = await client.post("/", content=b"x" * 1001)
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"


async def test_streamed_oversize_without_a_length_is_cut_off() -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(10):
            yield b"x" * 300

    async with _client() as client:
        response = await client.post("/", content=chunks())
    assert response.status_code == 413
