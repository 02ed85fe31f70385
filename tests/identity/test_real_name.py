"""Real-name verification (实名认证) through the registry adapter."""

from __future__ import annotations

import asyncio

import strawberry

from backend.graphql.context import Context, Info
from backend.graphql.permissions import requires
from backend.identity import realname
from backend.identity.auth import VERIFIED_RESIDENT
from backend.identity.models import Resident
from backend.identity.registry import PopulationRegistry, RegistryResult
from backend.platform import infra
from tests.conftest import GraphQLClient
from tests.identity.helpers import (
    ME,
    VERIFY,
    new_id_number,
    registry_person,
    sign_in,
    verified_resident,
)


def _errors(result: object) -> list[tuple[str, str | None]]:
    payload = result.data["verifyRealName"]  # type: ignore[attr-defined]
    return [(e["code"], e["field"]) for e in payload["errors"]]


async def test_verification_binds_name_and_number_and_masks_them(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    person = await registry_person("欧阳晓明")
    client = gql.with_token(tokens["accessToken"])
    result = await client(VERIFY, name=" 欧阳晓明 ", idNumber=person.id_number.lower())
    payload = result.data["verifyRealName"]  # type: ignore[index]
    assert payload["errors"] == []
    resident = payload["resident"]
    assert resident["verified"] is True
    assert resident["realName"] == "欧***"
    assert resident["idNumber"] == person.id_number[:6] + "********" + person.id_number[14:]

    me = await client(ME)
    assert me.data["me"]["verified"] is True  # type: ignore[index]
    assert me.data["me"]["resident"]["idNumber"] == resident["idNumber"]  # type: ignore[index]

    again = await client(VERIFY, name=person.name, idNumber=person.id_number)
    assert _errors(again) == [("REAL_NAME_ALREADY_VERIFIED", None)]


async def test_name_number_mismatch_and_unknown_number_look_the_same(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    person = await registry_person("林小雨")
    client = gql.with_token(tokens["accessToken"])
    wrong_name = await client(VERIFY, name="林小云", idNumber=person.id_number)
    unknown = await client(VERIFY, name="林小雨", idNumber=new_id_number())
    assert _errors(wrong_name) == _errors(unknown) == [("REAL_NAME_MISMATCH", None)]
    message = wrong_name.data["verifyRealName"]["errors"][0]["message"]  # type: ignore[index]
    assert message == "姓名与身份证号码不一致，请核对后重试。"
    resident = await Resident.get(id=int(_pk(tokens["residentId"])))
    assert resident.verified_at is None and resident.id_number_hash is None


def _pk(global_id: str) -> str:
    return strawberry.relay.GlobalID.from_id(global_id).node_id


async def test_malformed_id_numbers_say_which_part_is_wrong(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    client = gql.with_token(tokens["accessToken"])
    good = new_id_number()
    cases = {
        "3101011990010112": "ID_NUMBER_INVALID_LENGTH",
        "310101900101123": "ID_NUMBER_INVALID_LENGTH",  # first generation, 15 digits
        "31010119900101123Y": "ID_NUMBER_INVALID_CHARACTERS",
        "31010119900101;--X": "ID_NUMBER_INVALID_CHARACTERS",
        "'OR'1'='1'--AAAAAA": "ID_NUMBER_INVALID_CHARACTERS",
        "990101199001011234": "ID_NUMBER_INVALID_ADDRESS_CODE",
        "310101199002301234": "ID_NUMBER_INVALID_BIRTH_DATE",
        "310101299901011234": "ID_NUMBER_INVALID_BIRTH_DATE",
        good[:14] + "000" + good[17]: "ID_NUMBER_INVALID_SEQUENCE",
        good[:17] + ("0" if good[17] != "0" else "1"): "ID_NUMBER_INVALID_CHECKSUM",
    }
    for number, code in cases.items():
        result = await client(VERIFY, name="张三", idNumber=number)
        assert _errors(result) == [(code, "idNumber")], number
        assert number not in str(result.data)
    # Format errors do not spend the resident's daily registry checks.
    decision = await infra.current().limiter.hit(
        f"realname:resident:{_pk(tokens['residentId'])}", realname.REAL_NAME_CHECKS_PER_DAY, 60
    )
    assert decision.count == 1


async def test_injection_looking_names_are_refused(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    client = gql.with_token(tokens["accessToken"])
    person = await registry_person()
    for name in ("'; DROP TABLE identity_resident; --", "<script>alert(1)</script>", "张", "张三1"):
        result = await client(VERIFY, name=name, idNumber=person.id_number)
        assert _errors(result) == [("INVALID_NAME", "name")], name
    assert await Resident.all().count() > 0


async def test_attempts_are_rate_limited(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    client = gql.with_token(tokens["accessToken"])
    person = await registry_person("郑一鸣")
    codes = []
    for _ in range(realname.REAL_NAME_CHECKS_PER_DAY + 1):
        result = await client(VERIFY, name="郑二鸣", idNumber=person.id_number)
        codes.append(_errors(result)[0][0])
    assert codes == ["REAL_NAME_MISMATCH"] * realname.REAL_NAME_CHECKS_PER_DAY + ["RATE_LIMITED"]
    # Even the right answer waits for tomorrow.
    right = await client(VERIFY, name=person.name, idNumber=person.id_number)
    assert _errors(right) == [("RATE_LIMITED", None)]


async def test_one_id_number_binds_one_account(gql: GraphQLClient) -> None:
    _, person = await verified_resident(gql)
    other = await sign_in(gql)
    result = await gql.with_token(other["accessToken"])(
        VERIFY, name=person.name, idNumber=person.id_number
    )
    assert _errors(result) == [("ID_NUMBER_ALREADY_BOUND", "idNumber")]


async def test_two_accounts_racing_for_one_id_number(gql: GraphQLClient) -> None:
    person = await registry_person()
    accounts = [await sign_in(gql) for _ in range(3)]
    results = await asyncio.gather(
        *(
            gql.with_token(a["accessToken"])(VERIFY, name=person.name, idNumber=person.id_number)
            for a in accounts
        )
    )
    outcomes = sorted(_errors(r)[0][0] if _errors(r) else "OK" for r in results)
    assert outcomes == ["ID_NUMBER_ALREADY_BOUND", "ID_NUMBER_ALREADY_BOUND", "OK"]


async def test_staff_and_anonymous_cannot_verify(gql: GraphQLClient) -> None:
    anonymous = await gql(VERIFY, name="张三", idNumber=new_id_number())
    assert anonymous.codes == ["UNAUTHENTICATED"]
    assert anonymous.errors[0]["extensions"]["reason"] == "NOT_SIGNED_IN"
    assert anonymous.data is None


class _Unavailable:
    async def check(self, name: str, id_number: object) -> RegistryResult:
        from backend.identity.registry import RegistryUnavailable

        raise RegistryUnavailable


async def test_registry_outage_is_a_clear_error(gql: GraphQLClient, monkeypatch: object) -> None:
    from backend.identity import registry

    tokens = await sign_in(gql)
    person = await registry_person()
    unavailable: PopulationRegistry = _Unavailable()  # type: ignore[assignment]
    container = infra.current()
    monkeypatch.setitem(container._adapters, "identity.population_registry", unavailable)  # type: ignore[attr-defined]
    result = await gql.with_token(tokens["accessToken"])(
        VERIFY, name=person.name, idNumber=person.id_number
    )
    assert _errors(result) == [("REGISTRY_UNAVAILABLE", None)]
    monkeypatch.undo()  # type: ignore[attr-defined]
    assert registry.population_registry() is not unavailable


# Until verified, a resident may browse and nothing more: a capability guarded by
# VERIFIED_RESIDENT (as bookings and cases will be) refuses them with REAL_NAME_REQUIRED.


@strawberry.type
class _Query:
    @strawberry.field(extensions=[requires(VERIFIED_RESIDENT)])
    async def book_something(self, info: Info) -> str:
        return "booked"


_guarded = strawberry.Schema(query=_Query)


async def _run_guarded(gql: GraphQLClient, token: str) -> tuple[object, list[object]]:
    from backend.identity.authentication import Authentication
    from backend.platform.requestmeta import RequestMeta

    context = Context(
        request=None,
        auth=Authentication.from_authorization(f"Bearer {token}"),
        meta=RequestMeta.new(),
    )
    result = await _guarded.execute("{ bookSomething }", context_value=context)
    return result.data, [e.extensions for e in result.errors or []]


async def test_unverified_residents_browse_but_verified_capabilities_refuse_them(
    gql: GraphQLClient,
) -> None:
    tokens = await sign_in(gql)
    browse = await gql.with_token(tokens["accessToken"])("{ centres(first: 1) { totalCount } }")
    assert browse.errors == [] and browse.data["centres"]["totalCount"] > 0  # type: ignore[index]

    data, errors = await _run_guarded(gql, tokens["accessToken"])
    assert data is None
    assert errors == [{"code": "FORBIDDEN", "reason": "REAL_NAME_REQUIRED"}]

    person = await registry_person()
    await gql.with_token(tokens["accessToken"])(VERIFY, name=person.name, idNumber=person.id_number)
    # The same access token: verification is read from the database, not the token.
    data, errors = await _run_guarded(gql, tokens["accessToken"])
    assert data == {"bookSomething": "booked"} and errors == []
