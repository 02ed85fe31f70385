"""Mutation payloads, Saleor style: `{ <object>, errors: [MutationError!]! }`, made once.

A rule a service enforces (wrong code, bad ID number ...) comes back in `errors`, with the
input `field` it concerns, a Chinese `message` and a stable `code`, so forms map errors onto
fields. Permission failures and bugs stay top-level GraphQL errors.

`@mutation(...)` is `strawberry.mutation` plus `ErrorsInPayload`: the resolver returns the
success payload and lets a DomainError propagate; the extension turns the error into the
field's payload type with only `errors` set (every other payload field has a default).
So no resolver writes `try/except DomainError` (Saleor's BaseMutation does the same).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from strawberry.extensions import FieldExtension
from strawberry.types.field import StrawberryField

from backend.graphql.context import Info
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


class ErrorsInPayload(FieldExtension):
    """A DomainError from the resolver becomes `PayloadType(errors=[...])`."""

    def apply(self, field: StrawberryField) -> None:
        self.field = field

    def resolve(self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any) -> Any:
        try:
            return next_(source, info, **kwargs)
        except errors.DomainError as error:
            return self._payload(error)

    async def resolve_async(
        self, next_: Callable[..., Awaitable[Any]], source: Any, info: Info, **kwargs: Any
    ) -> Any:
        try:
            return await next_(source, info, **kwargs)
        except errors.DomainError as error:
            return self._payload(error)

    def _payload(self, error: errors.DomainError) -> Any:
        payload_type: Any = self.field.type
        return payload_type(errors=errors_from(error))


def mutation(
    *, description: str, extensions: list[FieldExtension] | None = None
) -> Callable[[Callable[..., Any]], Any]:
    """A mutation whose DomainErrors come back in its payload's `errors`."""
    decorator: Callable[[Callable[..., Any]], Any] = strawberry.mutation(
        description=description, extensions=[*(extensions or []), ErrorsInPayload()]
    )
    return decorator
