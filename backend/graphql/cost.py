"""Query cost analysis: what an operation would cost, worked out before it runs.

Depth, alias and token limits bound the *document*; they do not bound the *work*: a legal
query of 330 tokens can ask for 100 centres x 100 matters x every field, several times over.
So every operation is priced from the schema and its arguments, as GitHub's and Shopify's
GraphQL APIs do, and refused (QUERY_TOO_COSTLY) before execution when the price is over the
budget of the caller (see `budget.py`).

The price of a selection:

- a scalar or enum field costs 0; so do `__typename` and introspection (`__schema`,
  `__type`: bounded by the schema's size, and graphql-core's MaxIntrospectionDepthRule,
  part of the standard validation, refuses nested introspection lists), so GraphiQL works;
- an object, interface or union field costs 1 plus the price of its selection; an interface
  or union costs what its most expensive possible type would cost;
- a list costs its length times the price of one item. The length is the field's own
  `first`/`last` (the smaller when both are given); for the list inside a connection
  (`edges`) it is the connection's `first`/`last`; without them, the argument's default
  when it has one, else the server's page-size cap (`max_page_size`). A page size over the
  cap counts as the cap (the server refuses it anyway); lists nested in lists count the cap.

So `centres(first: 10) { totalCount edges { node { name } } }` costs 1 + 10 x (1 + 1) = 21.
The document is read the way execution reads it: fragments and inline fragments expanded
(only where their type condition matches), fields merged by response key, `@skip` and
`@include` honoured, variables counted with their coerced values. Each distinct selection is
priced once (memoised), so the analysis stays linear in the size of the document even when
fragments fan out.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    BooleanValueNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    NamedTypeNode,
    NullValueNode,
    SelectionSetNode,
    Undefined,
    VariableNode,
    get_operation_ast,
    get_variable_values,
    is_abstract_type,
    is_leaf_type,
)
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql.language import DirectiveNode
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from backend.graphql.budget import BudgetPolicy, resolve_budget
from backend.platform import infra
from backend.platform.errors import ErrorCode

logger = logging.getLogger("tongban.graphql")

PAGE_ARGUMENTS = ("first", "last")


def operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    *,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    max_page_size: int,
) -> int | None:
    """The price of the operation `operation_name` of a validated document.

    None when it cannot be priced because execution will refuse it anyway without running a
    resolver: the operation does not exist, or the variables do not coerce.
    """
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return None
    root = schema.get_root_type(operation.operation)
    if root is None:
        return None
    coerced = get_variable_values(
        schema, operation.variable_definitions or (), dict(variables or {})
    )
    if isinstance(coerced, list):
        return None
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    analysis = _Analysis(schema, fragments, coerced.coerced, max_page_size)
    return analysis.selection_cost(root, (operation.selection_set,), None)


@dataclass
class _Analysis:
    schema: GraphQLSchema
    fragments: dict[str, FragmentDefinitionNode]
    variables: dict[str, Any]
    max_page_size: int
    _memo: dict[tuple[str, int | None, tuple[int, ...]], int] = field(default_factory=dict)

    def selection_cost(
        self,
        runtime_type: GraphQLObjectType,
        selection_sets: tuple[SelectionSetNode, ...],
        page: int | None,
    ) -> int:
        """The price of the merged `selection_sets` on an object of `runtime_type`; `page` is
        the page size of the connection they belong to, if they do."""
        key = (runtime_type.name, page, tuple(id(s) for s in selection_sets))
        known = self._memo.get(key)
        if known is not None:
            return known
        total = 0
        for nodes in self._collect(runtime_type, selection_sets).values():
            name = nodes[0].name.value
            if name.startswith("__"):  # __typename, __schema, __type
                continue
            definition = runtime_type.fields.get(name)
            if definition is not None:  # (validation has refused unknown fields)
                total += self._field_cost(definition, nodes, page)
        self._memo[key] = total
        return total

    def _field_cost(
        self, definition: GraphQLField, nodes: list[FieldNode], page: int | None
    ) -> int:
        own_page = self._page_size(definition, nodes[0])
        of_type: Any = definition.type
        multiplier = 1
        in_list = False
        while isinstance(of_type, GraphQLNonNull | GraphQLList):
            if isinstance(of_type, GraphQLList):
                if in_list:
                    length = self.max_page_size
                elif own_page is not None:
                    length = own_page
                else:
                    length = page if page is not None else self.max_page_size
                multiplier *= length
                in_list = True
            of_type = of_type.of_type
        if is_leaf_type(of_type) or multiplier == 0:
            return 0
        selection_sets = tuple(n.selection_set for n in nodes if n.selection_set is not None)
        # A paged object (a connection) hands its page size to the list inside it.
        inner_page = None if in_list else own_page
        if is_abstract_type(of_type):
            possible = self.schema.get_possible_types(of_type)
            one = max(
                (self.selection_cost(t, selection_sets, inner_page) for t in possible), default=0
            )
        else:
            one = self.selection_cost(of_type, selection_sets, inner_page)
        return multiplier * (1 + one)

    def _page_size(self, definition: GraphQLField, node: FieldNode) -> int | None:
        """The page size a field asks for; None when it takes no `first`/`last`."""
        paged = False
        sizes: list[int] = []
        for name in PAGE_ARGUMENTS:
            argument = definition.args.get(name)
            if argument is None:
                continue
            paged = True
            value = self._argument(node, name)
            if value is Undefined:
                value = argument.default_value
            if isinstance(value, int) and not isinstance(value, bool):
                sizes.append(value)
        if not paged:
            return None
        if not sizes:
            return self.max_page_size
        return max(0, min(*sizes, self.max_page_size))

    def _argument(self, node: FieldNode | DirectiveNode, name: str) -> Any:
        for argument in node.arguments or ():
            if argument.name.value != name:
                continue
            value = argument.value
            if isinstance(value, IntValueNode):
                return int(value.value)
            if isinstance(value, BooleanValueNode):
                return value.value
            if isinstance(value, VariableNode):
                return self.variables.get(value.name.value, Undefined)
            if isinstance(value, NullValueNode):
                return None
        return Undefined

    def _collect(
        self, runtime_type: GraphQLObjectType, selection_sets: Iterable[SelectionSetNode]
    ) -> dict[str, list[FieldNode]]:
        """The fields execution would resolve on `runtime_type`, grouped by response key."""
        grouped: dict[str, list[FieldNode]] = {}
        visited: set[str] = set()

        def visit(selection_set: SelectionSetNode) -> None:
            for selection in selection_set.selections:
                if selection.directives and not self._included(selection.directives):
                    continue
                if isinstance(selection, FieldNode):
                    key = selection.alias.value if selection.alias else selection.name.value
                    grouped.setdefault(key, []).append(selection)
                elif isinstance(selection, InlineFragmentNode):
                    if self._applies(selection.type_condition, runtime_type):
                        visit(selection.selection_set)
                elif isinstance(selection, FragmentSpreadNode):
                    name = selection.name.value
                    fragment = self.fragments.get(name)
                    if name in visited or fragment is None:
                        continue
                    visited.add(name)
                    if self._applies(fragment.type_condition, runtime_type):
                        visit(fragment.selection_set)

        for selection_set in selection_sets:
            visit(selection_set)
        return grouped

    def _included(self, directives: Iterable[DirectiveNode]) -> bool:
        for directive in directives:
            name = directive.name.value
            if name == "skip" and self._argument(directive, "if") is True:
                return False
            if name == "include" and self._argument(directive, "if") is False:
                return False
        return True

    def _applies(self, condition: NamedTypeNode | None, runtime_type: GraphQLObjectType) -> bool:
        if condition is None:
            return True
        conditional = self.schema.get_type(condition.name.value)
        if conditional is runtime_type:
            return True
        return is_abstract_type(conditional) and self.schema.is_sub_type(
            conditional,
            runtime_type,
        )


class QueryCostLimiter(SchemaExtension):
    """Prices every operation before it runs; over the budget, it does not run.

    Use a factory in the schema's extension list: `lambda: QueryCostLimiter(policy)`.
    A subscription is priced per event (the selection one event resolves).
    """

    def __init__(self, policy: BudgetPolicy) -> None:
        self.policy = policy

    async def on_execute(self) -> AsyncIterator[None]:
        ctx = self.execution_context
        document = ctx.graphql_document
        if document is not None:
            budget = await resolve_budget(self.policy, ctx.context)
            cost = operation_cost(
                ctx.schema._schema,
                document,
                operation_name=ctx.operation_name,
                variables=ctx.variables,
                max_page_size=infra.current().settings.max_page_size,
            )
            if cost is not None and cost > budget.max_cost:
                logger.info("graphql operation refused: cost %d over %d", cost, budget.max_cost)
                error = GraphQLError(
                    f"查询开销过大（估算 {cost}，上限 {budget.max_cost}），"
                    "请减小 first/last 或减少嵌套的列表。",
                    extensions={
                        "code": ErrorCode.QUERY_TOO_COSTLY.value,
                        "cost": cost,
                        "limit": budget.max_cost,
                    },
                )
                if ctx.operation_type is OperationType.SUBSCRIPTION:
                    raise error  # the subscription path reports what on_execute raises
                ctx.result = GraphQLExecutionResult(data=None, errors=[error])
        yield
