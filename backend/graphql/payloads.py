"""Mutation payloads, Saleor style: `{ <object>, errors: [MutationError!]! }`.

A rule a service enforces (wrong code, bad ID number ...) comes back in `errors`, with the
input `field` it concerns, a Chinese `message` and a stable `code`, so forms map errors onto
fields. Permission failures and bugs stay top-level GraphQL errors.
"""

from __future__ import annotations

import strawberry

from backend.platform import errors

strawberry.enum(
    errors.ErrorCode,
    description="Stable machine-readable error codes; the message says the same for people.",
)


@strawberry.type(description="Why a mutation did not do what was asked.")
class MutationError:
    field: str | None = strawberry.field(description="The input it concerns, if any.")
    message: str = strawberry.field(description="For people, in Chinese.")
    code: errors.ErrorCode


def errors_from(error: errors.DomainError) -> list[MutationError]:
    return [MutationError(field=error.field, message=error.message, code=error.code)]
