"""Domain errors: what services raise. They know nothing of GraphQL.

Every error carries a stable machine-readable `code` for programs and a Chinese
`message` for people; `field` names the input that was wrong, when there is one.

One enum for every domain, on purpose. Third-party apps and the PWA code against
`ErrorCode` (GraphQL enum `ErrorCode`, and the strings in `extensions.code`): one list to
handle, where a code means the same thing wherever it appears (NOT_FOUND, RATE_LIMITED ...
are shared by all domains), and a form maps errors onto inputs by `field`, not by which
enum the code came from. Per-domain enums (Saleor's AccountErrorCode, CheckoutErrorCode
...) would make every client handle one enum type per domain and would change the
`MutationError.code` contract. A new domain adds its codes here under its own heading;
codes are never renamed or removed (the schema contract test shows every change), only
added. Python's Enum guarantees no two domains claim one name.
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
    QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"
    RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE"
    OPERATION_TIMEOUT = "OPERATION_TIMEOUT"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED"
    # Transport: a GraphQL GET that must be a POST (signed in, a mutation, string variables)
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
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
    # Cases (办件)
    ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION"
    MATTER_NOT_ONLINE = "MATTER_NOT_ONLINE"
    MATTER_NOT_OFFERED = "MATTER_NOT_OFFERED"
    RESIDENT_NOT_FOUND = "RESIDENT_NOT_FOUND"
    # Ratings (好差评)
    ALREADY_RATED = "ALREADY_RATED"
    NOT_RATABLE_YET = "NOT_RATABLE_YET"
    WINDOW_NOT_STAFFED = "WINDOW_NOT_STAFFED"
    ALREADY_APPEALED = "ALREADY_APPEALED"
    NOT_APPEALABLE = "NOT_APPEALABLE"
    ALREADY_MARKED = "ALREADY_MARKED"
    # Bookings (网上预约)
    MATTER_ONLINE_ONLY = "MATTER_ONLINE_ONLY"  # 全程网办: submit online, no visit to book
    CENTRE_CLOSED = "CENTRE_CLOSED"
    SLOT_NOT_FOUND = "SLOT_NOT_FOUND"  # not the start of one of the day's slots
    SLOT_IN_PAST = "SLOT_IN_PAST"
    SLOT_OUT_OF_RANGE = "SLOT_OUT_OF_RANGE"  # too soon, or beyond the booking window
    SLOT_FULL = "SLOT_FULL"
    BOOKING_SUSPENDED = "BOOKING_SUSPENDED"
    BOOKING_LIMIT_REACHED = "BOOKING_LIMIT_REACHED"
    DUPLICATE_BOOKING = "DUPLICATE_BOOKING"  # one per resident, matter and day
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"
    BOOKING_NOT_CHANGEABLE = "BOOKING_NOT_CHANGEABLE"
    CHECK_IN_CODE_INVALID = "CHECK_IN_CODE_INVALID"
    ALREADY_CHECKED_IN = "ALREADY_CHECKED_IN"
    # The queue at the centre (叫号)
    QUEUE_NOT_FOUND = "QUEUE_NOT_FOUND"  # no queue with that letter at the centre
    QUEUE_EMPTY = "QUEUE_EMPTY"  # nobody waiting in the queues the window serves
    WINDOW_INVALID = "WINDOW_INVALID"  # not a window number of the centre
    TICKET_NOT_ACTIONABLE = "TICKET_NOT_ACTIONABLE"  # its state does not allow the action
    # Certificates (电子亮证); a refused verification is an answer (result and reason), not
    # an error: these are for the resident's own requests
    CERTIFICATE_NOT_FOUND = "CERTIFICATE_NOT_FOUND"  # not mine, nor one I may show
    CERTIFICATE_NOT_VALID = "CERTIFICATE_NOT_VALID"  # expired or revoked: nothing to show
    CERTIFICATE_FIELD_UNKNOWN = "CERTIFICATE_FIELD_UNKNOWN"
    CERTIFICATE_VIEW_NOT_FOUND = "CERTIFICATE_VIEW_NOT_FOUND"
    CERTIFICATE_VIEW_ALREADY_REPORTED = "CERTIFICATE_VIEW_ALREADY_REPORTED"
    E_LICENCE_UNAVAILABLE = "E_LICENCE_UNAVAILABLE"
    # Subscriptions: messages may have been missed; subscribe again and reload the state
    RESYNC_REQUIRED = "RESYNC_REQUIRED"
    # Anything we did not expect; details are never sent to the client.
    INTERNAL_ERROR = "INTERNAL_ERROR"


class DomainError(Exception):
    """A rule was broken; safe to show to the user."""

    def __init__(
        self, code: ErrorCode, message: str, field: str | None = None, reason: str | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.reason = reason  # a finer reason under a broad code, e.g. FORBIDDEN/OTHER_CENTRE

    def __repr__(self) -> str:
        return f"DomainError({self.code.value!r}, {self.message!r}, field={self.field!r})"
