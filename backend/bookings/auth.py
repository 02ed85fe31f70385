"""Who may use the bookings API at all; which booking is the service's row rule
(backend/bookings/access.py)."""

from __future__ import annotations

from backend.identity.auth import RESIDENT, STAFF, VERIFIED_RESIDENT

BOOK = VERIFIED_RESIDENT
MY_BOOKINGS = RESIDENT
CHECK_IN = STAFF
