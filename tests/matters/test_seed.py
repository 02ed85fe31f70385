"""The seed files: complete, consistent, and loading them twice changes nothing."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from backend.centres.models import Centre, LocalOffering
from backend.matters.models import Department, Matter
from backend.seeding import load_seed, read_seed
from backend.settings import PROJECT_ROOT

SEED = PROJECT_ROOT / "seed"
DISTRICTS = {
    "310101": "黄浦区", "310104": "徐汇区", "310105": "长宁区", "310106": "静安区",
    "310107": "普陀区", "310109": "虹口区", "310110": "杨浦区", "310112": "闵行区",
    "310113": "宝山区", "310114": "嘉定区", "310115": "浦东新区", "310116": "金山区",
    "310117": "松江区", "310118": "青浦区", "310120": "奉贤区", "310151": "崇明区",
}  # fmt: skip
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


@pytest.fixture(scope="module")
def centres() -> list[dict[str, Any]]:
    return read_seed(SEED, "centres.json")  # type: ignore[no-any-return]


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


def test_one_centre_per_street_and_town(
    centres: list[dict[str, Any]], matters: list[dict[str, Any]]
) -> None:
    by_code = {c["code"]: c for c in centres}
    assert len(by_code) == len(centres)
    assert len({c["name"] for c in centres}) == len(centres)
    main = [c for c in centres if c["kind"] == "CENTRE"]
    assert len(main) >= 215
    assert {c["district_code"] for c in main} == set(DISTRICTS)
    local_codes = {m["code"] for m in matters if not m["city_wide"]}
    for centre in centres:
        assert DISTRICTS[centre["district_code"]] == centre["district"]
        assert centre["name"].startswith(centre["district"]), centre["name"]
        assert "社区事务受理服务" in centre["name"]
        assert 30.6 <= centre["lat"] <= 31.95 and 120.8 <= centre["lng"] <= 122.2, centre["code"]
        assert centre["coordinates_approximate"] is True
        assert set(centre["local_matters"]) <= local_codes, centre["code"]
        if centre["kind"] == "BRANCH":
            parent = by_code[centre["parent"]]
            assert parent["kind"] == "CENTRE"
            assert parent["district_code"] == centre["district_code"]
        else:
            assert centre["parent"] is None


async def _counts() -> tuple[int, ...]:
    return (
        await Department.all().count(),
        await Matter.all().count(),
        await Centre.all().count(),
        await LocalOffering.all().count(),
    )


async def test_loading_twice_changes_nothing(database_url: str) -> None:
    before = await _counts()  # the session fixture has loaded the seed once already
    again = await load_seed(SEED)
    assert again == {
        "catalogue": {"created": 0, "updated": 0},
        "centres": {"created": 0, "updated": 0},
        "population_registry": {"created": 0, "updated": 0},
        "demo_accounts": {"residents_created": 0, "staff_created": 0},
    }
    assert await _counts() == before
