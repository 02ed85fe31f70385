"""Which answers are the same for everyone, and caching them: HTTP (Cache-Control, a strong
ETag, 304) and server-side (the shared cache of backend/platform/sharedcache.py).

"Public" is decided from the schema, never from operation names: a type marked `@public`
(`PUBLIC` below: `@strawberry.type(directives=[PUBLIC])`) promises that each of its fields
answers the same to every caller, and so does a field marked `@public` on its own (the
catalogue's root fields). A field marked `@dependsOnClock` (`CLOCK`: "open now", "today's
hours") is never public, whatever its type says. Relay's connection plumbing (connections,
edges, page info) is public: it only carries what the fields around it select.

A document is public when every field it selects, in every fragment, is public
(`__typename` too). Only such a query, sent anonymously over GET (a GET with a token is
refused anyway, backend/graphql/get_requests.py) and answered without errors, is
- sent with `Cache-Control: public, max-age=<public_max_age_seconds>` and a strong ETag
  (a 304 answers an If-None-Match that matches it);
- kept in the shared cache under the catalogue's version (CATALOGUE), so loading the seed or
  editing the catalogue makes every kept answer unreachable at once, on every instance.
Everything else the endpoint answers is `Cache-Control: no-store`.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

import orjson
import strawberry
from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLField,
    GraphQLNamedType,
    GraphQLSchema,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    visit,
)
from strawberry import relay
from strawberry.schema_directive import Location

MAX_ETAGS_PER_HEADER = 32
MAX_IF_NONE_MATCH_CHARS = 2048


@strawberry.schema_directive(
    locations=[Location.OBJECT, Location.FIELD_DEFINITION],
    description="The same answer for every caller: anonymous reads that select only such "
    "fields are cached (HTTP and server-side) until the catalogue changes.",
)
class Public:
    pass


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    description="The answer depends on the time of the request (open now, today's hours): "
    "never cached, whatever its type says.",
)
class DependsOnClock:
    pass


PUBLIC = Public()
CLOCK = DependsOnClock()
_STRUCTURAL = (relay.Connection, relay.Edge, relay.PageInfo)


def _marks(definition: Any) -> tuple[bool, bool]:
    """(public, depends on the clock) of a strawberry type or field definition."""
    directives = getattr(definition, "directives", None) or ()
    return (
        any(isinstance(d, Public) for d in directives),
        any(isinstance(d, DependsOnClock) for d in directives),
    )


def type_is_public(graphql_type: GraphQLNamedType) -> bool:
    definition = (graphql_type.extensions or {}).get("strawberry-definition")
    if definition is None:
        return False
    origin = getattr(definition, "origin", None)
    if isinstance(origin, type) and issubclass(origin, _STRUCTURAL):
        return True
    return _marks(definition)[0]


def field_is_public(parent: GraphQLNamedType, field: GraphQLField) -> bool:
    definition = (field.extensions or {}).get("strawberry-definition")
    public, clock = _marks(definition)
    if clock:
        return False
    return public or type_is_public(parent)


class _Publicity(Visitor):
    def __init__(self, type_info: TypeInfo) -> None:
        super().__init__()
        self.type_info = type_info
        self.public = True

    def enter_field(self, node: FieldNode, *_: Any) -> Any:
        if node.name.value == "__typename":
            return None
        parent = self.type_info.get_parent_type()
        field = self.type_info.get_field_def()
        if parent is None or field is None or not field_is_public(parent, field):
            self.public = False
            return self.BREAK
        return None


def document_is_public(schema: GraphQLSchema, document: DocumentNode) -> bool:
    """Whether every field the (validated) document selects is public."""
    type_info = TypeInfo(schema)
    publicity = _Publicity(type_info)
    visit(document, TypeInfoVisitor(type_info, publicity))
    return publicity.public


class PublicDocuments:
    """`document_is_public`, kept per query text (an LRU) for one schema."""

    def __init__(self, schema: GraphQLSchema, max_entries: int = 512) -> None:
        self.schema = schema
        self.max_entries = max_entries
        self._known: OrderedDict[str, bool] = OrderedDict()

    def __call__(self, query: str, document: DocumentNode) -> bool:
        found = self._known.get(query)
        if found is None:
            found = self._known[query] = document_is_public(self.schema, document)
            if len(self._known) > self.max_entries:
                self._known.popitem(last=False)
        return found


def answer_key(
    query_hash: str, operation_name: str | None, variables: Mapping[str, Any] | None
) -> str:
    """The cache key of an answer: the document's sha256, the operation, the variables."""
    raw = orjson.dumps([query_hash, operation_name, variables or {}], option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(raw).hexdigest()


def strong_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:40] + '"'


def matches_etag(if_none_match: str | None, etag: str) -> bool:
    """RFC 9110 If-None-Match (weak comparison): `*` or one of the listed entity tags.
    Garbage matches nothing (the full answer is sent), and so does an overlong header."""
    if not if_none_match or len(if_none_match) > MAX_IF_NONE_MATCH_CHARS:
        return False
    value = if_none_match.strip()
    if value == "*":
        return True
    for candidate in value.split(",", MAX_ETAGS_PER_HEADER)[:MAX_ETAGS_PER_HEADER]:
        tag = candidate.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        if tag == etag:
            return True
    return False


def public_headers(etag: str, max_age: int) -> dict[str, str]:
    return {"Cache-Control": f"public, max-age={max_age}", "ETag": etag}


PRIVATE_HEADERS = {"Cache-Control": "no-store"}
