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
    TOO_MANY_OPERATIONS = "TOO_MANY_OPERATIONS"  # in flight on one WebSocket connection
    # Access
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    RATE_LIMITED = "RATE_LIMITED"
    REAL_NAME_REQUIRED = "REAL_NAME_REQUIRED"
    # Tokens and sessions
    TOKEN_EXPIRED = "TOKEN_EXPIRED"  # noqa: S105 - a code, not a secret
    TOKEN_INVALID = "TOKEN_INVALID"  # noqa: S105 - a code, not a secret
    SESSION_REVOKED = "SESSION_REVOKED"
    REFRESH_TOKEN_INVALID = "REFRESH_TOKEN_INVALID"  # noqa: S105 - a code, not a secret
    REFRESH_TOKEN_EXPIRED = "REFRESH_TOKEN_EXPIRED"  # noqa: S105 - a code, not a secret
    REFRESH_TOKEN_REUSED = "REFRESH_TOKEN_REUSED"  # noqa: S105 - a code, not a secret
    # Sign-in
    INVALID_PHONE = "INVALID_PHONE"
    OTP_INVALID = "OTP_INVALID"
    OTP_EXPIRED = "OTP_EXPIRED"
    OTP_ATTEMPTS_EXCEEDED = "OTP_ATTEMPTS_EXCEEDED"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    ACCOUNT_DISABLED = "ACCOUNT_DISABLED"
    # Real-name verification; ID numbers per GB 11643-1999, one code per faulty part
    INVALID_NAME = "INVALID_NAME"
    ID_NUMBER_INVALID_LENGTH = "ID_NUMBER_INVALID_LENGTH"
    ID_NUMBER_INVALID_CHARACTERS = "ID_NUMBER_INVALID_CHARACTERS"
    ID_NUMBER_INVALID_ADDRESS_CODE = "ID_NUMBER_INVALID_ADDRESS_CODE"
    ID_NUMBER_INVALID_BIRTH_DATE = "ID_NUMBER_INVALID_BIRTH_DATE"
    ID_NUMBER_INVALID_SEQUENCE = "ID_NUMBER_INVALID_SEQUENCE"
    ID_NUMBER_INVALID_CHECKSUM = "ID_NUMBER_INVALID_CHECKSUM"
    REAL_NAME_MISMATCH = "REAL_NAME_MISMATCH"
    REAL_NAME_ALREADY_VERIFIED = "REAL_NAME_ALREADY_VERIFIED"
    ID_NUMBER_ALREADY_BOUND = "ID_NUMBER_ALREADY_BOUND"
    REGISTRY_UNAVAILABLE = "REGISTRY_UNAVAILABLE"
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
