"""Row rules of the cases domain: who sees which cases, as query filters and checks the
service applies.

A resident sees their own cases. Staff see the cases collected or accepted at their centre
(a clerk at the collecting centre follows a 收受分离 case it forwarded). Admins see all.
"""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from backend.cases.models import Case
from backend.cases.states import Actor
from backend.platform.principal import Principal


def readable(principal: Principal) -> QuerySet[Case]:
    """The cases `principal` may read, as a filter (nothing for anonymous callers)."""
    if principal.resident_id is not None:
        return Case.filter(resident_id=principal.resident_id)
    if principal.is_admin:
        return Case.all()
    if principal.is_staff and principal.centre_id is not None:
        centre = principal.centre_id
        return Case.filter(Q(collecting_centre_id=centre) | Q(accepting_centre_id=centre))
    return Case.filter(id=-1)


def may_read(principal: Principal, case: Case) -> bool:
    if principal.resident_id is not None:
        return case.resident_id == principal.resident_id
    if principal.is_admin:
        return True
    return principal.is_staff and principal.centre_id in (
        case.collecting_centre_id,
        case.accepting_centre_id,
    )


def acts_as(principal: Principal, case: Case) -> Actor | None:
    """The part `principal` plays for `case` in the transition table, if any."""
    if principal.resident_id is not None and principal.resident_id == case.resident_id:
        return Actor.OWNER
    if principal.is_staff and not principal.is_admin:
        if principal.centre_id == case.accepting_centre_id:
            return Actor.ACCEPTING_STAFF
    return None


def may_follow_centre(principal: Principal, centre_id: int) -> bool:
    return principal.is_staff and principal.acts_at_centre(centre_id)
