"""What we know about the request behind an action: its id (for the logs and the audit
trail) and the client address (used for rate limits and only ever stored hashed).

Both are decided once per request at the edge (backend/platform/edge.py) and kept in the ASGI scope:
the client address in `scope["client"]`, the request id in `scope["state"]`.
`RequestMeta.from_scope` reads them back, so the GraphQL context, the rate limits, the audit
trail and the access log all see the same values.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")

# Keys in the ASGI scope's "state" dict (Starlette's request.state).
STATE_REQUEST_ID = "tongban_request_id"
STATE_OPERATION = "tongban_graphql_operation"


def accept_request_id(value: str | None) -> str:
    """A caller-supplied X-Request-ID is kept only when it looks like an id: 8-64 letters,
    digits, dots, dashes or underscores. Anything else gets a fresh random id."""
    if value is None or not _REQUEST_ID.fullmatch(value):
        return secrets.token_hex(16)
    return value


@dataclass(frozen=True)
class RequestMeta:
    request_id: str
    client_address: str | None = None

    @property
    def source_key(self) -> str | None:
        """The client address as a short keyed hash: for rate-limit keys and the audit log."""
        if self.client_address is None:
            return None
        from backend.platform import infra  # the container is built after this module

        return infra.current().cipher.blind_index("source", self.client_address)[:16]

    @classmethod
    def new(cls, client_address: str | None = None, request_id: str | None = None) -> RequestMeta:
        return cls(request_id=accept_request_id(request_id), client_address=client_address)

    @classmethod
    def from_scope(cls, scope: Mapping[str, Any]) -> RequestMeta:
        """The request id and client address the edge middleware settled for this request."""
        state = scope.get("state") or {}
        request_id = state.get(STATE_REQUEST_ID)
        client = scope.get("client")
        return cls.new(
            client_address=client[0] if client else None,
            request_id=request_id if isinstance(request_id, str) else None,
        )
