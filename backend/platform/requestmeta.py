"""What we know about the request behind an action: its id (for the logs and the audit
trail) and the client address (used for rate limits and only ever stored hashed)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


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
        """A caller-supplied X-Request-ID is kept only when it looks like an id."""
        if request_id is None or not _REQUEST_ID.fullmatch(request_id):
            request_id = uuid.uuid4().hex
        return cls(request_id=request_id, client_address=client_address)
