"""办事指南: every matter's guide gives each fact with a source, or says it is not known;
the sources' quotes are in the articles; 在哪里办 lists only the centres that offer the
matter, nearest first; centres carry map, navigation and call links."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from backend.seeding import read_seed
from tests.conftest import SEED_DIR, GraphQLClient

SHARED_SEEDS = Path("/work/shared/seeds")
FACTS = ("conditions", "steps", "fees", "legal_basis", "hours", "sample_forms", "faq")
GUIDE = """query($c: String!) { matter(code: $c) { guide {
    unknownNotice
    conditions { known items sources { id } } steps { known items sources { id title } }
    fees { known items } legalBasis { known items } hours { known items sources { id } }
    sampleForms { known items }
    materials { name originalOrCopy { known } count { known } eCertificateKnown eCertificate
                eCertificateCandidate eCertificateSources { id } }
    faq { known items { question answer sources { id } } } } } }"""
OFFERING = """query($m: String!, $lat: Float, $lng: Float, $d: String, $n: Int! = 10) {
    centresOffering(matterCode: $m, lat: $lat, lng: $lng, district: $d, first: $n) {
        distanceMeters centre { code district amapUrl geoUri phoneUri phone
            location { latitude longitude approximate } } } }"""


def _check_fact(fact: dict[str, Any], sources: dict[str, Any], where: str) -> None:
    """Known with a value and at least one existing source, or explicitly unknown."""
    assert isinstance(fact, dict) and isinstance(fact.get("known"), bool), where
    if fact["known"]:
        assert fact.get("value") not in (None, "", []), where
        assert fact["sources"] and set(fact["sources"]) <= set(sources), where
    else:
        assert "value" not in fact and "sources" not in fact, where


def test_every_guide_fact_is_sourced_or_marked_unknown() -> None:
    document = read_seed(SEED_DIR, "matter_guides.json")
    matters = read_seed(SEED_DIR, "matters.json")
    sources = document["sources"]
    assert {m["code"] for m in matters} == set(document["guides"])
    for matter in matters:
        guide = document["guides"][matter["code"]]
        for name in FACTS:
            _check_fact(guide[name], sources, f"{matter['code']}.{name}")
        if guide["faq"]["known"]:
            for item in guide["faq"]["value"]:
                assert item["answer"] and set(item["sources"]) <= set(sources)
        assert [m["name"] for m in guide["materials"]] == [m["name"] for m in matter["materials"]]
        for material in guide["materials"]:
            for name in ("original_or_copy", "count", "e_certificate"):
                _check_fact(material[name], sources, f"{matter['code']}.{material['name']}")


def test_each_source_quote_is_in_its_article() -> None:
    if not SHARED_SEEDS.is_dir():
        pytest.skip("the source articles (shared/seeds) are not on this machine")
    for source_id, source in read_seed(SEED_DIR, "matter_guides.json")["sources"].items():
        text = (SHARED_SEEDS / source["file"]).read_text(encoding="utf-8")
        assert source["file"].startswith(source_id)
        assert source["quote"] in text, source_id


async def test_the_guide_through_graphql(gql: GraphQLClient) -> None:
    result = await gql(GUIDE, c="MZ004")  # 最低生活保障申请: 收受分离
    guide = result.data["matter"]["guide"]  # type: ignore[index]
    assert guide["unknownNotice"] == "以窗口告知为准"
    for unknown in ("conditions", "fees", "legalBasis", "sampleForms"):
        assert guide[unknown] == {
            "known": False,
            "items": [],
            **({"sources": []} if unknown == "conditions" else {}),
        }
    assert guide["steps"]["known"] and any("户籍地" in s for s in guide["steps"]["items"])
    assert {s["id"] for s in guide["steps"]["sources"]} == {"000", "002"}
    assert guide["hours"]["items"][0].startswith("周一至周五 8:30")
    by_name = {m["name"]: m for m in guide["materials"]}
    assert by_name["居民身份证"]["eCertificate"] == "ID_CARD"
    assert by_name["居民身份证"]["eCertificateSources"] == [{"id": "002"}]
    # Only announced for the future in 2019: not claimed, offered as a question for the window.
    assert by_name["户口簿"]["eCertificateKnown"] is False
    assert (by_name["户口簿"]["eCertificate"], by_name["户口簿"]["eCertificateCandidate"]) == (
        None,
        "HUKOU_BOOKLET",
    )
    assert all(m["originalOrCopy"] == {"known": False} for m in guide["materials"])
    assert guide["faq"]["items"][0]["question"] == "不在户籍地能办吗？"


async def test_where_lists_only_centres_offering_the_matter_nearest_first(
    gql: GraphQLClient,
) -> None:
    centres = read_seed(SEED_DIR, "centres.json")
    offering = {c["code"] for c in centres if "GJ012" in c["local_matters"]}
    assert 1 < len(offering) < 20
    # 徐家汇 (one of them) as the device location.
    xjh = next(c for c in centres if c["code"] == "310104-09")
    near = await gql(OFFERING, m="GJ012", lat=xjh["lat"], lng=xjh["lng"], n=50)
    rows = near.data["centresOffering"]  # type: ignore[index]
    assert {r["centre"]["code"] for r in rows} == offering
    assert rows[0]["centre"]["code"] == "310104-09" and rows[0]["distanceMeters"] == 0
    distances = [r["distanceMeters"] for r in rows]
    assert distances == sorted(distances)

    # No location: the district's centres first.
    by_district = await gql(OFFERING, m="GJ012", d="浦东新区", n=50)
    listed = by_district.data["centresOffering"]  # type: ignore[index]
    assert listed[0]["centre"]["district"] == "浦东新区" and listed[0]["distanceMeters"] is None
    assert {r["centre"]["code"] for r in listed} == offering

    # A city-wide matter: any centre, the nearest ones, a page of them.
    city = await gql(OFFERING, m="GA001", lat=xjh["lat"], lng=xjh["lng"], n=5)
    first = city.data["centresOffering"]  # type: ignore[index]
    assert len(first) == 5 and first[0]["centre"]["code"] == "310104-09"


async def test_where_refuses_bad_arguments(gql: GraphQLClient) -> None:
    assert (await gql(OFFERING, m="NOPE")).codes == ["NOT_FOUND"]
    assert (await gql(OFFERING, m="GA001", lat=95.0, lng=121.0)).codes == ["INVALID_COORDINATES"]
    assert (await gql(OFFERING, m="GA001", lat=31.0)).codes == ["INVALID_COORDINATES"]
    assert (await gql(OFFERING, m="GA001", n=0)).codes == ["PAGE_SIZE_TOO_LARGE"]


async def test_map_navigation_and_call_links(gql: GraphQLClient) -> None:
    result = await gql(OFFERING, m="GA001", d="虹口区", n=30)
    rows = result.data["centresOffering"]  # type: ignore[index]
    ouyang = next(r["centre"] for r in rows if r["centre"]["code"] == "310109-01")
    assert ouyang["phoneUri"] == "tel:02165222978" and ouyang["phone"] == "021-65222978"
    location = ouyang["location"]
    link = urlsplit(ouyang["amapUrl"])
    assert (link.scheme, link.netloc, link.path) == ("https", "uri.amap.com", "/marker")
    query = parse_qs(link.query)
    assert query["position"] == [f"{location['longitude']:.6f},{location['latitude']:.6f}"]
    assert query["coordinate"] == ["wgs84"] and "欧阳路" in query["name"][0]
    assert ouyang["geoUri"].startswith(
        f"geo:{location['latitude']:.6f},{location['longitude']:.6f}"
    )
    assert location["approximate"] is True
    others = [r["centre"] for r in rows if r["centre"]["code"] != "310109-01"]
    assert all(c["phoneUri"] is None for c in others)
