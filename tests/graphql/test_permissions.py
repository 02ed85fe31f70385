"""backend/graphql/permissions.py on a tiny schema of its own: a permission returns a verdict,
Strawberry answers a refusal with the permission's message and {code, reason}, `requires`
checks in order and the first refusal answers, a bad token is an authentication error, and
every refusal reaches the audit log through the audit domain's on_denials hook."""

from __future__ import annotations

import uuid
from types import SimpleNamespace
from typing import Any

import pytest
import strawberry
from graphql import GraphQLError

from backend.audit.api import record_denials
from backend.audit.models import AuditEvent, AuditOutcome
from backend.graphql.context import Context, Denial
from backend.graphql.permissions import SIGNED_IN, PrincipalPermission, SignedIn, requires
from backend.graphql.schema import DomainAPI, build_schema
from backend.identity.authentication import Authentication
from backend.platform.errors import ErrorCode
from backend.platform.principal import ANONYMOUS_PRINCIPAL, Principal
from backend.platform.requestmeta import RequestMeta
from backend.platform.tokens import SubjectKind
from backend.settings import get_settings

CHECKED: list[str] = []  # which permissions ran, in order


class NotBlocked(PrincipalPermission):
    reason = "TEST_BLOCKED"
    message = "测试：账号被拦下。"

    def allows(self, principal: Principal) -> bool:
        CHECKED.append(self.reason)
        return principal.subject_id != "blocked"


class Verified(PrincipalPermission):
    reason = "TEST_UNVERIFIED"
    message = "测试：尚未认证。"

    def allows(self, principal: Principal) -> bool:
        CHECKED.append(self.reason)
        return principal.verified


class Teapot(PrincipalPermission):
    """A permission whose refusal is an authentication error, not a FORBIDDEN one."""

    code = ErrorCode.UNAUTHENTICATED
    reason = "TEST_TEAPOT"
    message = "测试：我是茶壶。"

    def allows(self, principal: Principal) -> bool:
        return False


SIGNED_IN_VERIFIED = (SIGNED_IN, Verified())


@strawberry.type
class _Query:
    @strawberry.field
    def public(self) -> str:
        return "public"

    @strawberry.field(extensions=[requires(SIGNED_IN_VERIFIED)])
    def secret(self) -> str | None:
        return "secret"

    @strawberry.field(extensions=[requires((SIGNED_IN, NotBlocked()), Verified())])
    def guarded(self) -> str | None:
        return "guarded"

    @strawberry.field(extensions=[requires(Teapot())])
    def teapot(self) -> str | None:
        return "tea"


RECORDED: list[tuple[list[Denial], RequestMeta]] = []


async def _remember(denials: Any, meta: RequestMeta) -> None:
    RECORDED.append((list(denials), meta))


SETTINGS = get_settings()
_plain = build_schema([DomainAPI(name="test", queries=[_Query], on_denials=_remember)], SETTINGS)
_audited = build_schema(
    [DomainAPI(name="test", queries=[_Query]), DomainAPI(name="audit", on_denials=record_denials)],
    SETTINGS,
)


class _As:
    """Credentials that are a given principal (no token, no database)."""

    presented = True

    def __init__(self, principal: Principal) -> None:
        self._principal = principal

    async def principal(self) -> Principal:
        return self._principal


RESIDENT = Principal(kind=SubjectKind.RESIDENT, subject_id="4711", verified=False)
VERIFIED = Principal(kind=SubjectKind.RESIDENT, subject_id="4712", verified=True)
BLOCKED = Principal(kind=SubjectKind.RESIDENT, subject_id="blocked", verified=False)


def _context(auth: Any = None, request_id: str | None = None) -> Context:
    return Context(
        request=None,
        auth=auth or _As(ANONYMOUS_PRINCIPAL),
        meta=RequestMeta.new(request_id=request_id or f"test-{uuid.uuid4().hex}"),
    )


async def _run(document: str, context: Context, schema: Any = _plain) -> dict[str, Any]:
    CHECKED.clear()
    RECORDED.clear()
    result = await schema.execute(document, context_value=context)
    return {"data": result.data, "errors": [e.formatted for e in result.errors or []]}


def _info(principal: Principal) -> Any:
    """What has_permission reads of Strawberry's Info: the context and the field."""
    return SimpleNamespace(
        context=_context(_As(principal)),
        path=SimpleNamespace(typename="Query"),
        field_name="secret",
    )


async def test_a_permission_returns_a_verdict_and_notes_a_refusal() -> None:
    allowed, refused = _info(VERIFIED), _info(RESIDENT)
    assert await Verified().has_permission(None, allowed) is True
    assert allowed.context.denials == []
    assert await Verified().has_permission(None, refused) is False
    assert refused.context.denials == [Denial("Query.secret", "TEST_UNVERIFIED", RESIDENT)]
    assert await SIGNED_IN.has_permission(None, _info(ANONYMOUS_PRINCIPAL)) is False


def test_each_class_carries_its_code_and_reason() -> None:
    assert Verified.error_extensions == {"code": "FORBIDDEN", "reason": "TEST_UNVERIFIED"}
    assert Teapot.error_extensions == {"code": "UNAUTHENTICATED", "reason": "TEST_TEAPOT"}
    assert SignedIn.error_extensions == {"code": "UNAUTHENTICATED", "reason": "NOT_SIGNED_IN"}


async def test_a_refusal_answers_with_the_message_code_and_reason() -> None:
    refused = await _run("{ secret }", _context(_As(RESIDENT)))
    assert refused["data"] == {"secret": None}
    (error,) = refused["errors"]
    assert error["message"] == "测试：尚未认证。"
    assert error["path"] == ["secret"]
    assert error["extensions"] == {"code": "FORBIDDEN", "reason": "TEST_UNVERIFIED"}

    teapot = await _run("{ teapot }", _context(_As(VERIFIED)))
    assert teapot["errors"][0]["message"] == "测试：我是茶壶。"
    assert teapot["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED", "reason": "TEST_TEAPOT"}

    allowed = await _run("{ secret public }", _context(_As(VERIFIED)))
    assert allowed == {"data": {"secret": "secret", "public": "public"}, "errors": []}


def test_requires_keeps_the_order_it_is_given() -> None:
    signed_in, not_blocked, verified = SIGNED_IN, NotBlocked(), Verified()
    extension: Any = requires((signed_in, not_blocked), verified)
    assert extension.permissions == [signed_in, not_blocked, verified]


@pytest.mark.parametrize(
    ("principal", "reason", "checked"),
    [
        (ANONYMOUS_PRINCIPAL, "NOT_SIGNED_IN", []),
        (BLOCKED, "TEST_BLOCKED", ["TEST_BLOCKED"]),
        (RESIDENT, "TEST_UNVERIFIED", ["TEST_BLOCKED", "TEST_UNVERIFIED"]),
    ],
)
async def test_the_first_refusal_answers_and_later_ones_are_not_asked(
    principal: Principal, reason: str, checked: list[str]
) -> None:
    result = await _run("{ guarded }", _context(_As(principal)))
    assert [e["extensions"]["reason"] for e in result["errors"]] == [reason]
    assert CHECKED == checked
    ((denials, _),) = RECORDED
    assert [(d.field, d.reason) for d in denials] == [("Query.guarded", reason)]


async def test_a_bad_token_is_an_authentication_error_with_its_reason() -> None:
    bad = Authentication.from_authorization("Bearer x.y.z")
    result = await _run("{ secret public }", _context(bad))
    assert result["data"] == {"secret": None, "public": "public"}  # public fields still answer
    (error,) = result["errors"]
    assert error["extensions"] == {"code": "UNAUTHENTICATED", "reason": "TOKEN_INVALID"}
    assert error["message"] == "登录凭证无效，请重新登录。"
    ((denials, _),) = RECORDED
    assert denials == [Denial("Query.secret", "TOKEN_INVALID", None)]  # nobody known

    class Revoked:
        presented = True

        async def principal(self) -> Principal:
            raise GraphQLError(
                "登录已失效。", extensions={"code": "UNAUTHENTICATED", "reason": "SESSION_REVOKED"}
            )

    revoked = await _run("{ secret }", _context(Revoked()))
    assert revoked["errors"][0]["extensions"] == {
        "code": "UNAUTHENTICATED",
        "reason": "SESSION_REVOKED",
    }
    assert CHECKED == []  # not a verdict: no permission was asked


async def test_the_recorder_gets_every_refusal_of_the_operation_once() -> None:
    context = _context(_As(RESIDENT))
    await _run("{ public secret again: secret guarded }", context)
    ((denials, meta),) = RECORDED
    assert meta is context.meta
    assert sorted((d.field, d.reason) for d in denials) == [
        ("Query.guarded", "TEST_UNVERIFIED"),
        ("Query.secret", "TEST_UNVERIFIED"),
        ("Query.secret", "TEST_UNVERIFIED"),
    ]
    assert context.denials == []  # handed over, not kept for a next operation

    await _run("{ public secret }", _context(_As(VERIFIED)))
    assert RECORDED == []  # nothing refused, nothing to record


async def test_refusals_land_in_the_audit_log_one_entry_each(database_url: str) -> None:
    context = _context(_As(RESIDENT))
    result = await _run("{ public secret again: secret guarded }", context, _audited)
    assert len(result["errors"]) == 3
    rows = await AuditEvent.filter(request_id=context.meta.request_id).order_by("id")
    assert sorted((r.target_kind, r.target_id) for r in rows) == [
        ("field", "Query.guarded"),
        ("field", "Query.secret"),
        ("field", "Query.secret"),
    ]
    assert {
        (r.action, r.outcome, r.reason, r.actor_kind, r.actor_id, r.source_hash) for r in rows
    } == {("permission.denied", AuditOutcome.DENIED, "TEST_UNVERIFIED", "resident", "4711", None)}

    anonymous = _context()
    await _run("{ secret }", anonymous, _audited)
    (row,) = await AuditEvent.filter(request_id=anonymous.meta.request_id)
    assert (row.target_id, row.reason, row.actor_kind, row.actor_id) == (
        "Query.secret",
        "NOT_SIGNED_IN",
        "anonymous",
        None,
    )

    allowed = _context(_As(VERIFIED))
    await _run("{ secret guarded }", allowed, _audited)
    assert await AuditEvent.filter(request_id=allowed.meta.request_id).count() == 0
