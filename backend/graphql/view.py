"""The GraphQL endpoint: HTTP and WebSocket (graphql-transport-ws only)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import orjson
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
from backend.graphql.caching import (
    PRIVATE_HEADERS,
    PublicDocuments,
    answer_key,
    matches_etag,
    public_headers,
    strong_etag,
)
from backend.graphql.context import Anonymous, Authenticator, Context
from backend.graphql.get_requests import GetRefused, check_get
from backend.graphql.persisted import (
    PersistedQueries,
    PersistedQueryError,
    allow_list_only,
    requested_hash,
)
from backend.graphql.schema import TongbanSchema
from backend.graphql.websocket import (
    BackpressureWebSocketAdapter,
    ConnectionLimiter,
    LimitedGraphQLTransportWSHandler,
    WebSocketLimits,
)
from backend.platform import infra
from backend.platform.edge import scrub
from backend.platform.requestmeta import STATE_OPERATION, RequestMeta
from backend.platform.sharedcache import CATALOGUE

STATE_ANSWER_KEY = "graphql_answer_key"  # (key, catalogue version) of a GET's cached answer
STATE_PUBLIC = "graphql_public"  # the GET ran a public document without errors
MAX_LOGGED_NAME = 64


@dataclass(frozen=True)
class CachePolicy:
    """HTTP and server-side caching of public answers (backend/graphql/caching.py)."""

    max_age_seconds: int = 60
    server_seconds: int = 300  # 0: no server-side cache
    max_bytes: int = 512 * 1024


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
        persisted: PersistedQueries | None = None,
        caching: CachePolicy | None = None,
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
        self.persisted = persisted or PersistedQueries({}, only=False, ttl_seconds=3600)
        if self.persisted.only:  # also over WebSocket, which does not pass parse_http_body
            schema.extensions = (*schema.extensions, allow_list_only(self.persisted))
        self.caching = caching or CachePolicy()
        self.public_documents = PublicDocuments(self.graphql_schema)

    def encode_json(self, data: object) -> bytes:
        try:
            return orjson.dumps(data)
        except TypeError:  # a lone surrogate echoed from the input: orjson refuses it
            return json.dumps(data).encode()  # ASCII JSON: it travels as an escape

    def should_render_graphql_ide(self, request: Any) -> bool:
        # A GET with only a persisted query's hash is an operation, not a visit by a browser.
        return "extensions" not in request.query_params and super().should_render_graphql_ide(
            request
        )

    async def parse_http_body(self, request: AsyncHTTPRequestAdapter) -> Any:
        """The request's operation(s), each with its persisted query resolved to its text."""
        data = await super().parse_http_body(request)
        for item in data if isinstance(data, list) else [data]:
            item.query = await self.persisted.resolve(item.query, item.extensions)
        return data

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
            if response.media_type != "text/html":
                response = await self._cache_headers(request, response)
        return response

    async def _cache_headers(self, request: Request, response: Response) -> Response:
        """Public answers get an ETag and Cache-Control (and are kept server-side); all
        others are no-store (backend/graphql/caching.py)."""
        state = request.scope.get("state", {})
        if not (state.get(STATE_PUBLIC) and response.status_code == 200):
            response.headers.update(PRIVATE_HEADERS)
            return response
        body = bytes(response.body)
        etag = strong_etag(body)
        keyed = state.get(STATE_ANSWER_KEY)
        if keyed is not None and len(body) <= self.caching.max_bytes:
            key, version = keyed
            await infra.current().cache.set_versioned(
                CATALOGUE, version, key, etag.encode() + b"\n" + body, self.caching.server_seconds
            )
        headers = public_headers(etag, self.caching.max_age_seconds)
        if matches_etag(request.headers.get("if-none-match"), etag):
            return Response(status_code=304, headers=headers)
        response.headers.update(headers)
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
        result = await run_within_budget(
            operation, budget, receive=request.receive, request_id=context.meta.request_id
        )
        if (
            request_adapter.method == "GET"
            and not result.errors
            and not context.auth.presented
            and request_data.query is not None
            and self._is_public(request_data.query)
        ):
            request.scope.setdefault("state", {})[STATE_PUBLIC] = True
        return result

    def _is_public(self, query: str) -> bool:
        from graphql import parse

        try:
            return self.public_documents(query, parse(query, no_location=True))
        except GraphQLError:
            return False

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
        if (
            scope["type"] == "http"
            and scope["method"] == "GET"
            and self.caching.server_seconds > 0
            and await self._serve_kept_answer(scope, receive, send)
        ):
            return
        try:
            await super().__call__(scope, receive, send)
        except GetRefused as refused:  # raised before any response was started
            await refused.response()(scope, receive, send)
        except PersistedQueryError as error:  # raised while reading the request
            response = Response(
                orjson.dumps(error.body()),
                media_type="application/json",
                headers=PRIVATE_HEADERS,
            )
            await response(scope, receive, send)

    async def _serve_kept_answer(self, scope: Scope, receive: Receive, send: Send) -> bool:
        """Answers an anonymous GET from the shared cache when its answer is kept there
        (under the catalogue's current version); otherwise notes the key to keep it under."""
        request = Request(scope, receive)
        if "authorization" in request.headers:
            return False
        key = _answer_key_of(request)
        if key is None:
            return False
        version, kept = await infra.current().cache.get_versioned(CATALOGUE, key)
        if kept is None:
            scope.setdefault("state", {})[STATE_ANSWER_KEY] = (key, version)
            return False
        etag_bytes, _, body = kept.partition(b"\n")
        etag = etag_bytes.decode()
        name = request.query_params.get("operationName")
        scope.setdefault("state", {})[STATE_OPERATION] = (
            f"query:{scrub(name, MAX_LOGGED_NAME)}" if name else "query"
        )
        headers = public_headers(etag, self.caching.max_age_seconds)
        if matches_etag(request.headers.get("if-none-match"), etag):
            await Response(status_code=304, headers=headers)(scope, receive, send)
        else:
            response = Response(body, media_type="application/json", headers=headers)
            await response(scope, receive, send)
        return True

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


def _answer_key_of(request: Request) -> str | None:
    """The cache key of a GET's answer (its document's sha256, operation and variables), or
    None when the GET names no document or names it inconsistently (the full path answers
    those, with their errors)."""
    params = request.query_params
    query = params.get("query")
    try:
        extensions = json.loads(params["extensions"]) if params.get("extensions") else None
        variables = json.loads(params["variables"]) if params.get("variables") else None
        digest = requested_hash(extensions) if isinstance(extensions, dict) else None
    except (ValueError, PersistedQueryError):
        return None
    if variables is not None and not isinstance(variables, dict):
        return None
    if query is not None:
        own = hashlib.sha256(query.encode()).hexdigest()
        if digest is not None and digest != own:
            return None
        digest = own
    if digest is None:
        return None
    try:
        return answer_key(digest, params.get("operationName"), variables)
    except TypeError:  # not JSON orjson can encode (a lone surrogate): never kept
        return None
