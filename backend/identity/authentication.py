"""Authentication: a bearer access token into a principal on the GraphQL context.

`authenticate` is what the app hands the GraphQL plumbing (backend/app.py).

HTTP: the `Authorization: Bearer <token>` header. WebSocket (graphql-transport-ws): the
`connection_init` payload `{"authorization": "Bearer <token>"}`; headers are ignored there,
since browsers cannot set them. No token: anonymous, which may browse the public catalogue.
A token that is present but bad is never silently treated as anonymous by a protected
field: it answers UNAUTHENTICATED with the reason (TOKEN_EXPIRED, TOKEN_INVALID, ...).

Verifying the signature happens at once; looking the session and the person up in the
database happens on the first check that needs the principal, once per request.
"""

from __future__ import annotations

from datetime import UTC, datetime

from graphql import GraphQLError

from backend.identity import sessions
from backend.platform import infra
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.principal import ANONYMOUS_PRINCIPAL, Principal
from backend.platform.tokens import AccessClaims, TokenError

MAX_TOKEN_LENGTH = 4096
REASON_MESSAGES = {
    ErrorCode.TOKEN_EXPIRED: "登录已过期，请刷新令牌或重新登录。",
    ErrorCode.TOKEN_INVALID: "登录凭证无效，请重新登录。",
    ErrorCode.SESSION_REVOKED: "登录已失效（已退出或被注销），请重新登录。",
    ErrorCode.ACCOUNT_DISABLED: "账号已停用，请联系管理员。",
}


def _unauthenticated(reason: ErrorCode) -> GraphQLError:
    return GraphQLError(
        REASON_MESSAGES.get(reason, "登录凭证无效，请重新登录。"),
        extensions={"code": ErrorCode.UNAUTHENTICATED.value, "reason": reason.value},
    )


def authenticate(authorization: str | None) -> Authentication:
    """The GraphQL plumbing's Authenticator: an Authorization header value to credentials."""
    return Authentication.from_authorization(authorization)


class Authentication:
    def __init__(self, claims: AccessClaims | None = None, error: ErrorCode | None = None) -> None:
        self.claims = claims
        self.error = error
        self._principal: Principal | None = None

    @classmethod
    def anonymous(cls) -> Authentication:
        return cls()

    @classmethod
    def from_authorization(cls, value: str | None) -> Authentication:
        if value is None or not value.strip():
            return cls()
        scheme, _, token = value.strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN_LENGTH:
            return cls(error=ErrorCode.TOKEN_INVALID)
        try:
            return cls(claims=infra.current().tokens.verify(token))
        except TokenError as error:
            return cls(error=error.code)

    @property
    def presented(self) -> bool:
        return self.claims is not None or self.error is not None

    async def principal(self) -> Principal:
        """The principal; raises UNAUTHENTICATED when a token was presented but is bad."""
        if self.error is not None:
            raise _unauthenticated(self.error)
        if self.claims is None:
            return ANONYMOUS_PRINCIPAL
        # A WebSocket context outlives its token: look at the expiry every time.
        if self.claims.expires_at <= datetime.now(tz=UTC):
            raise _unauthenticated(ErrorCode.TOKEN_EXPIRED)
        if self._principal is None:
            try:
                self._principal = await sessions.resolve_principal(self.claims)
            except DomainError as error:
                self.error = error.code
                raise _unauthenticated(error.code) from None
        return self._principal
