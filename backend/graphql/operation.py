"""Names the operation an HTTP request ran, for the access log (backend/platform/edge.py).

Only its type and name ("mutation:RequestLoginCode"), scrubbed like a path: never the
document, never the variables. WebSocket operations are not recorded (a connection carries
many; the access log has one line at open and one at close).
"""

from __future__ import annotations

from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

from backend.platform.edge import scrub
from backend.platform.requestmeta import STATE_OPERATION

MAX_LOGGED_NAME = 64


class RecordOperation(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        context = self.execution_context.context
        request = getattr(context, "request", None)
        if request is None or request.scope.get("type") != "http":
            return
        if self.execution_context.graphql_document is None:
            return  # not even parsed: nothing to name
        try:
            kind = self.execution_context.operation_type.value
        except RuntimeError:  # the operation asked for is not in the document
            return
        name = self.execution_context.operation_name
        label = f"{kind}:{scrub(name, MAX_LOGGED_NAME)}" if name else kind
        request.scope.setdefault("state", {})[STATE_OPERATION] = label
