"""Introspection off: a validation rule that refuses `__schema` and `__type` with its own
code. `__typename` stays allowed (clients need it, and it reveals nothing)."""

from __future__ import annotations

from typing import Any

from graphql import FieldNode, GraphQLError, ValidationRule, get_named_type, is_introspection_type

from backend.platform.errors import ErrorCode

MESSAGE = "本服务未开放 GraphQL 自省查询（__schema、__type）。"


class NoIntrospection(ValidationRule):
    """One error per document, at the first field that returns an introspection type."""

    reported = False

    def enter_field(self, node: FieldNode, *_args: Any) -> None:
        if self.reported:
            return
        named = get_named_type(self.context.get_type())
        if named is not None and is_introspection_type(named):
            self.reported = True
            self.report_error(
                GraphQLError(
                    MESSAGE, node, extensions={"code": ErrorCode.INTROSPECTION_DISABLED.value}
                )
            )
