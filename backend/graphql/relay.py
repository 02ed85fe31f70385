"""Relay plumbing: global IDs and cursor connections with totalCount.

Cursors are opaque offsets. Page sizes are capped so nobody can ask for the whole city in
one request; a request past the cap is refused with a code rather than silently cut.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

import strawberry
from strawberry import relay
from tortoise.queryset import QuerySet

from backend.graphql.context import Info
from backend.platform import infra
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.principal import Principal

NodeType = TypeVar("NodeType", bound=relay.Node)
_CURSOR_PREFIX = "cursor:"
# Primary keys are PostgreSQL integers; offsets stay far below what OFFSET accepts.
MAX_PRIMARY_KEY = 2**31 - 1
MAX_CURSOR_OFFSET = 2**31 - 1


@strawberry.type(name="Connection", description="A page of items, with the total count.")
class CountedConnection(relay.Connection[NodeType], Generic[NodeType]):
    total_count: int = strawberry.field(description="How many items match, over all pages.")


def encode_cursor(offset: int) -> str:
    return base64.b64encode(f"{_CURSOR_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str, field: str) -> int:
    try:
        raw = base64.b64decode(cursor.encode(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raw = ""
    offset = raw.removeprefix(_CURSOR_PREFIX)
    # ASCII digits only: str.isdigit() also accepts "²" and "١", which int() refuses or reads.
    valid = raw.startswith(_CURSOR_PREFIX) and offset.isascii() and offset.isdigit()
    if not valid or len(offset) > 10 or int(offset) > MAX_CURSOR_OFFSET:
        raise DomainError(ErrorCode.INVALID_CURSOR, "分页游标无效，请从第一页重新查询。", field)
    return int(offset)


def page_window(
    total: int,
    *,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> tuple[int, int]:
    """The [start, end) slice of `total` items that the arguments ask for."""
    cap = infra.current().settings.max_page_size
    for name, value in (("first", first), ("last", last)):
        if value is not None and value < 0:
            raise DomainError(ErrorCode.INVALID_PAGINATION, f"{name} 不能为负数。", name)
        if value is not None and value > cap:
            raise DomainError(
                ErrorCode.PAGE_SIZE_TOO_LARGE, f"每页最多 {cap} 条，请减小 {name}。", name
            )
    start = decode_cursor(after, "after") + 1 if after is not None else 0
    end = decode_cursor(before, "before") if before is not None else total
    start, end = min(start, total), max(min(end, total), 0)
    end = max(end, start)
    if first is not None:
        end = min(end, start + first)
    if last is not None:
        start = max(start, end - last)
    if first is None and last is None:
        end = min(end, start + cap)
    return start, end


def build_connection(
    items: Sequence[Any], *, start: int, end: int, total: int
) -> CountedConnection[Any]:
    edges = [relay.Edge(node=item, cursor=encode_cursor(start + i)) for i, item in enumerate(items)]
    return CountedConnection(
        edges=edges,
        page_info=relay.PageInfo(
            has_previous_page=start > 0,
            has_next_page=end < total,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )


async def paginate_queryset(
    queryset: QuerySet[Any],
    *,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> tuple[list[Any], int, int, int]:
    """Two queries: the count, then the page. Returns (rows, start, end, total)."""
    total = await queryset.count()
    start, end = page_window(total, first=first, after=after, last=last, before=before)
    rows = await queryset.offset(start).limit(end - start) if end > start else []
    return list(rows), start, end, total


def paginate_list(
    items: Sequence[Any],
    *,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> CountedConnection[Any]:
    total = len(items)
    start, end = page_window(total, first=first, after=after, last=last, before=before)
    return build_connection(items[start:end], start=start, end=end, total=total)


def decode_global_id(
    value: str | strawberry.ID,
    expected: str | tuple[str, ...],
    *,
    max_key: int = MAX_PRIMARY_KEY,
) -> int:
    """The integer primary key (1..max_key) of a global ID of one of the `expected` types."""
    expected_types = (expected,) if isinstance(expected, str) else expected
    try:
        gid = relay.GlobalID.from_id(value)
        type_name, key = gid.type_name, gid.node_id
    except (relay.GlobalIDValueError, ValueError):
        raise DomainError(ErrorCode.INVALID_ID, "ID 格式不正确。", "id") from None
    # ASCII digits only (int() would take " 1", "1_0" and "١"), within the column's range.
    if not (key.isascii() and key.isdigit()) or len(key) > len(str(max_key)):
        raise DomainError(ErrorCode.INVALID_ID, "ID 格式不正确。", "id")
    if type_name not in expected_types:
        raise DomainError(ErrorCode.INVALID_ID, "ID 不属于所需的对象类型。", "id")
    node_id = int(key)
    if not (1 <= node_id <= max_key):
        raise DomainError(ErrorCode.INVALID_ID, "ID 超出有效范围。", "id")
    return node_id


R = TypeVar("R")
N = TypeVar("N")


async def visible_nodes(
    info: Info,
    node_ids: Iterable[str],
    load: Callable[[Sequence[int]], Awaitable[Sequence[R | None]]],
    may_read: Callable[[Principal, R], bool],
    build: Callable[[R], N],
    not_found: str,
) -> list[N | None]:
    """`resolve_nodes` of a Node whose rows have a read rule: a missing row is None, and
    a row the caller may not read answers NOT_FOUND, as a missing one would for its type
    (its existence is not confirmed)."""
    principal = await info.context.principal()
    rows = await info.context.loader(load).load_many([int(i) for i in node_ids])
    found: list[N | None] = []
    for row in rows:
        if row is not None and not may_read(principal, row):
            raise DomainError(ErrorCode.NOT_FOUND, not_found, "id")
        found.append(build(row) if row is not None else None)
    return found
