"""The per-request context: fresh DataLoaders every request, so nothing is cached across users."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.dataloader import DataLoader
from strawberry.types import Info as StrawberryInfo

from backend.centres import loaders as centre_loaders
from backend.centres.models import Centre, HoursOverride
from backend.graphql.auth import Authentication
from backend.identity.principal import Principal
from backend.matters import loaders as matter_loaders
from backend.matters.models import Department, Matter
from backend.platform.broker import Broker
from backend.platform.requestmeta import RequestMeta


@dataclass
class Loaders:
    centre: DataLoader[int, Centre | None] = field(
        default_factory=lambda: DataLoader(load_fn=centre_loaders.load_centres)
    )
    branches: DataLoader[int, list[Centre]] = field(
        default_factory=lambda: DataLoader(load_fn=centre_loaders.load_branches)
    )
    offered_matters: DataLoader[int, list[Matter]] = field(
        default_factory=lambda: DataLoader(load_fn=centre_loaders.load_offered_matters)
    )
    hours_overrides: DataLoader[int, list[HoursOverride]] = field(
        default_factory=lambda: DataLoader(load_fn=centre_loaders.load_hours_overrides)
    )
    matter: DataLoader[int, Matter | None] = field(
        default_factory=lambda: DataLoader(load_fn=matter_loaders.load_matters)
    )
    department: DataLoader[int, Department | None] = field(
        default_factory=lambda: DataLoader(load_fn=matter_loaders.load_departments)
    )


@dataclass
class Context:
    request: Request | WebSocket | None
    broker: Broker | None
    loaders: Loaders = field(default_factory=Loaders)
    connection_params: dict[str, Any] = field(default_factory=dict)
    auth: Authentication = field(default_factory=Authentication.anonymous)
    meta: RequestMeta = field(default_factory=RequestMeta.new)

    async def principal(self) -> Principal:
        """Who is asking (anonymous without a token); UNAUTHENTICATED for a bad token."""
        return await self.auth.principal()


Info = StrawberryInfo[Context, None]
