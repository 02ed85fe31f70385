"""Bookings through GraphQL: slots, booking, my bookings, node(id), cancel, reschedule,
check-in, typed errors in payloads, refusals by permission in the audit log, concurrency."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest

from backend.audit.models import AuditEvent, AuditOutcome
from backend.bookings.models import Booking, BookingState, SlotCounter
from backend.centres.models import HoursOverride
from backend.graphql.context import Context
from backend.identity.authentication import Authentication
from backend.identity.models import StaffRole
from backend.platform.requestmeta import RequestMeta
from tests.bookings.helpers import (
    at,
    booking_at,
    counter_matter,
    fresh_centre,
    new_resident,
    preset_counter,
    token_of,
    workday_ahead,
)
from tests.conftest import SCHEMA, GraphQLClient
from tests.identity.helpers import make_staff, staff_token

SLOTS = """query($c: String!, $m: String!, $f: Date!, $t: Date!) {
  availableSlots(centreCode: $c, matterCode: $m, from: $f, to: $t) {
    start end capacity seatsLeft } }"""
BOOK = """mutation($input: BookSlotInput!) { bookSlot(input: $input) {
  booking { id state stateName start end checkInCode checkInQrSvg
            centre { code } matter { code } }
  errors { field code message } } }"""
CANCEL = """mutation($id: ID!) { cancelBooking(input: {bookingId: $id}) {
  booking { id state } errors { field code message } } }"""
RESCHEDULE = """mutation($id: ID!, $start: DateTime!) {
  rescheduleBooking(input: {bookingId: $id, start: $start}) {
  booking { id state start } errors { field code message } } }"""
CHECK_IN = """mutation($code: String!) { checkInBooking(input: {code: $code}) {
  booking { id state checkedInAt checkInCode } errors { field code message } } }"""
MINE = "{ myBookings(first: 10) { totalCount edges { node { id state matter { code } } } } }"
NODE = """query($id: ID!) { node(id: $id) { ... on Booking { id state checkInCode
  centre { code } } } }"""
COUNTER = "GA006"


def _input(centre: str, start: str, key: str | None = None, matter: str = COUNTER) -> Any:
    return {
        "centreCode": centre,
        "matterCode": matter,
        "start": start,
        "idempotencyKey": key or uuid.uuid4().hex,
    }


async def _resident(gql: GraphQLClient, verified: bool = True) -> GraphQLClient:
    return gql.with_token(await token_of(await new_resident(verified)))


async def _clerk(gql: GraphQLClient, centre_id: int | None, role: StaffRole = StaffRole.CLERK):  # type: ignore[no-untyped-def]
    account, password = await make_staff(role, centre_id)
    return gql.with_token(await staff_token(gql, account, password))


async def test_slots_booking_and_my_bookings(gql: GraphQLClient) -> None:
    centre, me = await fresh_centre(), await _resident(gql)
    day = workday_ahead()
    variables = {"c": centre.code, "m": COUNTER, "f": day.isoformat(), "t": day.isoformat()}
    slots = (await gql(SLOTS, **variables)).data["availableSlots"]  # type: ignore[index]
    assert len(slots) == 16 and slots[0]["start"].startswith(f"{day.isoformat()}T08:30:00")
    assert {s["seatsLeft"] for s in slots} == {2}

    start = slots[2]["start"]
    made = await me(BOOK, input=_input(centre.code, start))
    payload = made.data["bookSlot"]  # type: ignore[index]
    assert payload["errors"] == [], payload
    booking = payload["booking"]
    assert (booking["state"], booking["stateName"], booking["centre"]["code"]) == (
        "BOOKED",
        "已预约",
        centre.code,
    )
    assert len(booking["checkInCode"]) == 8
    assert booking["checkInQrSvg"].startswith("<svg") and "<path" in booking["checkInQrSvg"]

    after = (await gql(SLOTS, **variables)).data["availableSlots"]  # type: ignore[index]
    assert [s["seatsLeft"] for s in after if s["start"] == start] == [1]

    mine = (await me(MINE)).data["myBookings"]  # type: ignore[index]
    assert mine["totalCount"] == 1 and mine["edges"][0]["node"]["id"] == booking["id"]
    node = (await me(NODE, id=booking["id"])).data["node"]  # type: ignore[index]
    assert node["checkInCode"] == booking["checkInCode"]

    # Another resident cannot see it; the centre's clerk can, without the code.
    other = await (await _resident(gql))(NODE, id=booking["id"])
    assert other.codes == ["NOT_FOUND"]
    clerk = await _clerk(gql, centre.id)
    seen = (await clerk(NODE, id=booking["id"])).data["node"]  # type: ignore[index]
    assert seen["state"] == "BOOKED" and seen["checkInCode"] is None


async def test_bad_input_comes_back_typed_in_chinese_and_changes_nothing(
    gql: GraphQLClient,
) -> None:
    centre, me = await fresh_centre(), await _resident(gql)
    day = workday_ahead()
    await HoursOverride.create(centre_id=centre.id, date=day, closed=True)
    cases = [
        (_input(centre.code, "2020-01-01T09:00:00+08:00"), "SLOT_IN_PAST", "start"),
        (_input(centre.code, f"{day.isoformat()}T09:00:00+08:00"), "CENTRE_CLOSED", "start"),
        (_input(centre.code, "2099-01-01T09:00:00+08:00"), "SLOT_OUT_OF_RANGE", "start"),
        (
            _input(centre.code, "2099-01-01T09:00:00+08:00", matter="GA007"),
            "MATTER_ONLINE_ONLY",
            "matterCode",
        ),
        (
            _input(centre.code, "2099-01-01T09:00:00+08:00", key=" "),
            "INVALID_INPUT",
            "idempotencyKey",
        ),
    ]
    for variables, code, field in cases:
        result = await me(BOOK, input=variables)
        [error] = result.data["bookSlot"]["errors"]  # type: ignore[index]
        assert (error["code"], error["field"]) == (code, field), error
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"])
    garbage = await me(BOOK, input={**_input(centre.code, "not a time")})
    assert garbage.codes and garbage.codes[0] != "INTERNAL_ERROR"
    assert not await Booking.exists(centre_id=centre.id)
    closed = await gql(SLOTS, c=centre.code, m=COUNTER, f=day.isoformat(), t=day.isoformat())
    assert closed.data["availableSlots"] == []  # type: ignore[index]
    online = await gql(SLOTS, c=centre.code, m="GA007", f=day.isoformat(), t=day.isoformat())
    assert online.codes == ["MATTER_ONLINE_ONLY"]
    too_long = await gql(SLOTS, c=centre.code, m=COUNTER, f="2026-01-01", t="2026-03-01")
    assert too_long.codes == ["INVALID_DATE"]


async def test_refusals_by_permission_are_audited(gql: GraphQLClient) -> None:
    centre = await fresh_centre()
    start = at(workday_ahead(), 9, 0).isoformat()
    unverified = await _resident(gql, verified=False)
    refused = await unverified(BOOK, input=_input(centre.code, start))
    assert refused.errors[0]["extensions"]["reason"] == "REAL_NAME_REQUIRED"
    (row,) = await AuditEvent.filter(request_id=refused.request_id)
    assert (row.outcome, row.reason, row.target_id) == (
        AuditOutcome.DENIED,
        "REAL_NAME_REQUIRED",
        "Mutation.bookSlot",
    )
    resident = await _resident(gql)
    no_clerk = await resident(CHECK_IN, code="ABCDEFGH")
    assert no_clerk.errors[0]["extensions"]["reason"] == "STAFF_ONLY"
    assert await AuditEvent.filter(request_id=no_clerk.request_id, outcome=AuditOutcome.DENIED)
    anonymous = await gql(MINE)
    assert anonymous.codes == ["UNAUTHENTICATED"]
    assert not await Booking.exists(centre_id=centre.id)


async def test_cancel_reschedule_and_check_in_over_graphql(gql: GraphQLClient) -> None:
    centre, matter = await fresh_centre(), await counter_matter()
    me = await _resident(gql)
    day = workday_ahead()
    made = await me(BOOK, input=_input(centre.code, at(day, 9, 0).isoformat()))
    booking_id = made.data["bookSlot"]["booking"]["id"]  # type: ignore[index]

    stranger = await _resident(gql)
    result = await stranger(CANCEL, id=booking_id)
    assert result.data["cancelBooking"]["errors"][0]["code"] == "NOT_FOUND"  # type: ignore[index]

    await preset_counter(centre, matter, at(day, 10, 0), capacity=2, taken=2)
    full = await me(RESCHEDULE, id=booking_id, start=at(day, 10, 0).isoformat())
    assert full.data["rescheduleBooking"]["errors"][0]["code"] == "SLOT_FULL"  # type: ignore[index]
    moved = await me(RESCHEDULE, id=booking_id, start=at(day, 11, 0).isoformat())
    assert moved.data["rescheduleBooking"]["booking"]["start"].startswith(  # type: ignore[index]
        f"{day.isoformat()}T11:00:00"
    )
    cancelled = await me(CANCEL, id=booking_id)
    assert cancelled.data["cancelBooking"]["booking"]["state"] == "CANCELLED"  # type: ignore[index]
    assert (await SlotCounter.filter(centre_id=centre.id).values_list("taken", flat=True)) != []
    again = await me(CANCEL, id=booking_id)
    assert again.data["cancelBooking"]["errors"][0]["code"] == "BOOKING_NOT_CHANGEABLE"  # type: ignore[index]

    # Check-in: a booking of today at this centre.
    from backend.identity.models import Resident
    from backend.platform.clock import now

    resident = await Resident.get(id=(await Booking.get(id=int(_pk(booking_id)))).resident_id)
    today = await booking_at(resident, centre, matter, now().replace(microsecond=0) + _minutes(45))
    clerk = await _clerk(gql, centre.id)
    elsewhere = await _clerk(gql, (await fresh_centre()).id)
    wrong = await elsewhere(CHECK_IN, code=today.check_in_code)
    assert wrong.data["checkInBooking"]["errors"][0]["code"] == "CHECK_IN_CODE_INVALID"  # type: ignore[index]
    (attempt,) = await AuditEvent.filter(request_id=wrong.request_id, action="bookings.check_in")
    assert (attempt.outcome, attempt.reason) == (AuditOutcome.FAILURE, "CHECK_IN_CODE_INVALID")
    done = await clerk(CHECK_IN, code=today.check_in_code)
    payload = done.data["checkInBooking"]  # type: ignore[index]
    assert payload["errors"] == [] and payload["booking"]["state"] == "CHECKED_IN"
    assert payload["booking"]["checkInCode"] is None  # the clerk does not read the code back
    assert (await Booking.get(id=today.id)).state is BookingState.CHECKED_IN


def _pk(global_id: str) -> str:
    from strawberry import relay

    return relay.GlobalID.from_id(global_id).node_id


def _minutes(n: int):  # type: ignore[no-untyped-def]
    from datetime import timedelta

    return timedelta(minutes=n)


async def test_two_hundred_concurrent_book_slot_mutations_for_the_last_five_seats(
    gql: GraphQLClient,
) -> None:
    centre, matter = await fresh_centre(), await counter_matter()
    start = at(workday_ahead(), 14, 0)
    counter = await preset_counter(centre, matter, start, capacity=12, taken=7)
    clients = [gql.with_token(await token_of(await new_resident())) for _ in range(200)]
    results = await asyncio.gather(
        *(c(BOOK, input=_input(centre.code, start.isoformat())) for c in clients)
    )
    payloads = [r.data["bookSlot"] for r in results]  # type: ignore[index]
    won = [p for p in payloads if p["booking"]]
    assert len(won) == 5
    assert {p["errors"][0]["code"] for p in payloads if not p["booking"]} == {"SLOT_FULL"}
    assert (await SlotCounter.get(id=counter.id)).taken == 12
    assert await Booking.filter(counter_id=counter.id).count() == 5


async def test_retried_book_slot_with_one_key_gives_one_booking(gql: GraphQLClient) -> None:
    centre, me = await fresh_centre(), await _resident(gql)
    variables = _input(centre.code, at(workday_ahead(), 9, 30).isoformat(), key="retry-1")
    results = await asyncio.gather(*(me(BOOK, input=variables) for _ in range(10)))
    ids = {r.data["bookSlot"]["booking"]["id"] for r in results}  # type: ignore[index]
    assert len(ids) == 1
    assert await Booking.filter(centre_id=centre.id).count() == 1


async def test_booking_events_reach_my_updates(gql: GraphQLClient) -> None:
    resident = await new_resident()
    token = await token_of(resident)
    centre = await fresh_centre()
    made = await gql.with_token(token)(
        BOOK, input=_input(centre.code, at(workday_ahead(), 9, 0).isoformat())
    )
    assert made.data["bookSlot"]["errors"] == []  # type: ignore[index]
    context = Context(
        request=None,
        auth=Authentication.from_authorization(f"Bearer {token}"),
        meta=RequestMeta.new(),
    )
    stream = await SCHEMA.subscribe(
        "subscription { myUpdates { cursor kind } }", context_value=context
    )
    assert not hasattr(stream, "errors") or not stream.errors  # type: ignore[union-attr]
    first = await asyncio.wait_for(stream.__anext__(), 10)  # type: ignore[union-attr]
    assert first.data["myUpdates"]["kind"] == "booking.changed"
    await stream.aclose()  # type: ignore[union-attr]


pytestmark = pytest.mark.usefixtures("database_url")
