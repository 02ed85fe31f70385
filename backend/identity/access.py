"""Row-level rules of the identity domain, in one place.

Residents see only their own account; personal data in the clear only to its owner.
Staff see the staff of their own centre; admins see everyone, masked.
"""

from __future__ import annotations

from enum import Enum

from backend.identity.models import StaffAccount, StaffRole
from backend.platform.principal import Principal


class Visibility(Enum):
    NONE = "NONE"
    MASKED = "MASKED"  # the account, personal data masked
    OWNER = "OWNER"  # the owner: masked by default, may reveal in the clear


def resident_visibility(principal: Principal, resident_id: int) -> Visibility:
    if principal.resident_id == resident_id:
        return Visibility.OWNER
    if principal.is_admin:
        return Visibility.MASKED
    return Visibility.NONE


def may_reveal_resident_data(principal: Principal, resident_id: int) -> bool:
    return resident_visibility(principal, resident_id) is Visibility.OWNER


def may_view_centre_staff(principal: Principal, centre_id: int) -> bool:
    return principal.acts_at_centre(centre_id)


def may_view_staff(principal: Principal, staff: StaffAccount) -> bool:
    if principal.staff_id == staff.id or principal.is_admin:
        return True
    return staff.centre_id is not None and principal.acts_at_centre(staff.centre_id)


def may_manage_staff(principal: Principal, staff: StaffAccount) -> bool:
    """Admins manage anyone but themselves; a centre head manages the clerks of the centre."""
    if principal.staff_id == staff.id:
        return False
    if principal.is_admin:
        return True
    return (
        principal.is_centre_head
        and staff.role is StaffRole.CLERK
        and staff.centre_id is not None
        and principal.acts_at_centre(staff.centre_id)
    )
