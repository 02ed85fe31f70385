"""Who may use the certificates API at all; which certificate and which view are the
service's rules (the resident's links, the views that name them)."""

from __future__ import annotations

from backend.identity.auth import CENTRE_HEAD, RESIDENT, STAFF, VERIFIED_RESIDENT

MY_CERTIFICATES = VERIFIED_RESIDENT
PRESENT = VERIFIED_RESIDENT
MY_VIEWS = RESIDENT
REPORT_VIEW = RESIDENT
VERIFY = STAFF  # and the service refuses staff who act at no centre (NOT_AT_CENTRE)
CENTRE_VIEWS = CENTRE_HEAD
