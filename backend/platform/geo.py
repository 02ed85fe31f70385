"""Distances and walking times for the 15-minute service circle (15分钟政务服务圈)."""

from __future__ import annotations

import math

EARTH_RADIUS_M = 6_371_000.0
# An unhurried adult walks about 4.5 km/h; streets are not straight lines, so the
# straight-line distance is stretched by a detour factor usual for city grids.
WALKING_METRES_PER_MINUTE = 75.0
DETOUR_FACTOR = 1.3


def distance_m(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle (haversine) distance in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lng2 - lng1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def walking_minutes(straight_line_m: float) -> int:
    return max(1, math.ceil(straight_line_m * DETOUR_FACTOR / WALKING_METRES_PER_MINUTE))


def walkable_radius_m(minutes: int) -> float:
    """The straight-line distance one can cover on foot in `minutes`."""
    return minutes * WALKING_METRES_PER_MINUTE / DETOUR_FACTOR


def bounding_box(lat: float, lng: float, radius_m: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lng, max_lng) enclosing a circle; a cheap SQL pre-filter."""
    d_lat = math.degrees(radius_m / EARTH_RADIUS_M)
    d_lng = math.degrees(radius_m / (EARTH_RADIUS_M * max(math.cos(math.radians(lat)), 1e-6)))
    return lat - d_lat, lat + d_lat, lng - d_lng, lng + d_lng
