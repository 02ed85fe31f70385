"""How errors reach clients: typed codes for programs, Chinese messages for people.

- A DomainError raised by a service keeps its message and gains `extensions.code`/`field`.
- An error that already carries `extensions.code` (e.g. a permission class) is kept.
- A document that fails parsing, validation or a limit gets a code saying which.
- With field suggestions off, no message says "Did you mean ...?" (graphql-core appends
  them to unknown fields, arguments, types, enum values and input fields alike).
- Anything else raised while executing is masked: the client sees INTERNAL_ERROR and a
  plain apology, never a message or stack trace; the server log keeps the details.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import AsyncGenerator, Iterator
from contextlib import aclosing
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from backend.platform.errors import DomainError, ErrorCode

logger = logging.getLogger("tongban.graphql")

INTERNAL_MESSAGE = "服务暂时出现问题，请稍后再试。"

_LIMIT_PATTERNS: list[tuple[re.Pattern[str], ErrorCode, str]] = [
    (
        re.compile(r"exceeds maximum operation depth of (\d+)"),
        ErrorCode.QUERY_TOO_DEEP,
        "查询嵌套层级过深，最多允许 {} 层。",
    ),
    (
        re.compile(r"aliases found\. Allowed: (\d+)"),
        ErrorCode.TOO_MANY_ALIASES,
        "查询中的别名过多，最多允许 {} 个。",
    ),
    (
        re.compile(r"more than (\d+) tokens"),
        ErrorCode.TOO_MANY_TOKENS,
        "查询过长，最多允许 {} 个词法单元。",
    ),
]

# graphql-core's did_you_mean(): " Did you mean 'a', 'b', or 'c'?" (names hold no "?").
_SUGGESTION = re.compile(r" Did you mean [^?]*\?")


def strip_suggestions(message: str) -> str:
    return _SUGGESTION.sub("", message)


def _is_document_error(error: GraphQLError) -> bool:
    """Parsing, validation, limits, input coercion: the document was wrong, not the server.

    They carry no path and no foreign exception. (An exception raised by a subscription's
    generator also arrives without a path, but with its own exception attached.)
    """
    original = error.original_error
    return error.path is None and (original is None or isinstance(original, GraphQLError))


def is_expected(error: GraphQLError) -> bool:
    """True for errors meant for the client; False for bugs and outages."""
    if isinstance(error.original_error, DomainError):
        return True
    if error.extensions and "code" in error.extensions:
        return True
    return _is_document_error(error)


def shape_error(error: GraphQLError, *, suggestions: bool = True) -> GraphQLError:
    original = error.original_error
    if isinstance(original, DomainError):
        return _with(error, original.message, original.code, original.field, original.reason)
    if error.extensions and "code" in error.extensions:
        return error
    if _is_document_error(error):
        for pattern, code, message in _LIMIT_PATTERNS:
            match = pattern.search(error.message)
            if match:
                return _with(error, message.format(match.group(1)), code)
        text = error.message if suggestions else strip_suggestions(error.message)
        return _with(error, text, ErrorCode.GRAPHQL_VALIDATION_FAILED)
    return _with(error, INTERNAL_MESSAGE, ErrorCode.INTERNAL_ERROR, keep_original=False)


def _with(
    error: GraphQLError,
    message: str,
    code: ErrorCode,
    field: str | None = None,
    reason: str | None = None,
    *,
    keep_original: bool = True,
) -> GraphQLError:
    extensions: dict[str, object] = {"code": code.value}
    if field is not None:
        extensions["field"] = field
    if reason is not None:
        extensions["reason"] = reason
    return GraphQLError(
        message=message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=error.original_error if keep_original else None,
        extensions=extensions,
    )


class ErrorShaping(SchemaExtension):
    """Applies `shape_error` to every error of an operation's result."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is not None and errors:
            suggestions = not self.execution_context.schema.config.disable_field_suggestions
            result.errors = [shape_error(error, suggestions=suggestions) for error in errors]


async def shape_stream(
    results: AsyncGenerator[Any, None], *, suggestions: bool = True
) -> AsyncGenerator[Any, None]:
    """Shapes every result of a stream (subscriptions, operations over WebSocket).

    Schema extensions never see subscription results (strawberry issue #3680), so without
    this an exception inside a subscription would reach the client with its raw text.
    """
    async with aclosing(results):
        async for result in results:
            errors = getattr(result, "errors", None)
            if errors:
                result.errors = [shape_error(e, suggestions=suggestions) for e in errors]
            yield result


def log_unexpected(errors: list[GraphQLError]) -> None:
    for error in errors:
        if not is_expected(error):
            original = error.original_error
            # The exception's own text can hold personal data; log its type and frames only.
            frames = "".join(traceback.format_tb(original.__traceback__)) if original else ""
            logger.error(
                "unexpected error at %s: %s\n%s",
                ".".join(str(p) for p in error.path or []),
                type(original).__name__,
                frames,
            )
