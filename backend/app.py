"""The Starlette application: lifespan (database, infrastructure, the stream relay), routes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Mount, Route, WebSocketRoute

from backend import db
from backend.api import AUTHENTICATOR, schema_for
from backend.bookings import jobs as bookings_jobs
from backend.bookings import reminders as bookings_reminders
from backend.bookings.http import ROUTES as BOOKING_CALENDAR
from backend.cases.http import ROUTES as CASE_DOCUMENTS
from backend.certificates.http import ROUTES as CERTIFICATE_ROUTES
from backend.certificates.library import e_licence_library
from backend.certificates.service import presentation_tokens
from backend.graphql.devtools import developer_tools, is_embedded, startup_notice
from backend.graphql.persisted import PersistedQueries, load_manifest
from backend.graphql.view import CachePolicy, GraphQLApp
from backend.graphql.websocket import WebSocketLimits
from backend.identity.registry import population_registry
from backend.identity.sms import sms_sender
from backend.middleware import BodySizeLimit, compressed_responses
from backend.platform import infra, streams
from backend.platform.edge import AccessLog, ClientAddress
from backend.platform.infra import Infrastructure, InfrastructureScope
from backend.platform.periodic import run_every
from backend.platform.runtime import live_heap, settle_heap
from backend.seeding import load_seed
from backend.settings import Settings, get_settings
from backend.spa import SinglePageApp

logger = logging.getLogger("tongban")
HEALTH_TIMEOUT_S = 2.0

PWA_MISSING = """<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>通办</title>
<p>通办后台已启动。手机端页面尚未构建，请使用 <a href="/graphql">/graphql</a>。</p>"""


async def healthz(request: Request) -> JSONResponse:
    """200 when the database and the broker answer; 503 (for load balancers) otherwise."""
    broker = infra.current().broker
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


LOOPBACK = ("127.", "::1")


def heap_diagnostics(graphql: GraphQLApp) -> Route:
    """GET /debug/heap (settings.diagnostics): for leak checks from this machine only."""

    async def heap(request: Request) -> JSONResponse:
        client = request.client.host if request.client else ""
        if not client.startswith(LOOPBACK):
            return JSONResponse({"error": "not found"}, status_code=404)
        return JSONResponse(
            {
                **live_heap(),
                "websocketConnections": graphql.websocket_connections.total,
            },
            headers={"Cache-Control": "no-store"},
        )

    return Route("/debug/heap", heap)


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
        infra.current().tokens.keys.jwks(),
        headers={"Cache-Control": "public, max-age=300"},
        media_type="application/jwk-set+json",
    )


def load_adapters() -> None:
    """Fail at start-up, not at the first sign-in, when an adapter is misnamed."""
    population_registry()
    sms_sender()
    e_licence_library()
    presentation_tokens()


async def pwa_missing(request: Request) -> HTMLResponse:
    return HTMLResponse(PWA_MISSING)


MANIFEST_NAME = "persisted-queries.json"


def persisted_queries(settings: Settings) -> PersistedQueries:
    """APQ, and the allow-list of the PWA's documents (its build writes the manifest)."""
    path = settings.persisted_queries_manifest or settings.pwa_dist / MANIFEST_NAME
    manifest = load_manifest(path)
    if settings.persisted_queries_only and not manifest:
        raise RuntimeError(f"TONGBAN_PERSISTED_QUERIES_ONLY is on but {path} lists no document")
    return PersistedQueries(
        manifest,
        only=settings.persisted_queries_only,
        ttl_seconds=settings.persisted_query_ttl_seconds,
    )


def create_app(
    settings: Settings | None = None, *, infrastructure: Infrastructure | None = None
) -> Starlette:
    """The app, built from `settings` alone (default: the environment) and nothing global.
    `infrastructure` hands in a container built elsewhere (tests, which own its parts)."""
    settings = settings or get_settings()
    container = infrastructure or Infrastructure(settings)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        infra.install(container)
        with infra.scoped(container):
            await container.start()
            load_adapters()
            if settings.migrate_on_start:
                await db.apply_migrations(settings.database_url)
            await db.connect(settings.database_url)
            if settings.seed_on_start:
                logger.info("seed loaded: %s", await load_seed(settings.seed_dir))
            relay = asyncio.create_task(
                run_every(settings.stream_relay_seconds, streams.relay_unpublished, "stream relay")
            )
            no_shows = asyncio.create_task(
                run_every(
                    settings.booking_no_show_job_seconds, bookings_jobs.mark_no_shows, "no-show job"
                )
            )
            reminders = asyncio.create_task(
                run_every(
                    settings.booking_reminder_job_seconds,
                    bookings_reminders.remind_tomorrow,
                    "reminder job",
                )
            )
            settle_heap()  # start-up is over: the collector stops walking what it built
        try:
            yield
        finally:
            for task in (relay, no_shows, reminders):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            with infra.scoped(container):
                await container.stop()
                await db.disconnect()
            infra.install(None)

    if notice := startup_notice(settings):
        logger.log(logging.INFO if is_embedded(settings) else logging.WARNING, "%s", notice)
    graphql = GraphQLApp(
        schema_for(settings),
        authenticator=AUTHENTICATOR,
        graphiql=developer_tools(settings).graphiql,
        websocket=WebSocketLimits.from_settings(settings),
        persisted=persisted_queries(settings),
        caching=CachePolicy(
            max_age_seconds=settings.public_max_age_seconds,
            server_seconds=settings.response_cache_seconds,
            max_bytes=settings.response_cache_max_bytes,
        ),
    )
    routes: list[Route | WebSocketRoute | Mount] = [
        Route("/healthz", healthz),
        Route("/.well-known/jwks.json", jwks),
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        *CASE_DOCUMENTS,
        *BOOKING_CALENDAR,
        *CERTIFICATE_ROUTES,
    ]
    if settings.diagnostics:
        routes.append(heap_diagnostics(graphql))
    if (settings.pwa_dist / "index.html").exists():
        routes.append(Mount("/", SinglePageApp(settings.pwa_dist)))
    else:
        routes.append(Route("/", pwa_missing))
    return Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[
            # Outermost first: the client address is settled before anything reads it.
            Middleware(ClientAddress, trusted_proxies=settings.trusted_proxies),
            Middleware(InfrastructureScope, infra=container),
            Middleware(AccessLog),
            Middleware(BodySizeLimit, max_bytes=settings.max_request_bytes),
            Middleware(compressed_responses),
        ],
    )
