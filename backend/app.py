"""The Starlette application: lifespan (database, broker), routes."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Mount, Route, WebSocketRoute

from backend import db
from backend.graphql.schema import schema
from backend.graphql.view import GraphQLApp
from backend.graphql.websocket import WebSocketLimits
from backend.identity.registry import get_registry
from backend.identity.sms import get_sms_sender
from backend.middleware import BodySizeLimit
from backend.platform import ratelimit
from backend.platform.broker import Broker, create_broker
from backend.platform.crypto import get_cipher
from backend.platform.tokens import get_token_service
from backend.seeding import load_seed
from backend.settings import Settings, get_settings
from backend.spa import SinglePageApp

logger = logging.getLogger("tongban")
HEALTH_TIMEOUT_S = 2.0

PWA_MISSING = """<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>通办</title>
<p>通办后台已启动。手机端页面尚未构建，请使用 <a href="/graphql">/graphql</a>。</p>"""


async def healthz(request: Request) -> JSONResponse:
    """200 when the database and the broker answer; 503 (for load balancers) otherwise."""
    broker: Broker = request.app.state.broker
    checks = {
        "database": await _answers(_ping_database()),
        "broker": await _answers(broker.ping()),
    }
    healthy = all(checks.values())
    return JSONResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "database": "ok" if checks["database"] else "error",
            "broker": ("redis" if broker.is_redis else "memory") if checks["broker"] else "error",
        },
        status_code=200 if healthy else 503,
    )


async def _ping_database() -> None:
    from tortoise import connections

    await connections.get("default").execute_query("SELECT 1")


async def _answers(check: Awaitable[None]) -> bool:
    try:
        await asyncio.wait_for(check, HEALTH_TIMEOUT_S)
    except Exception:  # any failure means "not healthy"; the log says which
        logger.warning("health check failed", exc_info=True)
        return False
    return True


async def jwks(request: Request) -> JSONResponse:
    """The public keys access tokens are signed with (RFC 7517), current and retired."""
    return JSONResponse(
        get_token_service().keys.jwks(),
        headers={"Cache-Control": "public, max-age=300"},
        media_type="application/jwk-set+json",
    )


def load_keys_and_adapters() -> None:
    """Fail at start-up, not at the first sign-in, when keys or adapters are wrong."""
    get_token_service()
    get_cipher()
    get_registry()
    get_sms_sender()


async def pwa_missing(request: Request) -> HTMLResponse:
    return HTMLResponse(PWA_MISSING)


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        load_keys_and_adapters()
        if settings.migrate_on_start:
            await db.apply_migrations(settings.database_url)
        await db.connect(settings.database_url)
        if settings.seed_on_start:
            logger.info("seed loaded: %s", await load_seed(settings.seed_dir))
        broker = create_broker(settings.redis_url)
        await broker.connect()
        app.state.broker = broker
        try:
            yield
        finally:
            await ratelimit.close_limiter()
            await broker.disconnect()
            await db.disconnect()

    graphql = GraphQLApp(
        schema, graphiql=settings.graphiql, websocket=WebSocketLimits.from_settings(settings)
    )
    routes: list[Route | WebSocketRoute | Mount] = [
        Route("/healthz", healthz),
        Route("/.well-known/jwks.json", jwks),
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
    ]
    if (settings.pwa_dist / "index.html").exists():
        routes.append(Mount("/", SinglePageApp(settings.pwa_dist)))
    else:
        routes.append(Route("/", pwa_missing))
    return Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[Middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)],
    )
