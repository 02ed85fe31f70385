"""Schema assembly: every domain's queries merged into one schema, with the limits on."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry import relay
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from backend.audit.queries import AuditQueries
from backend.centres.queries import CentreQueries
from backend.centres.types import Centre
from backend.graphql.context import Context, Info
from backend.graphql.errors import ErrorShaping, log_unexpected, shape_stream
from backend.graphql.inputs import guard_inputs
from backend.graphql.relay import decode_global_id
from backend.identity.mutations import IdentityMutations
from backend.identity.queries import IdentityQueries, resident_node, staff_node
from backend.identity.subscriptions import IdentitySubscriptions
from backend.identity.types import Resident, StaffMember
from backend.matters.queries import MatterQueries
from backend.matters.types import Department, Matter
from backend.platform.errors import DomainError, ErrorCode
from backend.settings import get_settings

NodeFetcher = Callable[[Context, int], Awaitable[relay.Node | None]]


async def _centre(ctx: Context, pk: int) -> relay.Node | None:
    row = await ctx.loaders.centre.load(pk)
    return Centre.from_model(row) if row else None


async def _matter(ctx: Context, pk: int) -> relay.Node | None:
    row = await ctx.loaders.matter.load(pk)
    return Matter.from_model(row) if row else None


async def _department(ctx: Context, pk: int) -> relay.Node | None:
    row = await ctx.loaders.department.load(pk)
    return Department.from_model(row) if row else None


NODE_FETCHERS: dict[str, NodeFetcher] = {
    "Centre": _centre,
    "Matter": _matter,
    "Department": _department,
    "Resident": resident_node,
    "StaffMember": staff_node,
}


@strawberry.type
class NodeQueries:
    @strawberry.field(description="Any object by its global ID.")
    async def node(self, info: Info, id: strawberry.ID) -> relay.Node:
        pk = decode_global_id(id, tuple(NODE_FETCHERS))
        type_name = relay.GlobalID.from_id(id).type_name
        found = await NODE_FETCHERS[type_name](info.context, pk)
        if found is None:
            raise DomainError(ErrorCode.NOT_FOUND, "找不到该 ID 对应的对象。", "id")
        return found


Query = merge_types(
    "Query", (CentreQueries, MatterQueries, IdentityQueries, AuditQueries, NodeQueries)
)
Mutation = merge_types("Mutation", (IdentityMutations,))
Subscription = merge_types("Subscription", (IdentitySubscriptions,))


class TongbanSchema(strawberry.Schema):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        guard_inputs(self._schema)  # every argument checked at the edge (graphql/inputs.py)

    async def stream(self, *args: Any, **kwargs: Any) -> Any:
        """Every streamed result gets the same error shaping as a plain HTTP one."""
        return shape_stream(await super().stream(*args, **kwargs))

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        log_unexpected(errors)


def build_schema() -> TongbanSchema:
    settings = get_settings()
    # Factories, not instances: each operation gets fresh extension objects.
    extensions: list[Any] = [
        lambda: QueryDepthLimiter(max_depth=settings.max_query_depth),
        lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        ErrorShaping,
    ]
    return TongbanSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[Centre, Matter, Department, Resident, StaffMember],
        extensions=extensions,
    )


schema = build_schema()
