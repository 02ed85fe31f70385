"""注销账号 and 我的数据 end to end on PostgreSQL and Redis: after erasure the phone number,
the name and the ID number (clear, keyed hashes, the sealed values the rows held) appear in
no table and no column of the database; sessions are over; cases stay by id; a new sign-in
with the same phone is a new account. And the download of one's own data, audited."""

from __future__ import annotations

import asyncio
import json
import random

from strawberry import relay
from tortoise import connections

from backend.audit.models import AuditEvent, AuditOutcome
from backend.bookings.models import Booking, BookingState, SlotCounter
from backend.cases.models import Case
from backend.centres.models import Centre
from backend.identity.models import Resident, StaffRole
from backend.platform import infra
from backend.platform.clock import now
from backend.ratings.models import Rating, RatingChannel, RatingLevel
from tests.bookings.helpers import at, booking_at, counter_matter, fresh_centre, workday_ahead
from tests.cases.helpers import ACCEPTING, COLLECT_FORWARD_MATTER, COLLECTING
from tests.conftest import GraphQLClient
from tests.identity.helpers import (
    ME,
    REFRESH,
    VERIFY,
    latest_code,
    make_staff,
    new_phone,
    registry_person,
    sign_in,
    staff_token,
)

REQUEST = """mutation { requestAccountErasureCode { sent resendAfterSeconds
    errors { field code message } } }"""
ERASE = """mutation($c: String!) { eraseAccount(code: $c) { erased sessionsEnded
    bookingsCancelled errors { field code message } } }"""
EXPORT = "{ myDataExport { fileName generatedAt json } }"
SUBMIT = """mutation($input: SubmitCaseInput!) { submitCase(input: $input) {
    case { number } errors { code } } }"""
# The registry stand-in (人口库) is another system's data in production, reached through an
# adapter: it knows the ID number before and after. It is the one table allowed to.
REGISTRY_TABLE = "identity_population_record"


def _pk(global_id: str) -> int:
    return int(relay.GlobalID.from_id(global_id).node_id)


async def _cool_down(phone: str) -> None:
    """Another code for the same phone within the minute (as test_login does)."""
    phone_hash = infra.current().cipher.blind_index("phone", phone)
    await infra.current().limiter.reset(f"otp:cooldown:{phone_hash}")


def _unique_name() -> str:
    chars = "嘉瑞泽宁瀚琪芮珂霖皓钰瑾"
    return "易" + "".join(random.sample(chars, 2))


async def _tables_holding(needles: list[str]) -> dict[str, set[str]]:
    """Which needles appear in which tables, searching every row of every table in the
    public schema as text (all columns, JSON included)."""
    conn = connections.get("default")
    _, tables = await conn.execute_query(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
    )
    found: dict[str, set[str]] = {}
    for row in tables:
        table = row["table_name"]
        for needle in needles:
            _, hits = await conn.execute_query(
                f'SELECT 1 FROM "{table}" t WHERE strpos(t::text, $1) > 0 LIMIT 1', [needle]
            )
            if hits:
                found.setdefault(table, set()).add(needle)
    return found


async def _verified_with_case(gql: GraphQLClient) -> tuple[dict[str, str], str, str, str]:
    phone = new_phone()
    tokens = await sign_in(gql, phone)
    person = await registry_person(_unique_name())
    me = gql.with_token(tokens["accessToken"])
    verified = await me(VERIFY, name=person.name, idNumber=person.id_number)
    assert verified.data["verifyRealName"]["errors"] == [], verified  # type: ignore[index]
    await Resident.filter(id=_pk(tokens["residentId"])).update(
        household_centre_id=(await Centre.get(code=ACCEPTING)).id
    )
    submitted = await me(
        SUBMIT,
        input={
            "matterCode": COLLECT_FORWARD_MATTER,
            "centreCode": COLLECTING,
            "materials": [{"name": "居民身份证", "byECertificate": True}],
        },
    )
    assert submitted.data["submitCase"]["errors"] == [], submitted  # type: ignore[index]
    return tokens, phone, person.name, person.id_number


async def test_erasure_leaves_no_phone_name_or_id_number_anywhere(gql: GraphQLClient) -> None:
    tokens, phone, name, id_number = await _verified_with_case(gql)
    await _cool_down(phone)
    second = await sign_in(gql, phone)  # another device: a second session
    pk = _pk(tokens["residentId"])
    me = gql.with_token(tokens["accessToken"])
    cipher = infra.current().cipher
    before = await Resident.get(id=pk)
    # A booking still to come, and a rating whose comment carries the number (as people
    # write: "请回电 139...").
    centre, matter = await fresh_centre(), await counter_matter()
    booking = await booking_at(before, centre, matter, at(workday_ahead(), 10, 0))
    seats = (await SlotCounter.get(id=booking.counter_id)).taken
    await Rating.create(
        channel=RatingChannel.ONLINE,
        resident_id=pk,
        centre_id=centre.id,
        level=RatingLevel.DISSATISFIED,
        comment=f"等太久了，请回电 {phone}",
        created_at=now(),
    )
    sealed = [before.phone_enc, before.real_name_enc or "", before.id_number_enc or ""]
    assert all(sealed)
    hashes = [
        cipher.blind_index("phone", phone),
        cipher.blind_index("id_number", id_number),
        cipher.blind_index("real_name", name),
        cipher.blind_index("registry_name", f"{id_number}\x00{name}"),
    ]
    needles = [
        phone,
        id_number,
        id_number.lower(),
        name,
        *sealed,
        *hashes,
        *(h[:16] for h in hashes),
    ]
    # Before: the scan does find them (so it can fail).
    assert "identity_resident" in await _tables_holding(needles)

    await _cool_down(phone)
    sent = await me(REQUEST)
    assert sent.data["requestAccountErasureCode"]["sent"] is True  # type: ignore[index]
    code = await latest_code(phone)
    wrong = await me(ERASE, c=f"{(int(code) + 1) % 10**6:06d}")
    assert [e["code"] for e in wrong.data["eraseAccount"]["errors"]] == ["OTP_INVALID"]  # type: ignore[index]
    malformed = await me(ERASE, c="12ab")
    assert [(e["code"], e["field"]) for e in malformed.data["eraseAccount"]["errors"]] == [  # type: ignore[index]
        ("OTP_INVALID", "code")
    ]

    erased = await me(ERASE, c=code)
    assert erased.data["eraseAccount"] == {  # type: ignore[index]
        "erased": True,
        "sessionsEnded": 2,
        "bookingsCancelled": 1,
        "errors": [],
    }
    # The booking is cancelled and its seat free again; the rating stays, without the words.
    assert (await Booking.get(id=booking.id)).state is BookingState.CANCELLED
    assert (await SlotCounter.get(id=booking.counter_id)).taken == seats - 1
    (rating,) = await Rating.filter(resident_id=pk)
    assert (rating.comment, rating.level) == ("", RatingLevel.DISSATISFIED)

    # Every session is over, access and refresh tokens alike.
    for access in (tokens["accessToken"], second["accessToken"]):
        assert (await gql.with_token(access)(ME)).codes == ["UNAUTHENTICATED"]
    refresh = await gql(REFRESH, t=second["refreshToken"])
    assert [e["code"] for e in refresh.data["refreshToken"]["errors"]] == ["SESSION_REVOKED"]  # type: ignore[index]

    found = await _tables_holding(needles)
    registry_hashes = {cipher.blind_index("id_number", id_number), hashes[3]}
    registry_hashes |= {h[:16] for h in registry_hashes}
    assert found.pop(REGISTRY_TABLE, set()) <= registry_hashes
    assert found == {}, f"personal data left after erasure: {found}"

    # The row stays as an id, and the case with it (the law keeps case records).
    row = await Resident.get(id=pk)
    assert row.erased_at is not None and row.phone_enc == "" and row.id_number_hash is None
    assert await Case.filter(resident_id=pk).count() == 1

    (entry,) = await AuditEvent.filter(
        request_id=erased.request_id, action="identity.account.erase"
    )
    assert (entry.outcome, entry.actor_kind, entry.actor_id, entry.target_id) == (
        AuditOutcome.SUCCESS,
        "resident",
        str(pk),
        str(pk),
    )
    assert entry.details == {"sessions": 2}

    # The same phone again: a brand-new, unverified account, asked to consent again; the ID
    # number is free to verify again.
    fresh = await sign_in(gql, phone)
    assert _pk(fresh["residentId"]) != pk
    again = gql.with_token(fresh["accessToken"])
    me_again = (await again(ME)).data["me"]  # type: ignore[index]
    assert me_again["verified"] is False and me_again["resident"]["idNumber"] is None
    pending = await again("{ myConsents { pending { kind } records { document } } }")
    assert pending.data["myConsents"]["records"] == []  # type: ignore[index]
    reverified = await again(VERIFY, name=name, idNumber=id_number)
    assert reverified.data["verifyRealName"]["errors"] == []  # type: ignore[index]


async def test_one_code_erases_once_when_two_requests_race(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    me = gql.with_token(tokens["accessToken"])
    await _cool_down(tokens["phone"])
    await me(REQUEST)
    code = await latest_code(tokens["phone"])
    results = await asyncio.gather(me(ERASE, c=code), me(ERASE, c=code))
    outcomes = sorted(
        "erased" if r.data and r.data["eraseAccount"]["erased"] else "refused" for r in results
    )
    assert outcomes == ["erased", "refused"], results
    assert (
        await Resident.filter(id=_pk(tokens["residentId"]))
        .first()
        .values_list("erased_at", flat=True)
    )


async def test_who_may_erase_or_export(gql: GraphQLClient) -> None:
    for document in (REQUEST, EXPORT):
        assert (await gql(document)).codes == ["UNAUTHENTICATED"]
    erase = await gql(ERASE, c="123456")
    assert erase.codes == ["UNAUTHENTICATED"]
    account, password = await make_staff(StaffRole.CLERK, (await Centre.get(code=COLLECTING)).id)
    staff = gql.with_token(await staff_token(gql, account, password))
    for result in (await staff(REQUEST), await staff(ERASE, c="123456"), await staff(EXPORT)):
        assert result.codes == ["FORBIDDEN"]
        assert result.errors[0]["extensions"]["reason"] == "RESIDENT_ONLY"


async def test_my_data_holds_what_the_service_holds_and_is_audited(gql: GraphQLClient) -> None:
    tokens, phone, name, id_number = await _verified_with_case(gql)
    me = gql.with_token(tokens["accessToken"])
    result = await me(EXPORT)
    export = result.data["myDataExport"]  # type: ignore[index]
    assert export["fileName"].startswith("tongban-my-data-") and export["fileName"].endswith(
        ".json"
    )
    data = json.loads(export["json"])
    assert data["account"]["phone"] == phone
    assert (data["account"]["realName"], data["account"]["idNumber"]) == (name, id_number)
    assert [c["document"] for c in data["consents"]] == ["SENSITIVE_ID_NUMBER"]
    assert len(data["sessions"]) == 1
    assert [c["matter_code"] for c in data["cases"]] == [COLLECT_FORWARD_MATTER]
    assert data["cases"][0]["collecting_centre"] and data["cases"][0]["state"] == "SUBMITTED"
    assert data["bookings"] == [] and data["ratings"] == []
    (entry,) = await AuditEvent.filter(request_id=result.request_id, action="account.data.export")
    assert entry.outcome is AuditOutcome.SUCCESS and entry.target_id == str(
        _pk(tokens["residentId"])
    )
    assert entry.details == {"cases": 1, "bookings": 0, "ratings": 0}
    assert phone not in json.dumps(entry.details) and id_number not in str(entry.target_id)
