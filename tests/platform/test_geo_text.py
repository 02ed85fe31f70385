from __future__ import annotations

import pytest

from backend.platform import geo
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.text import clean_search_text


def test_distance_matches_a_known_pair() -> None:
    # People's Square to the Bund (Chen Yi statue) is about 1.6 km as the crow flies.
    d = geo.distance_m(31.2304, 121.4737, 31.2362, 121.4901)
    assert 1_500 < d < 1_800


def test_walking_time_and_radius_agree() -> None:
    radius = geo.walkable_radius_m(15)
    assert geo.walking_minutes(radius) == 15
    assert geo.walking_minutes(0) == 1


def test_bounding_box_contains_the_circle() -> None:
    min_lat, max_lat, min_lng, max_lng = geo.bounding_box(31.2, 121.5, 1000)
    assert geo.distance_m(31.2, 121.5, max_lat, 121.5) == pytest.approx(1000, rel=1e-3)
    assert geo.distance_m(31.2, 121.5, 31.2, max_lng) == pytest.approx(1000, rel=1e-2)
    assert min_lat < 31.2 < max_lat and min_lng < 121.5 < max_lng


def test_search_text_is_normalised_and_bounded() -> None:
    assert clean_search_text("  ＭＺ００１ ") == "MZ001"
    assert clean_search_text(None) == ""
    with pytest.raises(DomainError) as caught:
        clean_search_text("居" * 51)
    assert caught.value.code is ErrorCode.INVALID_INPUT
