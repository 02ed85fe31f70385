"""The one way to reach infrastructure: an app-scoped container.

`Infrastructure` holds everything outside the process that code talks to (the broker, the
event publisher, the rate limiter, the PII cipher, the token service) plus the settings it
was built from, and whatever adapters a domain asks it to keep
(`infra.adapter(key, factory)`: the population registry, the SMS sender ...).
`create_app(settings)` builds one from the Settings it is given; the lifespan starts and
stops it. Nothing reads the environment behind its back.

Code reaches it with `current()`:

- inside a request, the app's container (the ASGI middleware `InfrastructureScope` puts it
  in a context variable, so two apps in one process each see their own);
- elsewhere (start-up, background tasks, CLI commands, tests) the process default that
  `install()` sets; the lifespan installs its container.

The GraphQL context exposes the same object as `info.context.infra`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from starlette.types import ASGIApp, Receive, Scope, Send

from backend.platform.broker import Broker, create_broker
from backend.platform.crypto import PiiCipher, load_cipher
from backend.platform.events import EventPublisher
from backend.platform.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter
from backend.platform.tokens import TokenService, build_token_service
from backend.settings import Settings

logger = logging.getLogger("tongban")
T = TypeVar("T")


class Infrastructure:
    """Built from one Settings object; parts that read keys from disk load on first use."""

    def __init__(
        self,
        settings: Settings,
        *,
        broker: Broker | None = None,
        limiter: RateLimiter | None = None,
        cipher: PiiCipher | None = None,
        tokens: TokenService | None = None,
    ) -> None:
        self.settings = settings
        self.broker = broker or create_broker(
            settings.redis_url, buffer=settings.broker_subscriber_buffer
        )
        self.limiter = limiter or (
            RedisRateLimiter(settings.redis_url, settings.redis_key_prefix)
            if settings.redis_url
            else MemoryRateLimiter()
        )
        self.events = EventPublisher(self.broker, self.channel)
        self._cipher = cipher
        self._tokens = tokens
        self._adapters: dict[str, Any] = {}

    @property
    def cipher(self) -> PiiCipher:
        if self._cipher is None:
            self._cipher = load_cipher(self.settings)
        return self._cipher

    @cipher.setter
    def cipher(self, cipher: PiiCipher) -> None:
        """Swap keys (rotation drills, tests)."""
        self._cipher = cipher

    @property
    def tokens(self) -> TokenService:
        if self._tokens is None:
            self._tokens = build_token_service(self.settings)
        return self._tokens

    def adapter(self, key: str, factory: Callable[[Settings], T]) -> T:
        """The adapter a domain keeps here under `key`, built from settings on first use."""
        if key not in self._adapters:
            self._adapters[key] = factory(self.settings)
        found: T = self._adapters[key]
        return found

    def channel(self, name: str) -> str:
        """A broker channel, prefixed like every Redis key so deployments sharing one Redis
        do not hear each other."""
        return f"{self.settings.redis_key_prefix}{name}"

    async def start(self) -> None:
        """Fail at start-up, not at the first sign-in, when keys are wrong; connect."""
        _ = self.cipher, self.tokens
        await self.broker.connect()

    async def stop(self) -> None:
        for adapter in self._adapters.values():  # adapters holding connections close them
            close = getattr(adapter, "aclose", None)
            if close is not None:
                await close()
        await self.limiter.close()
        await self.broker.disconnect()


_scoped: ContextVar[Infrastructure | None] = ContextVar("tongban_infrastructure", default=None)
_process: Infrastructure | None = None


def current() -> Infrastructure:
    found = _scoped.get() or _process
    if found is None:
        raise RuntimeError(
            "no infrastructure: run inside the app (create_app's lifespan installs it) or "
            "call backend.platform.infra.install() first"
        )
    return found


def install(infra: Infrastructure | None) -> None:
    """Set (or clear) the process default: the lifespan, CLI commands and tests call it."""
    global _process
    _process = infra


@contextmanager
def scoped(infra: Infrastructure) -> Iterator[Infrastructure]:
    """Use `infra` in this task (and tasks it starts) for the duration of the block."""
    token = _scoped.set(infra)
    try:
        yield infra
    finally:
        _scoped.reset(token)


class InfrastructureScope:
    """Pure ASGI middleware: every request and WebSocket of the app sees the app's container."""

    def __init__(self, app: ASGIApp, infra: Infrastructure) -> None:
        self.app = app
        self.infra = infra

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        with scoped(self.infra):
            await self.app(scope, receive, send)
