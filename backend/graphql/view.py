"""The GraphQL endpoint: HTTP and WebSocket (graphql-transport-ws only)."""

from __future__ import annotations

from typing import Any

from cross_web import AsyncHTTPRequestAdapter
from graphql import GraphQLError
from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLRequestData
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult, SubscriptionExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from backend.graphql.budget import (
    BudgetPolicy,
    ClientDisconnected,
    cap_response,
    resolve_budget,
    run_within_budget,
    settings_budget,
)
from backend.graphql.context import Anonymous, Authenticator, Context
from backend.graphql.get_requests import GetRefused, check_get
from backend.graphql.schema import TongbanSchema
from backend.graphql.websocket import (
    BackpressureWebSocketAdapter,
    ConnectionLimiter,
    LimitedGraphQLTransportWSHandler,
    WebSocketLimits,
)
from backend.platform.requestmeta import RequestMeta


def client_address(request: HTTPConnection) -> str | None:
    """The client's address as the edge settled it (backend/platform/edge.py, trusted
    proxies): for rate limits, the audit trail and the WebSocket cap."""
    return request.client.host if request.client else None


class GraphQLApp(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = LimitedGraphQLTransportWSHandler

    def __init__(
        self,
        schema: TongbanSchema,
        *,
        authenticator: Authenticator,
        graphiql: bool,
        budget: BudgetPolicy = settings_budget,
        websocket: WebSocketLimits | None = None,
    ) -> None:
        websocket = websocket or WebSocketLimits()
        super().__init__(
            schema,
            graphql_ide="graphiql" if graphiql else None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            max_subscriptions_per_connection=websocket.max_operations,
        )
        self.authenticator = authenticator
        self.budget = budget  # time and answer size over HTTP (budget.py)
        self.graphql_schema = schema._schema  # for the GET checks (get_requests.py)
        self.websocket_adapter_class = BackpressureWebSocketAdapter.with_limits(websocket)
        self.websocket_connections = ConnectionLimiter(websocket.max_connections_per_address)

    async def run(
        self, request: Request | WebSocket, context: Any = UNSET, root_value: Any = UNSET
    ) -> Any:
        try:
            response = await super().run(request, context, root_value)
        except ClientDisconnected:
            return Response(status_code=499)  # nginx's "client closed request"; nobody reads it
        if isinstance(request, Request) and isinstance(response, Response):
            state = request.state
            response = cap_response(
                response, getattr(state, "budget", None), getattr(state, "request_id", "-")
            )
        return response

    async def execute_single(
        self,
        request: Request,
        request_adapter: Any,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        budget = await resolve_budget(self.budget, context)
        request.state.budget, request.state.request_id = budget, context.meta.request_id
        operation = super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )
        return await run_within_budget(
            operation, budget, receive=request.receive, request_id=context.meta.request_id
        )

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | Any
    ) -> Context:
        # Client address and request id as the edge settled them (backend/platform/edge.py).
        meta = RequestMeta.from_scope(request.scope)
        # WebSocket connections authenticate in connection_init (on_ws_connect), not headers.
        auth = (
            Anonymous()
            if isinstance(request, WebSocket)
            else self.authenticator(request.headers.get("authorization"))
        )
        return Context(request=request, auth=auth, meta=meta)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            websocket = WebSocket(scope, receive, send)
            run = super().__call__(scope, receive, send)
            await self.websocket_connections.serve(websocket, client_address(websocket), run)
            return
        try:
            await super().__call__(scope, receive, send)
        except GetRefused as refused:  # raised before any response was started
            await refused.response()(scope, receive, send)

    async def execute_operation(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        request_data: GraphQLRequestData | list[GraphQLRequestData],
        context: Context,
        root_value: None,
        sub_response: Response,
    ) -> ExecutionResult | list[ExecutionResult] | SubscriptionExecutionResult:
        if request_adapter.method == "GET" and isinstance(request_data, GraphQLRequestData):
            check_get(
                request.headers, request_data.query, request_data.variables, self.graphql_schema
            )
        return await super().execute_operation(
            request, request_adapter, request_data, context, root_value, sub_response
        )

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """`{"authorization": "Bearer <token>"}` in connection_init; a bad token is refused
        (close code 4403). Without one the connection stays anonymous."""
        params = context.connection_params or {}
        value = params.get("authorization", params.get("Authorization"))
        if value is None:
            return await super().on_ws_connect(context)
        auth = self.authenticator(str(value))
        try:
            principal = await auth.principal()
        except GraphQLError as error:
            raise ConnectionRejectionError(dict(error.extensions or {})) from None
        context.auth = auth
        return {"role": principal.role.value if principal.role else None}
