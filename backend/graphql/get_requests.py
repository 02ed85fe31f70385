"""GraphQL over GET: for anonymous queries only, so personal answers never ride on URLs.

URLs end up in browser history, proxy logs and shared caches. So a GET is refused (405,
METHOD_NOT_ALLOWED, "use POST") when it
- carries an Authorization header: a signed-in caller's answers are personal;
- holds a mutation or a subscription (Strawberry refuses mutations over GET too, but allows
  subscriptions there for its multipart transport; this refuses both, before execution);
- declares or sends a variable of any type other than Int, Float, Boolean, ID or an enum:
  personal data (phones, names, ID numbers, codes) are strings, and no string, input object
  or custom scalar travels in a GET's variables.
The document itself is not inspected for string literals: only anonymous queries run over
GET, and none of them takes personal data.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLError,
    GraphQLSchema,
    ListTypeNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    OperationType,
    TypeNode,
    parse,
)
from starlette.responses import Response

from backend.platform.errors import ErrorCode

HARMLESS_SCALARS = frozenset({"Int", "Float", "Boolean", "ID"})
MAX_TOKENS = 5000  # only for this look; the schema's own token limit still applies after

SIGNED_IN = "已登录的请求不能使用 GET，请改用 POST。"
NOT_A_QUERY = "GET 请求只能用于查询，变更和订阅请改用 POST。"
UNSAFE_VARIABLES = "GET 请求的变量只能是数字、布尔值、ID 或枚举，其他变量请改用 POST 发送。"


class GetRefused(Exception):
    """A GET the endpoint will not run; `response()` says why, with a code."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def response(self) -> Response:
        body = {
            "errors": [
                {
                    "message": self.message,
                    "extensions": {"code": ErrorCode.METHOD_NOT_ALLOWED.value},
                }
            ]
        }
        return Response(
            json.dumps(body, ensure_ascii=False),
            status_code=405,
            media_type="application/json",
            headers={"Allow": "POST", "Cache-Control": "no-store"},
        )


def check_get(
    headers: Mapping[str, str],
    query: str | None,
    variables: Mapping[str, Any] | None,
    schema: GraphQLSchema,
) -> None:
    """Raises GetRefused for a GET that must not run (see the module's docstring)."""
    if "authorization" in headers:
        raise GetRefused(SIGNED_IN)
    if query is None:
        return  # Strawberry answers "no query"
    try:
        document = parse(query, no_location=True, max_tokens=MAX_TOKENS)
    except GraphQLError:
        document = None  # Strawberry answers the syntax error; nothing runs
    operations = [
        definition
        for definition in (document.definitions if document else ())
        if isinstance(definition, OperationDefinitionNode)
    ]
    if any(operation.operation != OperationType.QUERY for operation in operations):
        raise GetRefused(NOT_A_QUERY)
    declared = {
        variable.variable.name.value: _named_type(variable.type)
        for operation in operations
        for variable in operation.variable_definitions or ()
    }
    if any(not _harmless(name, schema) for name in declared.values()):
        raise GetRefused(UNSAFE_VARIABLES)
    if variables and not set(variables) <= set(declared):
        raise GetRefused(UNSAFE_VARIABLES)


def _named_type(node: TypeNode) -> str:
    while isinstance(node, NonNullTypeNode | ListTypeNode):
        node = node.type
    return str(node.name.value)  # type: ignore[attr-defined]


def _harmless(type_name: str, schema: GraphQLSchema) -> bool:
    return type_name in HARMLESS_SCALARS or isinstance(schema.get_type(type_name), GraphQLEnumType)
