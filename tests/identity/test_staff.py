"""Staff sign-in, roles, and the rule that clerks act only at their own centre."""

from __future__ import annotations

import json

from strawberry import relay

from backend.centres.models import Centre
from backend.identity.models import StaffAccount, StaffRole
from tests.conftest import GraphQLClient
from tests.identity.helpers import ME, STAFF_LOGIN, make_staff, sign_in, staff_token

STAFF_OF = (
    """query($c: String!) { staffMembers(centreCode: $c) { username role centre { code } } }"""
)
SET_ACTIVE = """mutation($id: ID!, $a: Boolean!) { setStaffActive(id: $id, active: $a) {
    staff { username active } errors { field code } } }"""


async def _centre(code: str) -> Centre:
    return await Centre.get(code=code)


def _gid(account: StaffAccount) -> str:
    return str(relay.GlobalID("StaffMember", str(account.id)))


def _denied(result: object) -> tuple[str, str | None]:
    extensions = result.errors[0]["extensions"]  # type: ignore[attr-defined]
    return extensions["code"], extensions.get("reason")


async def test_demo_staff_sign_in_with_their_roles(gql: GraphQLClient) -> None:
    expected = {
        "admin": ("ADMIN", None),
        "wlq-head": ("CENTRE_HEAD", "310101-01"),
        "wlq-clerk1": ("CLERK", "310101-01"),
        "yy-clerk1": ("CLERK", "310101-02"),
    }
    for username, (role, centre) in expected.items():
        result = await gql(STAFF_LOGIN, u=username, p="tongban-demo")
        payload = result.data["staffLogin"]  # type: ignore[index]
        assert payload["errors"] == [], username
        me = await gql.with_token(payload["tokens"]["accessToken"])(ME)
        assert me.data["me"]["role"] == role  # type: ignore[index]
        staff = me.data["me"]["staff"]  # type: ignore[index]
        assert (staff["centre"] or {}).get("code") == centre
        assert me.data["me"]["resident"] is None  # type: ignore[index]


async def test_passwords_are_argon2id(database_url: str) -> None:
    account = await StaffAccount.get(username="wlq-clerk1")
    assert account.password_hash.startswith("$argon2id$")
    assert "tongban-demo" not in account.password_hash


async def test_wrong_password_and_unknown_user_get_the_same_answer(gql: GraphQLClient) -> None:
    account, _ = await make_staff(StaffRole.CLERK, (await _centre("310101-01")).id)
    wrong = await gql(STAFF_LOGIN, u=account.username, p="wrong password")
    unknown = await gql(STAFF_LOGIN, u="nobody-here", p="wrong password")
    for result in (wrong, unknown):
        payload = result.data["staffLogin"]  # type: ignore[index]
        assert payload["tokens"] is None
        assert payload["errors"] == [
            {
                "field": "password",
                "message": "用户名或密码不正确，或账号已停用。",
                "code": "INVALID_CREDENTIALS",
            }
        ]


async def test_injection_looking_usernames_are_just_wrong(gql: GraphQLClient) -> None:
    for username in ("admin' --", "' OR '1'='1", "ａｄｍｉｎ' OR 1=1", "x" * 500):
        result = await gql(STAFF_LOGIN, u=username, p="tongban-demo")
        codes = [e["code"] for e in result.data["staffLogin"]["errors"]]  # type: ignore[index]
        assert codes == ["INVALID_CREDENTIALS"], username
    # A NUL never reaches sign-in: the schema's edge refuses it for every argument.
    nul = await gql(STAFF_LOGIN, u="admin\x00", p="tongban-demo")
    assert nul.codes == ["INVALID_INPUT"]
    assert nul.errors[0]["extensions"]["field"] == "username"
    huge = await gql(STAFF_LOGIN, u="admin", p="x" * 10_000)
    assert [e["code"] for e in huge.data["staffLogin"]["errors"]] == ["INVALID_CREDENTIALS"]  # type: ignore[index]


async def test_clerks_see_only_their_own_centre(gql: GraphQLClient) -> None:
    wuliqiao, yuyuan = await _centre("310101-01"), await _centre("310101-02")
    clerk, password = await make_staff(StaffRole.CLERK, wuliqiao.id)
    client = gql.with_token(await staff_token(gql, clerk, password))

    own = await client(STAFF_OF, c="310101-01")
    assert own.errors == []
    rows = own.data["staffMembers"]  # type: ignore[index]
    assert {r["centre"]["code"] for r in rows} == {"310101-01"}
    assert clerk.username in {r["username"] for r in rows}

    other = await client(STAFF_OF, c="310101-02")
    assert _denied(other) == ("FORBIDDEN", "OTHER_CENTRE")
    assert other.data is None

    admin, admin_password = await make_staff(StaffRole.ADMIN, None)
    admin_client = gql.with_token(await staff_token(gql, admin, admin_password))
    assert (await admin_client(STAFF_OF, c="310101-02")).errors == []

    resident = await sign_in(gql)
    as_resident = await gql.with_token(resident["accessToken"])(STAFF_OF, c="310101-01")
    assert _denied(as_resident) == ("FORBIDDEN", "STAFF_ONLY")
    anonymous = await gql(STAFF_OF, c="310101-01")
    assert _denied(anonymous) == ("UNAUTHENTICATED", "NOT_SIGNED_IN")
    assert yuyuan.id != wuliqiao.id


async def test_a_head_manages_the_clerks_of_the_centre_only(gql: GraphQLClient) -> None:
    wuliqiao, yuyuan = await _centre("310101-01"), await _centre("310101-02")
    head, head_password = await make_staff(StaffRole.CENTRE_HEAD, wuliqiao.id)
    clerk, clerk_password = await make_staff(StaffRole.CLERK, wuliqiao.id)
    elsewhere, _ = await make_staff(StaffRole.CLERK, yuyuan.id)
    clerk_token = await staff_token(gql, clerk, clerk_password)
    head_client = gql.with_token(await staff_token(gql, head, head_password))

    as_clerk = await gql.with_token(clerk_token)(SET_ACTIVE, id=_gid(head), a=False)
    assert _denied(as_clerk) == ("FORBIDDEN", "CENTRE_HEAD_ONLY")

    other_centre = await head_client(SET_ACTIVE, id=_gid(elsewhere), a=False)
    assert other_centre.data["setStaffActive"]["errors"] == [{"field": "id", "code": "FORBIDDEN"}]  # type: ignore[index]
    myself = await head_client(SET_ACTIVE, id=_gid(head), a=False)
    assert myself.data["setStaffActive"]["errors"] == [{"field": "id", "code": "FORBIDDEN"}]  # type: ignore[index]

    disabled = await head_client(SET_ACTIVE, id=_gid(clerk), a=False)
    assert disabled.data["setStaffActive"] == {  # type: ignore[index]
        "staff": {"username": clerk.username, "active": False},
        "errors": [],
    }
    # Disabling signs the clerk out at once, and the password no longer works (the answer
    # is that of a wrong password: tests/identity/test_staff_sign_in_limits.py).
    after = await gql.with_token(clerk_token)(ME)
    assert _denied(after)[0] == "UNAUTHENTICATED"
    again = await gql(STAFF_LOGIN, u=clerk.username, p=clerk_password)
    assert [e["code"] for e in again.data["staffLogin"]["errors"]] == ["INVALID_CREDENTIALS"]  # type: ignore[index]

    bad_id = await head_client(SET_ACTIVE, id="not-an-id", a=True)
    assert bad_id.data["setStaffActive"]["errors"][0]["code"] == "INVALID_ID"  # type: ignore[index]


async def test_staff_node_respects_centres(gql: GraphQLClient) -> None:
    wuliqiao, yuyuan = await _centre("310101-01"), await _centre("310101-02")
    clerk, password = await make_staff(StaffRole.CLERK, wuliqiao.id)
    colleague, _ = await make_staff(StaffRole.CLERK, wuliqiao.id)
    stranger, _ = await make_staff(StaffRole.CLERK, yuyuan.id)
    client = gql.with_token(await staff_token(gql, clerk, password))
    query = "query($id: ID!) { node(id: $id) { ... on StaffMember { username } } }"
    seen = await client(query, id=_gid(colleague))
    assert seen.data == {"node": {"username": colleague.username}}
    hidden = await client(query, id=_gid(stranger))
    assert hidden.codes == ["NOT_FOUND"]
    assert stranger.username not in json.dumps(hidden.errors)
