"""Who may use the cases API at all; which case, and where, is the service's row rule
(backend/cases/access.py) and the transition table (backend/cases/states.py)."""

from __future__ import annotations

from backend.identity.auth import SIGNED_IN_PERSON, STAFF, VERIFIED_RESIDENT

APPLY_ONLINE = VERIFIED_RESIDENT
HANDLE_CASES = STAFF
READ_CASES = SIGNED_IN_PERSON
