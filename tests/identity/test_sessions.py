"""Access and refresh tokens through the API: rotation, reuse, logout, bad tokens, JWKS."""

from __future__ import annotations

import asyncio
import base64
import json
from datetime import UTC, datetime, timedelta

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from backend.identity.models import AuthSession, RefreshToken
from backend.identity.sessions import hash_refresh_token
from backend.platform import infra
from backend.platform.clock import now
from backend.platform.tokens import SubjectKind
from tests.conftest import GraphQLClient, LiveServer
from tests.identity.helpers import LOGOUT, ME, REFRESH, sign_in


def _errors(result: object, field: str) -> list[str]:
    return [e["code"] for e in result.data[field]["errors"]]  # type: ignore[attr-defined]


def _reason(result: object) -> tuple[str, str]:
    extensions = result.errors[0]["extensions"]  # type: ignore[attr-defined]
    return extensions["code"], extensions["reason"]


async def test_refresh_rotates_and_the_new_pair_works(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    result = await gql(REFRESH, t=tokens["refreshToken"])
    fresh = result.data["refreshToken"]["tokens"]  # type: ignore[index]
    assert _errors(result, "refreshToken") == []
    assert fresh["refreshToken"] != tokens["refreshToken"]
    me = await gql.with_token(fresh["accessToken"])(ME)
    assert me.data["me"]["role"] == "RESIDENT"  # type: ignore[index]
    # Stored hashed: the raw token is nowhere in the table.
    row = await RefreshToken.get(token_hash=hash_refresh_token(fresh["refreshToken"]))
    assert row.token_hash != fresh["refreshToken"]
    assert not await RefreshToken.filter(token_hash=fresh["refreshToken"]).exists()


async def test_reusing_a_rotated_refresh_token_revokes_the_whole_family(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    first = await gql(REFRESH, t=tokens["refreshToken"])
    fresh = first.data["refreshToken"]["tokens"]  # type: ignore[index]

    replay = await gql(REFRESH, t=tokens["refreshToken"])
    assert _errors(replay, "refreshToken") == ["REFRESH_TOKEN_REUSED"]
    assert replay.data["refreshToken"]["tokens"] is None  # type: ignore[index]

    # The thief's copy and the legitimate new tokens are all dead now.
    after = await gql(REFRESH, t=fresh["refreshToken"])
    assert _errors(after, "refreshToken") == ["SESSION_REVOKED"]
    me = await gql.with_token(fresh["accessToken"])(ME)
    assert _reason(me) == ("UNAUTHENTICATED", "SESSION_REVOKED")
    old_access = await gql.with_token(tokens["accessToken"])(ME)
    assert _reason(old_access) == ("UNAUTHENTICATED", "SESSION_REVOKED")
    session = await AuthSession.get(id=json.loads(_payload(tokens["accessToken"]))["sid"])
    assert session.revoked_reason == "REFRESH_TOKEN_REUSED"


def _payload(token: str) -> str:
    body = token.split(".")[1]
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode()


async def test_two_concurrent_refreshes_with_one_token_exactly_one_wins(
    gql: GraphQLClient,
) -> None:
    for _ in range(3):
        tokens = await sign_in(gql)
        results = await asyncio.gather(*(gql(REFRESH, t=tokens["refreshToken"]) for _ in range(2)))
        outcomes = sorted((_errors(r, "refreshToken") or ["OK"])[0] for r in results)
        assert outcomes == ["OK", "REFRESH_TOKEN_REUSED"]
        session_id = json.loads(_payload(tokens["accessToken"]))["sid"]
        assert await RefreshToken.filter(session_id=session_id).count() == 2


async def test_expired_and_unknown_refresh_tokens(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    await RefreshToken.filter(token_hash=hash_refresh_token(tokens["refreshToken"])).update(
        expires_at=now() - timedelta(seconds=1)
    )
    expired = await gql(REFRESH, t=tokens["refreshToken"])
    assert _errors(expired, "refreshToken") == ["REFRESH_TOKEN_EXPIRED"]
    for bogus in ("tbr_" + "A" * 43, "not-a-token", "' OR 1=1 --", "tbr_" + "x" * 500, ""):
        result = await gql(REFRESH, t=bogus)
        assert _errors(result, "refreshToken") == ["REFRESH_TOKEN_INVALID"], bogus


async def test_logout_revokes_access_and_refresh_tokens(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    client = gql.with_token(tokens["accessToken"])
    result = await client(LOGOUT)
    assert result.data == {"logout": {"ok": True, "errors": []}}
    assert _reason(await client(ME)) == ("UNAUTHENTICATED", "SESSION_REVOKED")
    refresh = await gql(REFRESH, t=tokens["refreshToken"])
    assert _errors(refresh, "refreshToken") == ["SESSION_REVOKED"]


async def test_logout_with_only_the_refresh_token(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    result = await gql(LOGOUT, t=tokens["refreshToken"])
    assert result.data == {"logout": {"ok": True, "errors": []}}
    assert _reason(await gql.with_token(tokens["accessToken"])(ME)) == (
        "UNAUTHENTICATED",
        "SESSION_REVOKED",
    )
    nothing = await gql(LOGOUT)
    assert _errors(nothing, "logout") == ["UNAUTHENTICATED"]


async def test_other_sessions_survive_a_logout(gql: GraphQLClient) -> None:
    phone_session = await sign_in(gql)
    tokens = dict(phone_session)
    await gql.with_token(tokens["accessToken"])(LOGOUT)
    other = await sign_in(gql)
    assert (await gql.with_token(other["accessToken"])(ME)).errors == []


def _forge(**claim_overrides: object) -> str:
    service = infra.current().tokens
    moment = int(datetime.now(tz=UTC).timestamp())
    claims = {
        "iss": service.issuer,
        "aud": service.audience,
        "sub": "resident:1",
        "iat": moment,
        "nbf": moment,
        "exp": moment + 600,
        "jti": "j",
        "sid": "00000000-0000-0000-0000-000000000000",
        **claim_overrides,
    }
    return jwt.encode(
        claims,
        service.keys.signing_key,
        algorithm="EdDSA",
        headers={"kid": service.keys.kid, "typ": "at+jwt"},
    )


async def test_bad_access_tokens_are_refused_with_a_reason(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    service = infra.current().tokens
    good = tokens["accessToken"]
    head, body, signature = good.split(".")
    unsigned_head = base64.urlsafe_b64encode(
        json.dumps({"alg": "none", "typ": "at+jwt", "kid": service.keys.kid}).encode()
    ).rstrip(b"=")
    wrong_key = jwt.encode(
        json.loads(_payload(good)),
        Ed25519PrivateKey.generate(),
        algorithm="EdDSA",
        headers={"kid": service.keys.kid, "typ": "at+jwt"},
    )
    claims = json.loads(_payload(good))
    cases = {
        "forged payload": (f"{head}.{_forge_body(body)}.{signature}", "TOKEN_INVALID"),
        "alg none": (f"{unsigned_head.decode()}.{body}.", "TOKEN_INVALID"),
        "wrong key": (wrong_key, "TOKEN_INVALID"),
        "wrong audience": (_forge(**{**claims, "aud": "other-api"}), "TOKEN_INVALID"),
        "wrong issuer": (_forge(**{**claims, "iss": "other"}), "TOKEN_INVALID"),
        "expired": (
            service.issue(
                SubjectKind.RESIDENT,
                claims["sub"].split(":")[1],
                session_id=claims["sid"],
                now=datetime.now(tz=UTC) - timedelta(minutes=30),
            ).token,
            "TOKEN_EXPIRED",
        ),
        "garbage": ("definitely-not-a-jwt", "TOKEN_INVALID"),
        "unknown session": (_forge(), "SESSION_REVOKED"),
        "someone else's session": (_forge(**{**claims, "sub": "resident:999999"}), "TOKEN_INVALID"),
    }
    for name, (token, reason) in cases.items():
        result = await gql.with_token(token)(ME)
        assert result.data == {"me": None}, name
        assert _reason(result) == ("UNAUTHENTICATED", reason), name
        assert token not in json.dumps(result.errors), name
    wrong_type = jwt.encode(
        claims, service.keys.signing_key, algorithm="EdDSA", headers={"kid": service.keys.kid}
    )  # typ "JWT", e.g. an ID token of ours: not an access token
    assert _reason(await gql.with_token(wrong_type)(ME)) == ("UNAUTHENTICATED", "TOKEN_INVALID")
    basic = await gql.with_authorization("Basic dXNlcjpwYXNz")(ME)
    assert _reason(basic) == ("UNAUTHENTICATED", "TOKEN_INVALID")
    # Public data stays public even with a bad token.
    catalogue = await gql.with_token("definitely-not-a-jwt")("{ centres(first: 1) { totalCount } }")
    assert catalogue.errors == []


def _forge_body(body: str) -> str:
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims["sub"] = "staff:1"
    return base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()


async def test_over_http_with_the_authorization_header(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/graphql",
        json={
            "query": "mutation($p: String!) { requestLoginCode(phone: $p) { sent } }",
            "variables": {"p": "13911112222"},
        },
        headers={"X-Request-ID": "test-request-0001"},
    )
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "test-request-0001"

    anonymous = await http.post("/graphql", json={"query": "{ me { role } }"})
    assert anonymous.json() == {"data": {"me": None}}
    bad = await http.post(
        "/graphql",
        json={"query": "{ me { role } }"},
        headers={"Authorization": "Bearer not.a.token"},
    )
    assert bad.json()["errors"][0]["extensions"] == {
        "code": "UNAUTHENTICATED",
        "reason": "TOKEN_INVALID",
    }


async def test_jwks_endpoint_verifies_tokens_with_a_standard_client(
    gql: GraphQLClient, live_server: LiveServer
) -> None:
    tokens = await sign_in(gql)
    access = tokens["accessToken"]

    def verify_with_pyjwt() -> dict[str, object]:
        client = jwt.PyJWKClient(f"{live_server.url}/.well-known/jwks.json")
        signing_key = client.get_signing_key_from_jwt(access)
        decoded: dict[str, object] = jwt.decode(
            access,
            signing_key,
            algorithms=["EdDSA"],
            audience="tongban-api",
            issuer="tongban",
        )
        return decoded

    claims = await asyncio.to_thread(verify_with_pyjwt)
    assert str(claims["sub"]).startswith("resident:")
    assert int(claims["exp"]) - int(claims["iat"]) <= 900  # type: ignore[call-overload]

    async with httpx.AsyncClient() as client:
        response = await client.get(f"{live_server.url}/.well-known/jwks.json")
    assert response.headers["content-type"].startswith("application/jwk-set+json")
    assert "max-age" in response.headers["cache-control"]
    assert all(set(k) == {"kty", "crv", "x", "kid", "use", "alg"} for k in response.json()["keys"])
