"""Loading pluggable adapters named in settings as "package.module:ClassName"."""

from __future__ import annotations

import importlib
from typing import Any

from backend.platform.keyfiles import KeyConfigurationError


def load_adapter(path: str) -> Any:
    module_name, _, class_name = path.partition(":")
    if not module_name or not class_name:
        raise KeyConfigurationError(f"adapter {path!r} must read 'package.module:ClassName'")
    adapter_class = getattr(importlib.import_module(module_name), class_name)
    return adapter_class()
