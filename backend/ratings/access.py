"""Row rules of the ratings domain.

- A resident reads their own ratings and follow-ups, appeals their own.
- Staff of a centre rate on its tablet and say which of its windows they serve at.
- A centre head handles the follow-ups and marks (误评/恶意) the ratings of their centre
  only. Admins read every centre's ratings and figures but change none: a mark takes a
  rating out of a centre's public figures, and that judgement belongs to the head who
  answers for the centre (and is audited); a city-wide account rewriting any centre's
  figures would be the wrong incentive.
"""

from __future__ import annotations

from tortoise.queryset import QuerySet

from backend.platform.principal import Principal
from backend.ratings.models import FollowUp


def may_read_centre(principal: Principal, centre_id: int) -> bool:
    """Ratings, follow-ups and per-clerk figures of a centre: its head, and admins."""
    if principal.is_admin:
        return True
    return principal.is_centre_head and principal.centre_id == centre_id


def may_handle_centre(principal: Principal, centre_id: int) -> bool:
    """Resolve follow-ups and mark ratings: the head of that centre only."""
    return principal.is_centre_head and principal.centre_id == centre_id


def may_read_follow_up(principal: Principal, follow_up: FollowUp) -> bool:
    if principal.resident_id is not None:
        return follow_up.resident_id == principal.resident_id
    return may_read_centre(principal, follow_up.centre_id)


def may_use_tablet(principal: Principal, centre_id: int) -> bool:
    """Staff of that centre (not admins: a tablet stands at one centre's window)."""
    return principal.is_staff and not principal.is_admin and principal.centre_id == centre_id


def readable_follow_ups(principal: Principal) -> QuerySet[FollowUp]:
    if principal.resident_id is not None:
        return FollowUp.filter(resident_id=principal.resident_id)
    if principal.is_admin:
        return FollowUp.all()
    if principal.is_centre_head and principal.centre_id is not None:
        return FollowUp.filter(centre_id=principal.centre_id)
    return FollowUp.filter(id=-1)
