"""schema/schema.graphql is the contract with the PWA and third-party apps.

Two different failures: the export itself breaking, and the export drifting from the file.
"""

from __future__ import annotations

import difflib

import pytest

from backend.__main__ import SCHEMA_PATH, export_schema_sdl


def _export() -> str:
    try:
        return export_schema_sdl()
    except Exception as exc:
        pytest.fail(f"schema export failed (not a drift): {type(exc).__name__}: {exc}")


def test_schema_exports() -> None:
    sdl = _export()
    assert "type Query" in sdl


def test_committed_schema_matches_the_code() -> None:
    exported = _export()
    committed = SCHEMA_PATH.read_text(encoding="utf-8")
    if exported != committed:
        diff = "".join(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                exported.splitlines(keepends=True),
                "schema/schema.graphql (committed)",
                "exported from code",
            )
        )
        pytest.fail(
            "schema drifted from schema/schema.graphql; if the change is deliberate, run "
            "`.venv/bin/python -m backend export-schema` and commit it:\n" + diff
        )
