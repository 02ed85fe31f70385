"""Permission classes, declared once and reused on fields:

    @strawberry.field(extensions=[requires(IsVerifiedResident())])

A refusal is a top-level GraphQL error with `extensions.code` UNAUTHENTICATED (who are
you?) or FORBIDDEN (not you), and `extensions.reason` saying exactly why (TOKEN_EXPIRED,
REAL_NAME_REQUIRED ...). Each refusal is written to the audit log. Row-level rules (whose
data, which centre) live with each domain's service, e.g. backend/identity/access.py.
"""

from __future__ import annotations

from typing import Any, ClassVar

from graphql import GraphQLError
from strawberry.extensions import FieldExtension
from strawberry.permission import BasePermission, PermissionExtension

from backend.audit import service as audit
from backend.audit.models import AuditOutcome
from backend.audit.service import Target
from backend.centres.models import Centre
from backend.graphql.context import Info
from backend.identity.principal import Principal
from backend.platform.errors import ErrorCode

REASON_MESSAGES = {
    "NOT_SIGNED_IN": "请先登录。",
    "TOKEN_EXPIRED": "登录已过期，请刷新令牌或重新登录。",
    "TOKEN_INVALID": "登录凭证无效，请重新登录。",
    "SESSION_REVOKED": "登录已失效（已退出或被注销），请重新登录。",
    "ACCOUNT_DISABLED": "账号已停用，请联系管理员。",
    "PEOPLE_ONLY": "此功能仅限居民或工作人员使用。",
    "RESIDENT_ONLY": "此功能仅限居民使用。",
    "REAL_NAME_REQUIRED": "请先完成实名认证。",
    "STAFF_ONLY": "此功能仅限工作人员使用。",
    "CENTRE_HEAD_ONLY": "此功能仅限中心负责人或管理员使用。",
    "ADMIN_ONLY": "此功能仅限管理员使用。",
    "OTHER_CENTRE": "只能办理本中心的业务。",
}


def access_error(code: ErrorCode, reason: str, message: str | None = None) -> GraphQLError:
    return GraphQLError(
        message or REASON_MESSAGES.get(reason, "没有权限。"),
        extensions={"code": code.value, "reason": reason},
    )


def requires(*permissions: BasePermission) -> FieldExtension:
    return PermissionExtension(permissions=list(permissions))


class _PrincipalPermission(BasePermission):
    """Passes when `allows(principal)`; otherwise audits and raises FORBIDDEN(reason)."""

    reason: ClassVar[str] = "FORBIDDEN"
    message = "没有权限。"
    error_extensions = {"code": ErrorCode.FORBIDDEN.value}

    def allows(self, principal: Principal) -> bool:
        raise NotImplementedError

    async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        context = info.context
        try:
            principal = await context.principal()
        except GraphQLError as error:
            await self._audit(info, None, str((error.extensions or {}).get("reason")))
            raise
        if not principal.is_authenticated:
            await self._audit(info, principal, "NOT_SIGNED_IN")
            raise access_error(ErrorCode.UNAUTHENTICATED, "NOT_SIGNED_IN")
        if self.allows(principal):
            return True
        await self._audit(info, principal, self.reason)
        raise access_error(ErrorCode.FORBIDDEN, self.reason)

    @staticmethod
    async def _audit(info: Info, principal: Principal | None, reason: str) -> None:
        await audit.record(
            "permission.denied",
            AuditOutcome.DENIED,
            actor=principal.audit_actor if principal else audit.ANONYMOUS,
            target=Target("field", f"{info.path.typename}.{info.field_name}"),
            reason=reason,
            meta=info.context.meta,
        )


class IsAuthenticated(_PrincipalPermission):
    """A signed-in person: a resident (verified or not) or staff. Not a third-party app."""

    reason = "PEOPLE_ONLY"

    def allows(self, principal: Principal) -> bool:
        return principal.is_person


class IsResident(_PrincipalPermission):
    reason = "RESIDENT_ONLY"

    def allows(self, principal: Principal) -> bool:
        return principal.is_resident


class IsVerifiedResident(_PrincipalPermission):
    """A resident who has passed real-name verification (实名认证)."""

    reason = "REAL_NAME_REQUIRED"

    def allows(self, principal: Principal) -> bool:
        return principal.is_verified_resident


class IsStaff(_PrincipalPermission):
    """A clerk, a centre head or an admin."""

    reason = "STAFF_ONLY"

    def allows(self, principal: Principal) -> bool:
        return principal.is_staff


class IsCentreHead(_PrincipalPermission):
    """A centre head, or an admin (who may do what a head does, anywhere)."""

    reason = "CENTRE_HEAD_ONLY"

    def allows(self, principal: Principal) -> bool:
        return principal.is_centre_head or principal.is_admin


class IsAdmin(_PrincipalPermission):
    reason = "ADMIN_ONLY"

    def allows(self, principal: Principal) -> bool:
        return principal.is_admin


class IsStaffAtCentre(IsStaff):
    """Staff acting at the centre named by a field argument (a centre code); admins anywhere.

    `IsStaffAtCentre("centre_code")` on a field with a `centreCode` argument.
    """

    def __init__(self, argument: str = "centre_code") -> None:
        self.argument = argument

    async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        await super().has_permission(source, info, **kwargs)
        principal = await info.context.principal()
        if principal.is_admin:
            return True
        centre = await Centre.get_or_none(code=str(kwargs.get(self.argument, "")))
        if centre is not None and principal.acts_at_centre(centre.id):
            return True
        await self._audit(info, principal, "OTHER_CENTRE")
        raise access_error(ErrorCode.FORBIDDEN, "OTHER_CENTRE")
