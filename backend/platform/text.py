"""Normalising free text that people type into search boxes."""

from __future__ import annotations

import unicodedata

from backend.platform.errors import DomainError, ErrorCode

MAX_SEARCH_LENGTH = 50


def clean_search_text(text: str | None, field: str = "search") -> str:
    """NFKC-normalised, trimmed search text; full-width letters and digits become ASCII."""
    if text is None:
        return ""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if len(cleaned) > MAX_SEARCH_LENGTH:
        raise DomainError(
            ErrorCode.INVALID_INPUT, f"搜索内容最多 {MAX_SEARCH_LENGTH} 个字。", field
        )
    return cleaned
