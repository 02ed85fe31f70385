"""Input checked at the edge of the schema: every crash site the fuzzer found, as a plain test.

Each of these once answered INTERNAL_ERROR (with a traceback in the log); each is the
caller's mistake and must answer INVALID_INPUT (or its own code) naming the field.
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import Annotated, Any

import pytest
import strawberry

from backend.centres import hours
from backend.graphql.inputs import DEFAULT_MAX_LENGTH, guard_inputs, text, text_field
from backend.graphql.relay import decode_cursor, decode_global_id
from backend.graphql.schema import TongbanSchema
from backend.identity.models import StaffRole
from backend.platform.errors import DomainError, ErrorCode
from tests.conftest import SCHEMA as schema
from tests.conftest import GraphQLClient, GraphQLResult
from tests.identity.helpers import make_staff, staff_token

CENTRE = "query($code: String!) { centre(code: $code) { code } }"
CENTRES = """query($filter: CentreFilter, $after: String, $before: String) {
    centres(filter: $filter, first: 5, after: $after, before: $before) { totalCount } }"""
MATTERS = "query($filter: MatterFilter) { matters(filter: $filter) { totalCount } }"
NODE = "query($id: ID!) { node(id: $id) { id } }"
IS_OPEN = """query($at: DateTime) {
    centre(code: "310101-01") { isOpenAt(at: $at) } }"""
HOURS = """query($date: Date) {
    centre(code: "310101-01") { openingHours(date: $date) { date } } }"""
STAFF_LOGIN = """mutation($u: String!, $p: String!) {
    staffLogin(username: $u, password: $p) { errors { code } } }"""
STAFF_MEMBERS = "query($c: String!) { staffMembers(centreCode: $c) { id } }"
REQUEST_CODE = """mutation($phone: String!) { requestLoginCode(phone: $phone) {
    errors { code } } }"""
AUDIT = """query($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 1) {
    totalCount } }"""


def _gid(text_: str) -> str:
    return base64.b64encode(text_.encode()).decode()


def _refused(result: GraphQLResult, code: str, field: str) -> None:
    assert result.codes == [code], result
    assert result.errors[0]["extensions"].get("field") == field, result
    assert "服务暂时" not in result.errors[0]["message"]


# -- text: characters and lengths ----------------------------------------------------------


@pytest.mark.parametrize("value", ["\x00", "31\x000101-01", "\ud800", "x\udfffy"])
async def test_nul_and_lone_surrogates_are_refused_with_the_argument_named(
    gql: GraphQLClient, value: str
) -> None:
    _refused(await gql(CENTRE, code=value), "INVALID_INPUT", "code")


@pytest.mark.parametrize("value", ["\x00", "\ud800"])
async def test_bad_characters_in_an_input_field_name_its_path(
    gql: GraphQLClient, value: str
) -> None:
    _refused(await gql(CENTRES, filter={"district": value}), "INVALID_INPUT", "filter.district")
    _refused(await gql(MATTERS, filter={"search": value}), "INVALID_INPUT", "filter.search")


async def test_a_declared_limit_follows_the_column(gql: GraphQLClient) -> None:
    # Centre.code is 16 characters: 16 is looked up, 17 is refused before the ORM sees it.
    assert (await gql(CENTRE, code="a" * 16)).codes == ["NOT_FOUND"]
    _refused(await gql(CENTRE, code="a" * 17), "INVALID_INPUT", "code")
    _refused(
        await gql(MATTERS, filter={"departmentCode": "D" * 33}),
        "INVALID_INPUT",
        "filter.departmentCode",
    )
    _refused(await gql(STAFF_MEMBERS, c="3" * 17), "INVALID_INPUT", "centreCode")


async def test_every_string_has_a_default_limit(gql: GraphQLClient) -> None:
    # requestLoginCode declares nothing: the default applies, and below it the domain answers.
    fits = await gql(REQUEST_CODE, phone="1" * DEFAULT_MAX_LENGTH)
    assert fits.codes == [] and fits.data is not None
    assert fits.data["requestLoginCode"]["errors"][0]["code"] == "INVALID_PHONE"
    too_long = await gql(REQUEST_CODE, phone="1" * (DEFAULT_MAX_LENGTH + 1))
    _refused(too_long, "INVALID_INPUT", "phone")


async def test_a_field_may_keep_its_own_length_check(gql: GraphQLClient) -> None:
    # staffLogin bounds its inputs itself and answers INVALID_CREDENTIALS, long or short.
    result = await gql(STAFF_LOGIN, u="u" * 300, p="p" * 300)
    assert result.codes == [] and result.data is not None
    assert result.data["staffLogin"]["errors"][0]["code"] in ("INVALID_CREDENTIALS", "RATE_LIMITED")


async def test_a_lone_surrogate_password_is_refused_not_hashed(gql: GraphQLClient) -> None:
    # It used to reach the password hash and fail there with UnicodeEncodeError.
    _refused(await gql(STAFF_LOGIN, u="admin", p="\udc80"), "INVALID_INPUT", "password")


async def test_district_longer_than_a_code_is_compared_by_name_only(gql: GraphQLClient) -> None:
    # 7..16 characters used to be compared with the 6-character district code column.
    result = await gql(CENTRES, filter={"district": "'; select 1; --"})
    assert result.codes == [] and result.data is not None
    assert result.data["centres"]["totalCount"] == 0
    named = await gql(CENTRES, filter={"district": "黄浦区"})
    coded = await gql(CENTRES, filter={"district": "310101"})
    assert named.data is not None and coded.data is not None
    assert named.data["centres"]["totalCount"] == coded.data["centres"]["totalCount"] > 0


async def test_invisible_formatting_is_removed_from_search_text(gql: GraphQLClient) -> None:
    plain = await gql(MATTERS, filter={"search": "居住证"})
    hidden = await gql(MATTERS, filter={"search": "\ufeff居\u200b住\u200d证\u2060"})
    assert plain.data is not None and hidden.data is not None
    assert plain.data["matters"]["totalCount"] > 0
    assert hidden.data["matters"]["totalCount"] == plain.data["matters"]["totalCount"]
    # Counted after the removal: 50 visible characters and some invisible ones fit.
    padded = await gql(MATTERS, filter={"search": "证" * 50 + "\u200b" * 10})
    assert padded.codes == []


async def test_admin_filters_follow_their_columns(gql: GraphQLClient) -> None:
    account, password = await make_staff(StaffRole.ADMIN, None)
    admin = gql.with_token(await staff_token(gql, account, password))
    _refused(
        await admin(AUDIT, filter={"actorKind": "k" * 17}), "INVALID_INPUT", "filter.actorKind"
    )
    _refused(await admin(AUDIT, filter={"action": "\x00"}), "INVALID_INPUT", "filter.action")
    fine = await admin(AUDIT, filter={"actorKind": "k" * 16})
    assert fine.codes == [], fine


# -- global IDs and cursors ----------------------------------------------------------------


@pytest.mark.parametrize("key", ["2147483648", "9223372036854775808", "1" * 40])
async def test_global_ids_beyond_the_primary_key_column_are_invalid(
    gql: GraphQLClient, key: str
) -> None:
    _refused(await gql(NODE, id=_gid(f"Centre:{key}")), "INVALID_ID", "id")


def test_decode_global_id_takes_ascii_digits_within_range_only() -> None:
    assert decode_global_id(_gid("Centre:2147483647"), "Centre") == 2**31 - 1
    assert decode_global_id(_gid("Centre:42"), ("Matter", "Centre")) == 42
    for key in ("2147483648", "0", "-1", " 1", "1_0", "١٢", "²", "1\x00", ""):
        with pytest.raises(DomainError) as refused:
            decode_global_id(_gid(f"Centre:{key}"), "Centre")
        assert refused.value.code is ErrorCode.INVALID_ID, key
    with pytest.raises(DomainError):
        decode_global_id(_gid("Matter:1"), "Centre")


def test_decode_cursor_takes_ascii_digits_within_range_only() -> None:
    def cursor(offset: str) -> str:
        return _gid(f"cursor:{offset}")

    assert decode_cursor(cursor("7"), "after") == 7
    assert decode_cursor(cursor("2147483647"), "after") == 2**31 - 1
    for offset in ("²", "١", "2147483648", "9" * 30, "-1", " 1", "1_0", ""):
        with pytest.raises(DomainError) as refused:
            decode_cursor(cursor(offset), "after")
        assert refused.value.code is ErrorCode.INVALID_CURSOR, offset
        assert refused.value.field == "after"


@pytest.mark.parametrize("offset", ["²", "9223372036854775808"])
async def test_bad_cursor_offsets_are_invalid_cursors(gql: GraphQLClient, offset: str) -> None:
    _refused(await gql(CENTRES, after=_gid(f"cursor:{offset}")), "INVALID_CURSOR", "after")
    _refused(await gql(CENTRES, before=_gid(f"cursor:{offset}")), "INVALID_CURSOR", "before")


# -- dates and times -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "at", ["0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00", "9999-12-31T23:59:59-12:00"]
)
async def test_moments_outside_the_range_are_invalid_dates(gql: GraphQLClient, at: str) -> None:
    _refused(await gql(IS_OPEN, at=at), "INVALID_DATE", "at")


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31"])
async def test_days_outside_the_range_are_invalid_dates(gql: GraphQLClient, date: str) -> None:
    _refused(await gql(HOURS, date=date), "INVALID_DATE", "date")


async def test_the_range_itself_is_accepted(gql: GraphQLClient) -> None:
    assert (await gql(HOURS, date="1900-01-01")).codes == []
    assert (await gql(HOURS, date="2199-12-31")).codes == []
    assert (await gql(IS_OPEN, at="2199-12-31T23:59:59-12:00")).codes == []


@pytest.mark.parametrize("at", ["2026-13-01T00:00:00", "", "\x00"])
async def test_unparseable_moments_are_the_documents_fault(gql: GraphQLClient, at: str) -> None:
    result = await gql(IS_OPEN, at=at)
    assert result.codes == ["GRAPHQL_VALIDATION_FAILED"], result


def test_is_open_at_refuses_a_moment_shanghai_cannot_hold() -> None:
    # Year 1 at +14:00 is still year 0 in Shanghai: astimezone overflows.
    moment = dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=14)))
    with pytest.raises(DomainError) as refused:
        hours.is_open_at(moment)
    assert refused.value.code is ErrorCode.INVALID_DATE
    assert refused.value.field == "at"


# -- the mechanism -------------------------------------------------------------------------


@strawberry.input
class _Filter:
    name: str | None = text_field(4)
    tags: list[str] | None = None


@strawberry.type
class _Query:
    @strawberry.field
    def echo(self, short: Annotated[str, text(3)], filter: _Filter | None = None) -> str:
        return (
            short
            + (filter.name or "" if filter else "")
            + "".join(filter.tags or [] if filter else [])
        )

    @strawberry.field
    def plain(self, count: int) -> int:
        return count


def test_a_new_domain_gets_the_checks_for_free() -> None:
    tiny = TongbanSchema(query=_Query)

    def run(document: str) -> dict[str, Any]:
        result = tiny.execute_sync(document)
        return {
            "data": result.data,
            "errors": [(e.original_error.code.value, e.original_error.field) for e in result.errors]
            if result.errors
            else [],
        }

    assert run('{ echo(short: "abc", filter: {name: "defg"}) }')["data"] == {"echo": "abcdefg"}
    assert run('{ echo(short: "abcd") }')["errors"] == [("INVALID_INPUT", "short")]
    assert run('{ echo(short: "a", filter: {name: "abcde"}) }')["errors"] == [
        ("INVALID_INPUT", "filter.name")
    ]
    assert run('{ echo(short: "a", filter: {tags: ["ok", "\\u0000"]}) }')["errors"] == [
        ("INVALID_INPUT", "filter.tags")
    ]
    # A field without text, ID or date arguments keeps its resolver: nothing wraps it.
    plain = tiny._schema.query_type.fields["plain"]  # type: ignore[union-attr]
    echo = tiny._schema.query_type.fields["echo"]  # type: ignore[union-attr]
    assert not hasattr(plain.resolve, "_tongban_inputs_guarded")
    assert getattr(echo.resolve, "_tongban_inputs_guarded", False)
    before = echo.resolve
    guard_inputs(tiny._schema)
    assert echo.resolve is before  # idempotent: never wrapped twice


def test_the_real_schema_guards_every_field_with_text_arguments() -> None:
    query = schema._schema.query_type
    mutation = schema._schema.mutation_type
    assert query is not None and mutation is not None
    for owner, name in [
        (query, "centre"),
        (query, "centres"),
        (query, "matters"),
        (query, "node"),
        (query, "staffMembers"),
        (query, "auditEvents"),
        (mutation, "login"),
        (mutation, "setStaffActive"),
    ]:
        assert getattr(owner.fields[name].resolve, "_tongban_inputs_guarded", False), name
