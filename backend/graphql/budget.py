"""What one GraphQL operation may spend: its price, its time, the size of its answer.

A `Budget` is chosen for every operation by a `BudgetPolicy`: a function of the request
context (who is asking, through which client). Today everyone gets `settings_budget`, the
TONGBAN_MAX_QUERY_COST / _OPERATION_TIMEOUT_SECONDS / _MAX_RESPONSE_BYTES settings. Per-client
budgets are a different policy, passed to both places that spend a budget:

    async def per_client(context: Context) -> Budget:
        client = await context.api_client()          # e.g. a third-party app's key
        if client is None:
            return settings_budget(context)
        return Budget(max_cost=client.max_query_cost, timeout_seconds=20.0,
                      max_response_bytes=16 * 1024 * 1024)

    build_schema(...) -> lambda: QueryCostLimiter(per_client)   # the price, before execution
    GraphQLApp(schema, graphiql=..., budget=per_client)          # time and answer size, HTTP

A policy may be sync or async and is asked once per operation (by each of the two). A leaky
bucket per client (Shopify's "points per second") fits the same shape: the policy answers the
client's remaining points as `max_cost`; taking the price off is then one more step after
pricing, in `QueryCostLimiter.on_execute`.

Spending:
- the price: `cost.QueryCostLimiter`, a schema extension, for every operation over every
  transport (HTTP, WebSocket, in-process), refused with QUERY_TOO_COSTLY before execution;
- the time: `run_within_budget` runs an HTTP operation as its own task and cancels it after
  `timeout_seconds` (OPERATION_TIMEOUT) or as soon as the client hangs up (the ASGI receive
  channel says `http.disconnect`): nobody computes an answer nobody will read;
- the answer: `cap_response` replaces an HTTP answer over `max_response_bytes` by a small
  RESPONSE_TOO_LARGE error instead of sending it.

Cancelling takes effect at the operation's next `await` (a DataLoader, a query): a stretch of
pure-Python completion inside graphql-core runs to its end first. The price limit is what
keeps those stretches short (the whole 50 x 100 catalogue page is about 0.6 s of work); the
time budget is for operations that wait (a slow database, a slow registry).

Over WebSocket an operation is a task of its own already: the client cancels it with
`complete`, and closing the socket cancels all of them (strawberry's handler does both).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from inspect import isawaitable
from typing import Any, TypeVar

from graphql import GraphQLError
from starlette.responses import Response
from starlette.types import Receive
from strawberry.types import ExecutionResult

from backend.platform import infra
from backend.platform.errors import ErrorCode

logger = logging.getLogger("tongban.graphql")

T = TypeVar("T")

# After cancelling an operation, how long to wait for it to unwind before answering anyway.
_UNWIND_SECONDS = 2.0


class ClientDisconnected(Exception):
    """The HTTP client hung up before its answer was ready; the operation was cancelled."""


@dataclass(frozen=True, slots=True)
class Budget:
    """What one operation may spend."""

    max_cost: int
    timeout_seconds: float
    max_response_bytes: int


BudgetPolicy = Callable[[Any], Budget | Awaitable[Budget]]
"""Chooses the budget of an operation from its context (the view's `Context`)."""


def settings_budget(context: object) -> Budget:
    """The same budget for everyone, from the settings."""
    settings = infra.current().settings
    return Budget(
        max_cost=settings.max_query_cost,
        timeout_seconds=settings.operation_timeout_seconds,
        max_response_bytes=settings.max_response_bytes,
    )


async def resolve_budget(policy: BudgetPolicy, context: object) -> Budget:
    budget = policy(context)
    if isawaitable(budget):
        return await budget
    return budget


def error_result(code: ErrorCode, message: str, **details: object) -> ExecutionResult:
    return ExecutionResult(
        data=None,
        errors=[GraphQLError(message, extensions={"code": code.value, **details})],
    )


async def run_within_budget(
    operation: Awaitable[ExecutionResult],
    budget: Budget,
    *,
    receive: Receive | None,
    request_id: str,
) -> ExecutionResult:
    """Runs an HTTP operation, cancelled after the budget's time or when the client leaves.

    Call it once the request body has been read: from then on the only message the receive
    channel can bring is `http.disconnect`. Raises ClientDisconnected after a disconnect:
    there is nobody left to answer.
    """
    started = time.monotonic()
    task = asyncio.ensure_future(operation)
    waiters: set[asyncio.Future[Any]] = {task}
    hang_up = asyncio.ensure_future(_disconnect(receive)) if receive is not None else None
    if hang_up is not None:
        waiters.add(hang_up)
    try:
        done, _ = await asyncio.wait(
            waiters, timeout=budget.timeout_seconds, return_when=asyncio.FIRST_COMPLETED
        )
    finally:
        # Also when this request itself is cancelled (the server shuts down).
        if hang_up is not None:
            hang_up.cancel()
        if not task.done():
            task.cancel()
            await asyncio.wait({task}, timeout=_UNWIND_SECONDS)
    if task in done:
        return task.result()
    elapsed_ms = (time.monotonic() - started) * 1000
    if hang_up is not None and hang_up in done:
        logger.info(
            "graphql operation cancelled: the client disconnected after %.0f ms (request %s)",
            elapsed_ms,
            request_id,
        )
        raise ClientDisconnected
    logger.warning(
        "graphql operation cancelled: over its time budget of %g s (request %s)",
        budget.timeout_seconds,
        request_id,
    )
    return error_result(
        ErrorCode.OPERATION_TIMEOUT,
        f"查询超时（超过 {budget.timeout_seconds:g} 秒）已被取消，请缩小查询范围后重试。",
        timeoutSeconds=budget.timeout_seconds,
    )


async def _disconnect(receive: Receive) -> None:
    """Returns when the client has gone. (A GET's receive first brings its empty body.)"""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return


def too_large_body(size: int, limit: int) -> bytes:
    error = {
        "message": f"查询结果过大（{size} 字节，上限 {limit} 字节），请减少分页大小或所选字段。",
        "extensions": {
            "code": ErrorCode.RESPONSE_TOO_LARGE.value,
            "size": size,
            "limit": limit,
        },
    }
    return json.dumps({"data": None, "errors": [error]}, ensure_ascii=False).encode()


def cap_response(response: Response, budget: Budget | None, request_id: str) -> Response:
    """The response, or, when its body is over the budget, a RESPONSE_TOO_LARGE error."""
    if budget is None or len(response.body) <= budget.max_response_bytes:
        return response
    size = len(response.body)
    logger.warning(
        "graphql answer of %d bytes not sent: over the cap of %d (request %s)",
        size,
        budget.max_response_bytes,
        request_id,
    )
    response.body = too_large_body(size, budget.max_response_bytes)
    response.headers["content-length"] = str(len(response.body))
    response.headers["content-type"] = "application/json; charset=utf-8"
    return response
