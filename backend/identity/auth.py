"""The identity domain's named permissions, declared once and reused on fields of every
domain: `extensions=[requires(VERIFIED_RESIDENT)]`. Each is a sequence checked in order,
so "not signed in" (UNAUTHENTICATED) is told apart from "signed in, but not allowed"
(FORBIDDEN with a reason)."""

from __future__ import annotations

from backend.graphql.permissions import SIGNED_IN, PrincipalPermission
from backend.platform.principal import Principal


class IsPerson(PrincipalPermission):
    """A signed-in person: a resident (verified or not) or staff. Not a third-party app."""

    reason = "PEOPLE_ONLY"
    message = "此功能仅限居民或工作人员使用。"

    def allows(self, principal: Principal) -> bool:
        return principal.is_person


class IsResident(PrincipalPermission):
    reason = "RESIDENT_ONLY"
    message = "此功能仅限居民使用。"

    def allows(self, principal: Principal) -> bool:
        return principal.is_resident


class IsVerifiedResident(PrincipalPermission):
    """A resident who has passed real-name verification (实名认证)."""

    reason = "REAL_NAME_REQUIRED"
    message = "请先完成实名认证。"

    def allows(self, principal: Principal) -> bool:
        return principal.is_verified_resident


class IsStaff(PrincipalPermission):
    """A clerk, a centre head or an admin."""

    reason = "STAFF_ONLY"
    message = "此功能仅限工作人员使用。"

    def allows(self, principal: Principal) -> bool:
        return principal.is_staff


class IsCentreHead(PrincipalPermission):
    """A centre head, or an admin (who may do what a head does, anywhere)."""

    reason = "CENTRE_HEAD_ONLY"
    message = "此功能仅限中心负责人或管理员使用。"

    def allows(self, principal: Principal) -> bool:
        return principal.is_centre_head or principal.is_admin


class IsAdmin(PrincipalPermission):
    reason = "ADMIN_ONLY"
    message = "此功能仅限管理员使用。"

    def allows(self, principal: Principal) -> bool:
        return principal.is_admin


SIGNED_IN_PERSON = (SIGNED_IN, IsPerson())
RESIDENT = (SIGNED_IN, IsResident())
VERIFIED_RESIDENT = (SIGNED_IN, IsVerifiedResident())
STAFF = (SIGNED_IN, IsStaff())
CENTRE_HEAD = (SIGNED_IN, IsCentreHead())
ADMIN = (SIGNED_IN, IsAdmin())
