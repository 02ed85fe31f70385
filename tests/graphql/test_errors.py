"""Errors: codes for programs, Chinese messages for people, nothing internal leaked."""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator
from typing import Any

import pytest
import strawberry
from strawberry.types import ExecutionResult

from backend.graphql.errors import INTERNAL_MESSAGE, ErrorShaping
from backend.graphql.schema import TongbanSchema
from backend.platform.errors import DomainError, ErrorCode
from tests.conftest import GraphQLClient


@strawberry.type
class _Query:
    @strawberry.field
    def broken(self) -> str:
        secret = "".join(["hunt", "er2"])  # runtime data, not text in this source line
        raise RuntimeError(f"password={secret} at /srv/secret.py")

    @strawberry.field
    def refused(self) -> str:
        raise DomainError(ErrorCode.NOT_FOUND, "没有找到。", "code")


@strawberry.type
class _Subscription:
    @strawberry.subscription
    async def breaks_midway(self) -> AsyncGenerator[int, None]:
        yield 1
        secret = "".join(["hunt", "er2"])
        raise RuntimeError(f"password={secret}")

    @strawberry.subscription
    async def refused(self) -> AsyncGenerator[int, None]:
        raise DomainError(ErrorCode.FORBIDDEN, "只能订阅本人的事件。")
        yield 1  # pragma: no cover - makes this an async generator


_tiny = TongbanSchema(query=_Query, subscription=_Subscription, extensions=[ErrorShaping])


async def _streamed(document: str) -> list[dict[str, Any]]:
    results = await _tiny.subscribe(document)
    assert not isinstance(results, ExecutionResult)
    return [
        {"data": r.data, "errors": [e.formatted for e in r.errors or []]} async for r in results
    ]


async def test_unexpected_errors_are_masked_and_logged_without_their_text(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR, logger="tongban.graphql"):
        result = await _tiny.execute("{ broken }")
    assert result.errors is not None
    formatted = result.errors[0].formatted
    assert formatted["message"] == INTERNAL_MESSAGE
    assert formatted["extensions"] == {"code": "INTERNAL_ERROR"}
    assert "hunter2" not in str(formatted)
    assert "RuntimeError" in caplog.text  # the server keeps what happened...
    assert "hunter2" not in caplog.text  # ...but not the text, which may hold personal data


async def test_domain_errors_keep_message_code_and_field() -> None:
    result = await _tiny.execute("{ refused }")
    assert result.errors is not None
    assert result.errors[0].formatted["message"] == "没有找到。"
    assert result.errors[0].formatted["extensions"] == {"code": "NOT_FOUND", "field": "code"}


async def test_subscription_errors_are_shaped_like_any_other() -> None:
    first, failed = await _streamed("subscription { breaksMidway }")
    assert first == {"data": {"breaksMidway": 1}, "errors": []}
    assert failed["errors"][0]["message"] == INTERNAL_MESSAGE
    assert failed["errors"][0]["extensions"] == {"code": "INTERNAL_ERROR"}
    assert "hunter2" not in str(failed)

    (refused,) = await _streamed("subscription { refused }")
    assert refused["errors"][0]["message"] == "只能订阅本人的事件。"
    assert refused["errors"][0]["extensions"] == {"code": "FORBIDDEN"}


async def test_limits_and_bad_documents(gql: GraphQLClient) -> None:
    deep = "{ centres { edges { node { " + "parent { " * 9 + "name" + " }" * 9 + " } } } }"
    assert (await gql(deep)).codes == ["QUERY_TOO_DEEP"]

    aliases = "{ " + " ".join(f"a{i}: departments {{ name }}" for i in range(16)) + " }"
    assert (await gql(aliases)).codes == ["TOO_MANY_ALIASES"]

    tokens = "{ departments { " + "name " * 2100 + "} }"
    too_long = await gql(tokens)
    assert too_long.codes == ["TOO_MANY_TOKENS"]
    assert "2000" in too_long.errors[0]["message"]

    assert (await gql("{ centres { ")).codes == ["GRAPHQL_VALIDATION_FAILED"]
    assert (await gql("{ noSuchField }")).codes == ["GRAPHQL_VALIDATION_FAILED"]
    assert (await gql('{ centres(first: "ten") { totalCount } }')).codes == [
        "GRAPHQL_VALIDATION_FAILED"
    ]
    # Bad variables are the caller's mistake too, not a server fault to be masked.
    bad_date = await gql(
        'query($d: Date) { centre(code: "310101-01") { openingHours(date: $d) { opensAt } } }',
        d="2026-02-30",
    )
    assert bad_date.codes == ["GRAPHQL_VALIDATION_FAILED"]
    assert "2026-02-30" in bad_date.errors[0]["message"]
    bad_enum = await gql(
        "query($f: CentreFilter) { centres(filter: $f) { totalCount } }", f={"kind": "NOPE"}
    )
    assert bad_enum.codes == ["GRAPHQL_VALIDATION_FAILED"]
