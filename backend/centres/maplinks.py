"""Map, navigation and call links for a centre: the 高德 (amap) URI API, geo: URIs
(RFC 5870) and tel: URIs. Coordinates are WGS-84, which the amap link declares
(`coordinate=wgs84`) so 高德 shifts them to its own GCJ-02 itself."""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

AMAP_MARKER = "https://uri.amap.com/marker"


def amap_marker(lat: float, lng: float, name: str) -> str:
    query = urlencode(
        {
            "position": f"{lng:.6f},{lat:.6f}",
            "name": name,
            "coordinate": "wgs84",
            "callnative": "1",
            "src": "tongban",
        },
        safe=",",
    )
    return f"{AMAP_MARKER}?{query}"


def geo_uri(lat: float, lng: float, name: str) -> str:
    return f"geo:{lat:.6f},{lng:.6f}?q={lat:.6f},{lng:.6f}({quote(name)})"


def tel_uri(phone: str) -> str:
    """tel:021-65222978 → tel:02165222978 (digits and a leading +)."""
    return "tel:" + re.sub(r"[^\d+]", "", phone)
