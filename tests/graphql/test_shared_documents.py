"""Operations that send the same text share one parsed document (a subscription keeps its
document as long as it runs); texts that do not parse are refused as before."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from strawberry.extensions import SchemaExtension

from backend.api import schema_for
from backend.graphql.context import Context
from backend.identity.authentication import Authentication
from backend.platform.requestmeta import RequestMeta
from backend.settings import get_settings


def _schema_seeing(documents: list[Any]) -> Any:
    schema = schema_for(get_settings())

    class Seen(SchemaExtension):
        def on_validate(self) -> Iterator[None]:
            documents.append(self.execution_context.graphql_document)
            yield

    schema.extensions = (*schema.extensions, Seen)
    return schema


def _context() -> Context:
    return Context(
        request=None, auth=Authentication.from_authorization(None), meta=RequestMeta.new()
    )


async def test_the_same_text_is_parsed_once() -> None:
    documents: list[Any] = []
    schema = _schema_seeing(documents)
    for query in ("{ __typename }", "{ __typename }", "query { __typename }"):
        result = await schema.execute(query, context_value=_context())
        assert result.errors is None and result.data == {"__typename": "Query"}
    assert documents[0] is documents[1]
    assert documents[2] is not documents[0]


async def test_what_does_not_parse_or_is_over_a_limit_is_refused_as_ever() -> None:
    documents: list[Any] = []
    schema = _schema_seeing(documents)

    async def codes(query: str) -> list[Any]:
        result = await schema.execute(query, context_value=_context())
        return [e.extensions.get("code") for e in result.errors or []]

    for _ in range(2):  # the second time would come from the cache
        assert await codes("{ __typename") == ["GRAPHQL_VALIDATION_FAILED"]
        assert await codes("{ " + "__typename " * 3000 + "}") == ["TOO_MANY_TOKENS"]
        assert await codes("{ " + "a: __typename " * 16 + "}") == ["TOO_MANY_ALIASES"]
        deep = "{ centres { edges { node { " + "parent { " * 9 + "name" + " }" * 9 + " } } } }"
        assert await codes(deep) == ["QUERY_TOO_DEEP"]
    assert len(documents) == 4  # what parsed reached validation
