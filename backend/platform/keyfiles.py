"""Development key files under var/keys/: created once, readable only by their owner.

Production passes keys through settings (environment or mounted files). When no key is
configured and `allow_dev_keys` is on, a key is generated on first run. Several processes
may start at once (uvicorn workers, test workers): the file is written to a temporary name
and hard-linked into place, so exactly one key wins and everybody reads that one.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path


class KeyConfigurationError(RuntimeError):
    """Keys are missing or malformed. The message names settings, never key material."""


def read_or_create(path: Path, make: Callable[[], bytes]) -> bytes:
    if path.exists():
        return path.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(make())
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path.read_bytes()
