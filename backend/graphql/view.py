"""The GraphQL endpoint: HTTP and WebSocket (graphql-transport-ws only)."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError
from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types.unset import UnsetType

from backend.graphql.auth import Authentication
from backend.graphql.context import Context
from backend.graphql.schema import TongbanSchema
from backend.graphql.websocket import (
    BackpressureWebSocketAdapter,
    ConnectionLimiter,
    LimitedGraphQLTransportWSHandler,
    WebSocketLimits,
)
from backend.platform.requestmeta import RequestMeta


def client_address(request: HTTPConnection) -> str | None:
    """The client's address, for rate limits, the audit trail and the WebSocket cap."""
    return request.client.host if request.client else None


class GraphQLApp(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = LimitedGraphQLTransportWSHandler

    def __init__(
        self, schema: TongbanSchema, *, graphiql: bool, websocket: WebSocketLimits | None = None
    ) -> None:
        websocket = websocket or WebSocketLimits()
        super().__init__(
            schema,
            graphql_ide="graphiql" if graphiql else None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            max_subscriptions_per_connection=websocket.max_operations,
        )
        self.websocket_adapter_class = BackpressureWebSocketAdapter.with_limits(websocket)
        self.websocket_connections = ConnectionLimiter(websocket.max_connections_per_address)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket":
            return await super().__call__(scope, receive, send)
        websocket = WebSocket(scope, receive, send)
        run = super().__call__(scope, receive, send)
        await self.websocket_connections.serve(websocket, client_address(websocket), run)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | Any
    ) -> Context:
        broker = getattr(request.app.state, "broker", None) if "app" in request.scope else None
        meta = RequestMeta.new(
            client_address=client_address(request),
            request_id=request.headers.get("x-request-id"),
        )
        if isinstance(response, Response):
            response.headers["x-request-id"] = meta.request_id
        # WebSocket connections authenticate in connection_init (on_ws_connect), not headers.
        auth = (
            Authentication.anonymous()
            if isinstance(request, WebSocket)
            else Authentication.from_authorization(request.headers.get("authorization"))
        )
        return Context(request=request, broker=broker, auth=auth, meta=meta)

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """`{"authorization": "Bearer <token>"}` in connection_init; a bad token is refused
        (close code 4403). Without one the connection stays anonymous."""
        params = context.connection_params or {}
        value = params.get("authorization", params.get("Authorization"))
        if value is None:
            return await super().on_ws_connect(context)
        auth = Authentication.from_authorization(str(value))
        try:
            principal = await auth.principal()
        except GraphQLError as error:
            raise ConnectionRejectionError(dict(error.extensions or {})) from None
        context.auth = auth
        return {"role": principal.role.value if principal.role else None}
