"""The base of every permission class, and `requires` to put permissions on a field.

Each domain declares its named permissions once in `<domain>/auth.py` and reuses them:

    @strawberry.field(extensions=[requires(VERIFIED_RESIDENT)])

A permission returns a verdict; on False Strawberry raises the class's `message` with its
`error_extensions` (`code` UNAUTHENTICATED or FORBIDDEN, `reason` saying exactly why). A
permission never reads the database: it looks at the principal only; rules about rows
(whose data, which centre) are each domain's `access.py`, applied by its service. A bad
token is not a verdict but an authentication failure: `context.principal()` raises it
(reason TOKEN_EXPIRED, SESSION_REVOKED ...). Every refusal is noted on the context and
written to the audit log after the operation by whoever registered `on_denials`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from graphql import GraphQLError
from strawberry.extensions import FieldExtension
from strawberry.permission import BasePermission, PermissionExtension

from backend.graphql.context import Denial, Info
from backend.platform.errors import ErrorCode
from backend.platform.principal import Principal

Requirement = BasePermission | Sequence[BasePermission]


def requires(*requirements: Requirement) -> FieldExtension:
    """All of the permissions must pass, in order; the first refusal is the answer."""
    permissions: list[BasePermission] = []
    for requirement in requirements:
        if isinstance(requirement, BasePermission):
            permissions.append(requirement)
        else:
            permissions.extend(requirement)
    return PermissionExtension(permissions=permissions)


class PrincipalPermission(BasePermission):
    """Passes when `allows(principal)`. Subclasses set `reason` and `message`."""

    code: ClassVar[ErrorCode] = ErrorCode.FORBIDDEN
    reason: ClassVar[str] = "FORBIDDEN"
    message: str | None = "没有权限。"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.error_extensions = {"code": cls.code.value, "reason": cls.reason}

    def allows(self, principal: Principal) -> bool:
        raise NotImplementedError

    async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        try:
            principal = await info.context.principal()
        except GraphQLError as error:
            reason = str((error.extensions or {}).get("reason"))
            info.context.denials.append(Denial(_field(info), reason, None))
            raise
        if self.allows(principal):
            return True
        info.context.denials.append(Denial(_field(info), self.reason, principal))
        return False


class SignedIn(PrincipalPermission):
    """Anyone with a valid token: a resident, staff, or (later) a third-party app."""

    code = ErrorCode.UNAUTHENTICATED
    reason = "NOT_SIGNED_IN"
    message = "请先登录。"

    def allows(self, principal: Principal) -> bool:
        return principal.is_authenticated


SIGNED_IN = SignedIn()


def _field(info: Info) -> str:
    return f"{info.path.typename}.{info.field_name}"
