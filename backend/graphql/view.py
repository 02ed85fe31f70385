"""The GraphQL endpoint: HTTP and WebSocket (graphql-transport-ws only)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from backend.graphql.context import Context
from backend.graphql.schema import TongbanSchema


class GraphQLApp(GraphQL[Context, None]):
    def __init__(self, schema: TongbanSchema, *, graphiql: bool) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if graphiql else None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        )

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | Any
    ) -> Context:
        broker = getattr(request.app.state, "broker", None) if "app" in request.scope else None
        return Context(request=request, broker=broker)
