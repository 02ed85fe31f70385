"""Domain errors: what services raise. They know nothing of GraphQL.

Every error carries a stable machine-readable `code` for programs and a Chinese
`message` for people; `field` names the input that was wrong, when there is one.
"""

from __future__ import annotations

from enum import Enum


class ErrorCode(str, Enum):
    # Input
    INVALID_INPUT = "INVALID_INPUT"
    INVALID_ID = "INVALID_ID"
    INVALID_CURSOR = "INVALID_CURSOR"
    PAGE_SIZE_TOO_LARGE = "PAGE_SIZE_TOO_LARGE"
    INVALID_PAGINATION = "INVALID_PAGINATION"
    INVALID_COORDINATES = "INVALID_COORDINATES"
    INVALID_DATE = "INVALID_DATE"
    NOT_FOUND = "NOT_FOUND"
    # Query limits
    QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
    TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
    TOO_MANY_TOKENS = "TOO_MANY_TOKENS"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    # Access
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    RATE_LIMITED = "RATE_LIMITED"
    # Anything we did not expect; details are never sent to the client.
    INTERNAL_ERROR = "INTERNAL_ERROR"


class DomainError(Exception):
    """A rule was broken; safe to show to the user."""

    def __init__(self, code: ErrorCode, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def __repr__(self) -> str:
        return f"DomainError({self.code.value!r}, {self.message!r}, field={self.field!r})"
