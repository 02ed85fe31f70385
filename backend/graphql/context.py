"""The per-request context: who is asking, what the request is, and fresh DataLoaders.

DataLoaders are created lazily, one per batch function and request, by `context.loader(fn)`:
a domain's loaders module defines batch functions and its resolvers ask for them, so this
module lists no domain (as Saleor's loaders register by context key). Nothing is cached
across requests, so nothing leaks from one user to another.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.dataloader import DataLoader
from strawberry.types import Info as StrawberryInfo

from backend.platform import infra
from backend.platform.principal import ANONYMOUS_PRINCIPAL, Principal
from backend.platform.requestmeta import RequestMeta

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
BatchLoad = Callable[[Sequence[K]], Awaitable[Sequence[V]]]


class Credentials(Protocol):
    """What a request presented; the identity domain provides the implementation."""

    @property
    def presented(self) -> bool: ...

    async def principal(self) -> Principal:
        """Who is asking; raises an UNAUTHENTICATED GraphQL error for a bad token."""
        ...


class Anonymous:
    presented = False

    async def principal(self) -> Principal:
        return ANONYMOUS_PRINCIPAL


Authenticator = Callable[[str | None], Credentials]


@dataclass
class Denial:
    """A permission refused a field; written to the audit log after the operation."""

    field: str
    reason: str
    principal: Principal | None


@dataclass
class Context:
    request: Request | WebSocket | None
    auth: Credentials = field(default_factory=Anonymous)
    meta: RequestMeta = field(default_factory=RequestMeta.new)
    connection_params: dict[str, Any] = field(default_factory=dict)
    denials: list[Denial] = field(default_factory=list)
    _loaders: dict[object, DataLoader[Any, Any]] = field(default_factory=dict)

    @property
    def infra(self) -> infra.Infrastructure:
        return infra.current()

    async def principal(self) -> Principal:
        """Who is asking (anonymous without a token); UNAUTHENTICATED for a bad token."""
        return await self.auth.principal()

    def clear_loaders(self) -> None:
        """Forget what this context's DataLoaders cached. A WebSocket context lives as long
        as its connection: a subscription calls this before each event, so the event's
        fields read the database as it is now."""
        self._loaders.clear()

    def loader(self, batch: BatchLoad[K, V]) -> DataLoader[K, V]:
        """This request's DataLoader for the batch function `batch`."""
        found = self._loaders.get(batch)
        if found is None:
            found = self._loaders[batch] = DataLoader(load_fn=batch)
        return found


Info = StrawberryInfo[Context, None]
