"""Who may use the ratings API at all; which rating, and where, is the service's row rule
(backend/ratings/access.py)."""

from __future__ import annotations

from backend.identity.auth import CENTRE_HEAD, RESIDENT, STAFF

RATE_CASES = RESIDENT  # 一事一评: the resident who owns the case (checked per case)
RATING_TABLET = STAFF  # 一次一评: the window's tablet, signed in as staff of its centre
SERVE_AT_WINDOW = STAFF  # a clerk says which window they serve at
HANDLE_FOLLOW_UPS = CENTRE_HEAD  # heads at their centre; admins read city-wide
READ_FIGURES = CENTRE_HEAD
