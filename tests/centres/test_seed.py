"""The centres seed: one centre per street and town, consistent with the catalogue; the
centres' own hours come from it and misleading ones are refused."""

from __future__ import annotations

from typing import Any

import pytest

from backend.centres.models import HoursOverride
from backend.centres.seed import load_centres
from backend.seeding import read_seed
from tests.conftest import SEED_DIR, GraphQLClient

DISTRICTS = {
    "310101": "黄浦区", "310104": "徐汇区", "310105": "长宁区", "310106": "静安区",
    "310107": "普陀区", "310109": "虹口区", "310110": "杨浦区", "310112": "闵行区",
    "310113": "宝山区", "310114": "嘉定区", "310115": "浦东新区", "310116": "金山区",
    "310117": "松江区", "310118": "青浦区", "310120": "奉贤区", "310151": "崇明区",
}  # fmt: skip


@pytest.fixture(scope="module")
def matters() -> list[dict[str, Any]]:
    return read_seed(SEED_DIR, "matters.json")  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def centres() -> list[dict[str, Any]]:
    return read_seed(SEED_DIR, "centres.json")  # type: ignore[no-any-return]


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


async def test_centre_hours_overrides_come_from_the_seed_and_reach_the_api(
    gql: GraphQLClient,
) -> None:
    rows = read_seed(SEED_DIR, "centres.json")
    target = next(r for r in rows if r["code"] == "310101-02")
    target["hours_overrides"] = [
        {"day_type": "REST_DAY", "opens": "08:30", "closes": "16:00", "note": "周末下午加开"},
        {"date": "2026-11-28", "closed": True, "note": "系统升级暂停服务"},
    ]
    query = """{ centre(code: "310101-02") {
        sunday: openingHours(date: "2026-11-22") { closesAt source note }
        upgrade: openingHours(date: "2026-11-28") { isOpenDay source note }
        sundayAfternoon: isOpenAt(at: "2026-11-22T15:00:00+08:00")
    } other: centre(code: "310101-01") { openingHours(date: "2026-11-22") { closesAt } } }"""
    try:
        await load_centres(rows)
        assert await load_centres(rows) == {"created": 0, "updated": 0}
        result = await gql(query)
        assert not result.errors
        centre = result.data["centre"]  # type: ignore[index]
        assert centre["sunday"] == {
            "closesAt": "16:00:00",
            "source": "CENTRE_DAY_TYPE",
            "note": "周末下午加开",
        }
        assert centre["upgrade"] == {
            "isOpenDay": False,
            "source": "CENTRE_DATE",
            "note": "系统升级暂停服务",
        }
        assert centre["sundayAfternoon"] is True
        assert result.data["other"]["openingHours"]["closesAt"] == "11:30:00"  # type: ignore[index]
    finally:
        target.pop("hours_overrides")
        await load_centres(rows)
    restored = await gql(query)
    assert restored.data["centre"]["sunday"]["source"] == "CITY_RULE"  # type: ignore[index]


async def test_misleading_hours_overrides_are_refused(database_url: str) -> None:
    rows = read_seed(SEED_DIR, "centres.json")
    target = next(r for r in rows if r["code"] == "310101-02")
    before = await HoursOverride.all().count()
    for bad in (
        {"day_type": "REST_DAY", "date": "2026-11-28", "closed": True},
        {"day_type": "REST_DAY", "opens": "16:00", "closes": "08:30"},
        {"date": "2026-11-28"},
    ):
        target["hours_overrides"] = [bad]
        with pytest.raises(ValueError, match="310101-02"):
            await load_centres(rows)
    assert await HoursOverride.all().count() == before  # nothing of a refused file stays
