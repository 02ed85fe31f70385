"""Schema assembly: the domains' queries, mutations and subscriptions merged into one schema
with the limits on. This module knows no domain: the app hands it a list of `DomainAPI`s
(backend/api.py), each built by its domain from its own types.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, cast

import strawberry
from graphql import DocumentNode, GraphQLError, parse
from strawberry import relay
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    SchemaExtension,
    max_aliases,
    query_depth_limiter,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import validate_document
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext
from strawberry.types.base import StrawberryObjectDefinition

from backend.graphql.budget import settings_budget
from backend.graphql.context import Context, Denial, Info
from backend.graphql.cost import QueryCostLimiter
from backend.graphql.devtools import developer_tools
from backend.graphql.errors import ErrorShaping, log_unexpected, shape_stream
from backend.graphql.inputs import guard_inputs
from backend.graphql.introspection import NoIntrospection
from backend.graphql.operation import RecordOperation
from backend.graphql.relay import MAX_PRIMARY_KEY
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.requestmeta import RequestMeta
from backend.settings import Settings

DenialRecorder = Callable[[Sequence[Denial], RequestMeta], Awaitable[None]]


@dataclass(frozen=True)
class DomainAPI:
    """What a domain plugs into the schema (its `api.py` builds one)."""

    name: str
    queries: Sequence[type] = ()
    mutations: Sequence[type] = ()
    subscriptions: Sequence[type] = ()
    types: Sequence[type] = ()  # Node types `node(id)` resolves, and others not reachable
    on_denials: DenialRecorder | None = field(default=None)  # the audit domain records them


@strawberry.type
class NodeQueries:
    @strawberry.field(description="Any object by its global ID.")
    async def node(self, info: Info, id: strawberry.ID) -> relay.Node:
        origin, node_id = _node_type(info, id)
        found = list(await origin.resolve_nodes(info=info, node_ids=[node_id], required=False))
        if not found or found[0] is None:
            raise DomainError(ErrorCode.NOT_FOUND, "找不到该 ID 对应的对象。", "id")
        return cast(relay.Node, found[0])


def _node_type(info: Info, value: str) -> tuple[Any, str]:
    """The Node class a global ID names (resolved through the schema), and its raw id."""
    try:
        gid = relay.GlobalID.from_id(value)
    except relay.GlobalIDValueError:
        raise DomainError(ErrorCode.INVALID_ID, "ID 格式不正确。", "id") from None
    definition = info.schema.get_type_by_name(gid.type_name)
    origin = definition.origin if isinstance(definition, StrawberryObjectDefinition) else None
    if not (isinstance(origin, type) and issubclass(origin, relay.Node)):
        raise DomainError(ErrorCode.INVALID_ID, "ID 不属于所需的对象类型。", "id")
    key = gid.node_id
    if (
        not (key.isascii() and key.isdigit())
        or len(key) > 10
        or not 0 < int(key) <= MAX_PRIMARY_KEY
    ):
        raise DomainError(ErrorCode.INVALID_ID, "ID 格式不正确。", "id")
    return origin, gid.node_id


class TongbanSchema(strawberry.Schema):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_inputs(self._schema)  # every argument checked at the edge (graphql/inputs.py)

    async def stream(self, *args: Any, **kwargs: Any) -> Any:
        """Every streamed result gets the same error shaping as a plain HTTP one."""
        return shape_stream(
            await super().stream(*args, **kwargs),
            suggestions=not self.config.disable_field_suggestions,
        )

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        log_unexpected(errors)


def _recording_denials(recorders: Sequence[DenialRecorder]) -> type[SchemaExtension]:
    class RecordDenials(SchemaExtension):
        """After an operation, hands the permission refusals to the domains that record them."""

        async def on_operation(self) -> Any:  # an async generator hook
            yield
            context = self.execution_context.context
            if isinstance(context, Context) and context.denials:
                denials, context.denials = context.denials, []
                for recorder in recorders:
                    await recorder(denials, context.meta)

    return RecordDenials


SHARED_DOCUMENTS = 256  # distinct query texts whose parsed document is kept
SHARED_DOCUMENT_CHARS = 8192  # longer texts are parsed afresh each time


def _parse(query: str, options: frozenset[tuple[str, Any]]) -> DocumentNode:
    return parse(query, **dict(options))


def _shared_documents() -> type[SchemaExtension]:
    cached = lru_cache(maxsize=SHARED_DOCUMENTS)(_parse)

    class SharedDocuments(SchemaExtension):
        """One parsed document per query text, shared by every operation that sends it: a
        thousand clients subscribed with the app's document hold one syntax tree, not a
        thousand (a subscription keeps its document as long as it runs; graphql-core never
        changes a document). A text that does not parse is left to Strawberry, which parses
        it again and reports the error as ever."""

        def on_parse(self) -> Iterator[None]:
            context = self.execution_context
            if context.graphql_document is None and 0 < len(context.query or "") <= (
                SHARED_DOCUMENT_CHARS
            ):
                with contextlib.suppress(GraphQLError):
                    options = frozenset(context.parse_options.items())
                    context.graphql_document = cached(context.query, options)
            yield

    return SharedDocuments


SHARED_VALIDATIONS = 256  # distinct (query text, rules) whose validation errors are kept


def _shared_validations() -> type[SchemaExtension]:
    """One validation per query text and set of rules, for this schema.

    graphql-core's validation is a third of an uncached request. Its outcome depends only on
    the schema, the document and the rules (the depth and alias limits among them), so it is
    kept per (text, rules) in an LRU of this schema: a document refused once (too deep, too
    many aliases) is refused again from the cache, with the same errors, on every request.
    Only texts the shared parser cache holds (SharedDocuments) are kept."""
    cache: OrderedDict[tuple[str, tuple[type, ...]], list[GraphQLError]] = OrderedDict()

    class SharedValidations(SchemaExtension):
        def on_validate(self) -> Iterator[None]:
            context = self.execution_context
            query = context.query or ""
            if (
                context.pre_execution_errors is None
                and context.graphql_document is not None
                and 0 < len(query) <= SHARED_DOCUMENT_CHARS
            ):
                key = (query, tuple(context.validation_rules))
                errors = cache.get(key)
                if errors is None:
                    errors = validate_document(
                        context.schema._schema, context.graphql_document, key[1]
                    )
                    cache[key] = errors
                    if len(cache) > SHARED_VALIDATIONS:
                        cache.popitem(last=False)
                else:
                    cache.move_to_end(key)
                context.pre_execution_errors = list(errors)
            yield

    return SharedValidations


def build_schema(domains: Sequence[DomainAPI], settings: Settings) -> TongbanSchema:
    """The schema of these domains under these settings (limits; introspection and field
    suggestions, which production turns off). Every variant prints the same SDL."""
    tools = developer_tools(settings)

    def merged(name: str, parts: Iterator[type]) -> Any:
        found = tuple(parts)
        return merge_types(name, found) if found else None

    query = merge_types("Query", (*(q for d in domains for q in d.queries), NodeQueries))
    recorders = [d.on_denials for d in domains if d.on_denials is not None]
    # Factories, not instances: each operation gets fresh extension objects. The depth and
    # alias rules are classes made once here (QueryDepthLimiter and MaxAliasesLimiter would
    # make a new class per operation, which a subscription keeps for as long as it runs).
    depth_rule = query_depth_limiter.create_validator(settings.max_query_depth, None, None)
    alias_rule = max_aliases.create_validator(settings.max_aliases)
    extensions: list[Any] = [
        lambda: AddValidationRules([depth_rule]),
        lambda: AddValidationRules([alias_rule]),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        _shared_documents(),
        _shared_validations(),
        lambda: QueryCostLimiter(settings_budget),
        ErrorShaping,
        _recording_denials(recorders),
        RecordOperation,
    ]
    if not tools.introspection:
        extensions.insert(0, lambda: AddValidationRules([NoIntrospection]))
    return TongbanSchema(
        query=query,
        mutation=merged("Mutation", (m for d in domains for m in d.mutations)),
        subscription=merged("Subscription", (s for d in domains for s in d.subscriptions)),
        types=[t for d in domains for t in d.types],
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=not tools.field_suggestions),
    )
