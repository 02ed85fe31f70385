"""The composition root of the GraphQL API: the domains, in the order their fields appear.

A new domain adds its `api.API` here; nothing in backend/graphql/ changes.
"""

from __future__ import annotations

from backend.audit import api as audit
from backend.bookings import api as bookings
from backend.cases import api as cases
from backend.centres import api as centres
from backend.certificates import api as certificates
from backend.graphql.schema import DomainAPI, TongbanSchema, build_schema
from backend.identity import api as identity
from backend.identity.authentication import authenticate
from backend.matters import api as matters
from backend.ratings import api as ratings
from backend.settings import Settings

DOMAINS: list[DomainAPI] = [
    centres.API,
    matters.API,
    identity.API,
    audit.API,
    cases.API,
    ratings.API,
    bookings.API,
    certificates.API,
]
AUTHENTICATOR = authenticate


def schema_for(settings: Settings) -> TongbanSchema:
    return build_schema(DOMAINS, settings)
