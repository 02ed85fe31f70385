"""Inputs checked at the edge of the schema, for every argument and input field at once.

A caller's mistake must never reach a service as something it cannot handle (and then
come back as INTERNAL_ERROR): `guard_inputs` wraps, at schema build, the resolver of every
field that takes text, IDs, dates or input objects, and checks the coerced values before
permissions and resolvers see them:

- text (String, ID): no NUL character, no lone surrogate (JSON can carry "\\ud800"), and at
  most DEFAULT_MAX_LENGTH characters (DEFAULT_ID_MAX_LENGTH for IDs), or the limit the
  field declares;
- dates and date-times: between EARLIEST and LATEST, so that any time-zone shift of them
  is still a date Python can hold.

A field declares its own limit, next to its type, as metadata (a shorter one where its
column is shorter; None where the domain bounds the length with a code of its own):

    async def centre(self, code: Annotated[str, text(16)]) -> Centre: ...

    @strawberry.input
    class MatterFilter:
        search: str | None = text_field(50, search=True, description="...")

`search=True` removes invisible formatting characters (Unicode category Cf: zero-width
space, BOM, direction marks) before the length is counted; the resolver gets the cleaned
text. A refusal is a top-level error: INVALID_INPUT (INVALID_DATE for dates) with
`extensions.field` naming the argument, or its path for an input field (`filter.search`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import strawberry
from graphql import (
    GraphQLArgument,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    default_field_resolver,
)

from backend.platform.errors import DomainError, ErrorCode

INPUT_RULE = "tongban.input"
DEFAULT_MAX_LENGTH = 255
DEFAULT_ID_MAX_LENGTH = 128
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2199, 12, 31)
_DEFINITION = "strawberry-definition"
_GUARDED = "_tongban_inputs_guarded"
_CHECKED_SCALARS = {"String", "ID", "Date", "DateTime"}


@dataclass(frozen=True)
class TextRule:
    # None: the domain bounds the length itself and answers with its own code (sign-in
    # answers INVALID_CREDENTIALS to any malformed password, long or short).
    max_length: int | None = DEFAULT_MAX_LENGTH
    search: bool = False  # remove invisible formatting characters (category Cf) first


def text(max_length: int | None, *, search: bool = False, description: str | None = None) -> Any:
    """An argument's limit: `code: Annotated[str, text(16)]`."""
    return strawberry.argument(
        description=description, metadata={INPUT_RULE: TextRule(max_length, search)}
    )


def text_field(
    max_length: int | None,
    *,
    search: bool = False,
    default: str | None = None,
    required: bool = False,
    description: str | None = None,
) -> Any:
    """An input field's limit: `search: str | None = text_field(50, search=True)`, or
    `code: str = text_field(16, required=True)` for a field without a default."""
    return strawberry.field(
        default=dataclasses.MISSING if required else default,
        description=description,
        metadata={INPUT_RULE: TextRule(max_length, search)},
    )


def _declared(definition: GraphQLArgument | GraphQLInputField) -> TextRule | None:
    owner = (definition.extensions or {}).get(_DEFINITION)
    metadata: Mapping[Any, Any] = getattr(owner, "metadata", None) or {}
    rule = metadata.get(INPUT_RULE)
    return rule if isinstance(rule, TextRule) else None


def _invalid(field: str, message: str, code: ErrorCode = ErrorCode.INVALID_INPUT) -> DomainError:
    return DomainError(code, message, field)


def check_text(value: str, rule: TextRule, field: str) -> str:
    if rule.search:
        value = "".join(ch for ch in value if unicodedata.category(ch) != "Cf")
    if "\x00" in value:
        raise _invalid(field, f"{field} 不能包含空字符（NUL）。")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise _invalid(field, f"{field} 含有无效的 Unicode 字符。") from None
    if rule.max_length is not None and len(value) > rule.max_length:
        raise _invalid(field, f"{field} 最多 {rule.max_length} 个字符。")
    return value


def check_date(value: dt.date, field: str) -> dt.date:
    day = value.date() if isinstance(value, dt.datetime) else value
    if not (EARLIEST <= day <= LATEST):
        raise _invalid(
            field,
            f"{field} 应在 {EARLIEST.isoformat()} 到 {LATEST.isoformat()} 之间。",
            ErrorCode.INVALID_DATE,
        )
    return value


def _default_rule(type_: GraphQLInputType) -> TextRule:
    inner: Any = type_
    while isinstance(inner, GraphQLNonNull | GraphQLList):
        inner = inner.of_type
    if isinstance(inner, GraphQLScalarType) and inner.name == "ID":
        return TextRule(DEFAULT_ID_MAX_LENGTH)
    return TextRule()


def _needs_checking(type_: GraphQLInputType, seen: set[str] | None = None) -> bool:
    inner: Any = type_
    while isinstance(inner, GraphQLNonNull | GraphQLList):
        inner = inner.of_type
    if isinstance(inner, GraphQLScalarType):
        return inner.name in _CHECKED_SCALARS
    if isinstance(inner, GraphQLInputObjectType):
        seen = seen or set()
        if inner.name in seen:
            return False
        seen.add(inner.name)
        return any(_needs_checking(f.type, seen) for f in inner.fields.values())
    return False


def check_value(value: Any, type_: GraphQLInputType, rule: TextRule | None, field: str) -> Any:
    """The value, cleaned, or a DomainError naming `field` (a path for nested fields)."""
    if value is None:
        return None
    if isinstance(type_, GraphQLNonNull):
        return check_value(value, type_.of_type, rule, field)
    if isinstance(type_, GraphQLList):
        items = value if isinstance(value, list) else [value]
        return [check_value(item, type_.of_type, rule, field) for item in items]
    if isinstance(type_, GraphQLInputObjectType) and isinstance(value, dict):
        checked = dict(value)
        for name, input_field in type_.fields.items():
            if name in checked:
                checked[name] = check_value(
                    checked[name], input_field.type, _declared(input_field), f"{field}.{name}"
                )
        return checked
    if isinstance(value, str):
        return check_text(value, rule or _default_rule(type_), field)
    if isinstance(value, dt.date):
        return check_date(value, field)
    return value


Resolver = Callable[..., Any]


def _guarded(resolve: Resolver, field: GraphQLField) -> Resolver:
    plan = [
        (name, argument.type, _declared(argument))
        for name, argument in field.args.items()
        if _needs_checking(argument.type)
    ]

    def resolver(root: Any, info: Any, **kwargs: Any) -> Any:
        for name, type_, rule in plan:
            if name in kwargs:
                kwargs[name] = check_value(kwargs[name], type_, rule, name)
        return resolve(root, info, **kwargs)

    setattr(resolver, _GUARDED, True)
    return resolver


def guard_inputs(schema: GraphQLSchema) -> GraphQLSchema:
    """Wraps the resolver (and subscriber) of every field whose arguments need checking.

    Idempotent; fields without such arguments keep their resolver and cost nothing."""
    for type_ in schema.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        for field in type_.fields.values():
            if not any(_needs_checking(argument.type) for argument in field.args.values()):
                continue
            resolve = field.resolve or default_field_resolver
            if not getattr(resolve, _GUARDED, False):
                field.resolve = _guarded(resolve, field)
            if field.subscribe is not None and not getattr(field.subscribe, _GUARDED, False):
                field.subscribe = _guarded(field.subscribe, field)
    return schema
