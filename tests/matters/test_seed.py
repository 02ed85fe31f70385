"""The catalogue seed files (departments, matters): complete and consistent."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from backend.seeding import read_seed
from backend.settings import PROJECT_ROOT

SEED = PROJECT_ROOT / "seed"
E_CERTIFICATES = {
    None, "ID_CARD", "RESIDENCE_PERMIT", "BIRTH_CERTIFICATE", "HUKOU_BOOKLET",
    "MARRIAGE_CERTIFICATE",
}  # fmt: skip


@pytest.fixture(scope="module")
def departments() -> list[dict[str, Any]]:
    return read_seed(SEED, "departments.json")  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def matters() -> list[dict[str, Any]]:
    return read_seed(SEED, "matters.json")  # type: ignore[no-any-return]


def test_eleven_departments_each_with_matters(
    departments: list[dict[str, Any]], matters: list[dict[str, Any]]
) -> None:
    codes = [d["code"] for d in departments]
    assert len(codes) == len(set(codes)) == 11
    per_department = Counter(m["department"] for m in matters)
    assert set(per_department) == set(codes)
    assert min(per_department.values()) >= 2


def test_matters_are_complete_and_consistent(matters: list[dict[str, Any]]) -> None:
    assert 160 <= len(matters) <= 185
    assert len({m["code"] for m in matters}) == len(matters)
    assert len({m["name"] for m in matters}) == len(matters)
    for matter in matters:
        assert re.fullmatch(r"[A-Z]{2}\d{3}", matter["code"]), matter["code"]
        assert matter["handling_mode"] in {"DIRECT", "COLLECT_FORWARD"}
        assert matter["online_level"] in {"FULLY_ONLINE", "PREREVIEW", "COUNTER"}
        assert 0 <= matter["promised_working_days"] <= 60
        assert {m["e_certificate"] for m in matter["materials"]} <= E_CERTIFICATES
    assert sum(m["city_wide"] for m in matters) >= 150
