"""The queue over GraphQL (the public board, live subscriptions, the clerk's mutations),
the day-before reminder job, and the .ics file of a booking."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from backend.audit.models import AuditEvent, AuditOutcome
from backend.bookings import reminders
from backend.bookings.models import Booking, BookingState, QueueTicket, TicketState
from backend.graphql.context import Context
from backend.identity.authentication import Authentication
from backend.identity.models import StaffRole
from backend.identity.sms import outbox_messages
from backend.platform.clock import SHANGHAI, now, to_shanghai
from backend.platform.models import StreamEvent
from backend.platform.requestmeta import RequestMeta
from tests.bookings.helpers import (
    booking_at,
    counter_matter,
    fresh_centre,
    new_resident,
    phone_of,
    token_of,
)
from tests.conftest import SCHEMA, GraphQLClient
from tests.identity.helpers import make_staff, staff_token

pytestmark = pytest.mark.usefixtures("database_url")

CHECK_IN = """mutation($code: String!) { checkInBooking(input: {code: $code}) {
  booking { id state ticket { number } }
  ticket { id number state queueLetter queueName priority ahead estimatedWaitMinutes }
  errors { field code message } } }"""
WALK_IN = """mutation($c: String!, $q: String) {
  issueWalkInTicket(input: {centreCode: $c, queue: $q}) {
  ticket { id number state } errors { field code message } } }"""
CALL = """mutation($c: String!, $w: Int!, $q: [String!]) {
  callNext(input: {centreCode: $c, window: $w, queues: $q}) {
  ticket { id number state window calledAt } errors { field code message } } }"""
FINISH = """mutation($id: ID!) { finishTicket(input: {ticketId: $id}) {
  ticket { id state finishedAt } errors { code } } }"""
STATUS = """query($c: String!) { queueStatus(centre: $c) {
  centreCode centreName updatedAt
  queues { letter name waiting estimatedWaitMinutes averageServiceMinutes }
  serving { number queueLetter window calledAt recalls }
  recentCalls { number window } } }"""
MINE = """{ myQueueTicket { number state ahead estimatedWaitMinutes window
  booking { id } } }"""


async def _clerk(gql: GraphQLClient, centre_id: int) -> GraphQLClient:
    account, password = await make_staff(StaffRole.CLERK, centre_id)
    return gql.with_token(await staff_token(gql, account, password))


def _context(token: str | None = None) -> Context:
    return Context(
        request=None,
        auth=Authentication.from_authorization(f"Bearer {token}" if token else None),
        meta=RequestMeta.new(),
    )


async def _subscribe(
    document: str, token: str | None = None, **variables: Any
) -> AsyncIterator[Any]:
    stream = await SCHEMA.subscribe(
        document, variable_values=variables or None, context_value=_context(token)
    )
    assert not hasattr(stream, "errors") or not stream.errors, stream  # type: ignore[union-attr]
    return stream  # type: ignore[return-value]


async def _next(stream: AsyncIterator[Any]) -> dict[str, Any]:
    result = await asyncio.wait_for(stream.__anext__(), 15)
    assert not result.errors, result.errors
    return result.data  # type: ignore[no-any-return]


async def test_check_in_issues_a_ticket_and_the_clerk_calls_it(gql: GraphQLClient) -> None:
    centre, matter = await fresh_centre(), await counter_matter()
    resident = await new_resident()
    me = gql.with_token(await token_of(resident))
    booking = await booking_at(resident, centre, matter, to_shanghai(now()) + timedelta(minutes=20))
    clerk = await _clerk(gql, centre.id)
    assert (await me(MINE)).data == {"myQueueTicket": None}
    walk_in = await clerk(WALK_IN, c=centre.code, q="B")
    assert walk_in.data["issueWalkInTicket"]["ticket"]["number"] == "B001"  # type: ignore[index]
    done = await clerk(CHECK_IN, code=booking.check_in_code)
    payload = done.data["checkInBooking"]  # type: ignore[index]
    assert payload["errors"] == []
    ticket = payload["ticket"]
    assert (ticket["number"], ticket["queueLetter"], ticket["queueName"]) == (
        "B002",
        "B",
        "公安民政",
    )
    assert (ticket["state"], ticket["priority"], ticket["ahead"]) == ("WAITING", False, 0)
    assert payload["booking"]["ticket"]["number"] == "B002"
    mine = (await me(MINE)).data["myQueueTicket"]  # type: ignore[index]
    assert mine["number"] == "B002" and mine["booking"] is not None

    called = await clerk(CALL, c=centre.code, w=4, q=["B"])
    first = called.data["callNext"]["ticket"]  # type: ignore[index]
    assert (first["number"], first["state"], first["window"]) == ("B002", "CALLED", 4)
    mine = (await me(MINE)).data["myQueueTicket"]  # type: ignore[index]
    assert (mine["state"], mine["window"], mine["ahead"]) == ("CALLED", 4, 0)
    finished = await clerk(FINISH, id=first["id"])
    assert finished.data["finishTicket"]["ticket"]["state"] == "FINISHED"  # type: ignore[index]
    assert (await me(MINE)).data == {"myQueueTicket": None}

    # another centre's clerk: a typed refusal, audited as DENIED
    stranger = await _clerk(gql, (await fresh_centre()).id)
    refused = await stranger(CALL, c=centre.code, w=1, q=None)
    (error,) = refused.data["callNext"]["errors"]  # type: ignore[index]
    assert (error["code"], error["field"]) == ("FORBIDDEN", "centreCode")
    (row,) = await AuditEvent.filter(request_id=refused.request_id)
    assert (row.outcome, row.reason, row.action) == (
        AuditOutcome.DENIED,
        "OTHER_CENTRE",
        "queue.call_next",
    )
    resident_refused = await me(CALL, c=centre.code, w=1, q=None)
    assert resident_refused.errors[0]["extensions"]["reason"] == "STAFF_ONLY"


async def test_the_public_board_carries_ticket_numbers_only(gql: GraphQLClient) -> None:
    centre, matter = await fresh_centre(), await counter_matter()
    resident = await new_resident()
    booking = await booking_at(resident, centre, matter, to_shanghai(now()) + timedelta(minutes=5))
    clerk = await _clerk(gql, centre.id)
    await clerk(CHECK_IN, code=booking.check_in_code)
    for _ in range(2):
        await clerk(WALK_IN, c=centre.code, q="A")
    await clerk(CALL, c=centre.code, w=2, q=["B"])
    board = await gql(STATUS, c=centre.code)  # anonymous
    assert board.errors == []
    data = board.data["queueStatus"]  # type: ignore[index]
    assert data["centreCode"] == centre.code
    waiting = {q["letter"]: q["waiting"] for q in data["queues"]}
    assert waiting == {"A": 2, "B": 0, "C": 0, "D": 0}
    a_queue = next(q for q in data["queues"] if q["letter"] == "A")
    assert a_queue["estimatedWaitMinutes"] == 20  # 2 ahead x 10 minutes (default) / 1 window
    assert [(s["number"], s["window"]) for s in data["serving"]] == [("B001", 2)]
    text = json.dumps(data)
    for secret in (booking.check_in_code, await phone_of(resident)):
        assert secret not in text
    missing = await gql(STATUS, c="no-such")
    assert missing.codes == ["NOT_FOUND"]
    too_long = await gql(STATUS, c="x" * 17)
    assert too_long.codes == ["INVALID_INPUT"]


async def test_the_board_subscription_is_anonymous_and_live(gql: GraphQLClient) -> None:
    centre = await fresh_centre()
    clerk = await _clerk(gql, centre.id)
    await clerk(WALK_IN, c=centre.code, q="C")
    stream = await _subscribe(
        """subscription($c: String!) { queueBoard(centre: $c) {
        queues { letter waiting } serving { number window }
        announcement { number window queueLetter } } }""",
        c=centre.code,
    )
    try:
        first = (await _next(stream))["queueBoard"]
        assert first["announcement"] is None
        assert {q["letter"]: q["waiting"] for q in first["queues"]}["C"] == 1
        await clerk(CALL, c=centre.code, w=5, q=None)
        update = (await _next(stream))["queueBoard"]
        assert update["announcement"] == {"number": "C001", "window": 5, "queueLetter": "C"}
        assert update["serving"] == [{"number": "C001", "window": 5}]
    finally:
        await stream.aclose()  # type: ignore[attr-defined]


async def test_my_queue_position_follows_my_ticket_live(gql: GraphQLClient) -> None:
    centre, matter = await fresh_centre(), await counter_matter()
    resident = await new_resident()
    token = await token_of(resident)
    clerk = await _clerk(gql, centre.id)
    ahead = await clerk(WALK_IN, c=centre.code, q="B")
    assert ahead.data["issueWalkInTicket"]["errors"] == []  # type: ignore[index]
    booking = await booking_at(resident, centre, matter, to_shanghai(now()) - timedelta(hours=2))
    await clerk(CHECK_IN, code=booking.check_in_code)  # late: behind the walk-in
    none_yet = await _subscribe(
        "subscription { myQueuePosition { number } }", await token_of(await new_resident())
    )
    assert (await _next(none_yet)) == {"myQueuePosition": None}
    stream = await _subscribe(
        "subscription { myQueuePosition { number state ahead estimatedWaitMinutes window } }",
        token,
    )
    try:
        first = (await _next(stream))["myQueuePosition"]
        assert (first["number"], first["state"], first["ahead"]) == ("B002", "WAITING", 1)
        assert first["estimatedWaitMinutes"] == 10
        await clerk(CALL, c=centre.code, w=1, q=["B"])  # the walk-in
        moved = (await _next(stream))["myQueuePosition"]
        assert (moved["ahead"], moved["estimatedWaitMinutes"]) == (0, 0)
        await clerk(CALL, c=centre.code, w=1, q=["B"])  # finishes the walk-in, calls me
        states = [(await _next(stream))["myQueuePosition"] for _ in range(2)]
        assert states[-1]["state"] == "CALLED" and states[-1]["window"] == 1
    finally:
        await stream.aclose()  # type: ignore[attr-defined]
    anonymous = await SCHEMA.subscribe(
        "subscription { myQueuePosition { number } }", context_value=_context()
    )
    result = await asyncio.wait_for(anonymous.__anext__(), 10)  # type: ignore[union-attr]
    assert result.errors and result.errors[0].extensions["code"] == "UNAUTHENTICATED"


async def test_two_reminder_runs_at_once_remind_each_booking_once() -> None:
    centre, matter = await fresh_centre(), await counter_matter()
    local = to_shanghai(now())
    evening = datetime(local.year, local.month, local.day, 20, 0, tzinfo=SHANGHAI)
    tomorrow = evening + timedelta(days=1)
    residents = [await new_resident() for _ in range(12)]
    due = [
        await booking_at(r, centre, matter, tomorrow.replace(hour=9 + i % 6))
        for i, r in enumerate(residents)
    ]
    cancelled = await booking_at(
        await new_resident(),
        centre,
        matter,
        tomorrow.replace(hour=10),
        state=BookingState.CANCELLED,
    )
    later = await booking_at(residents[0], centre, matter, tomorrow + timedelta(days=1))
    morning = evening.replace(hour=7)
    assert await reminders.remind_tomorrow(morning) == []  # before the reminder hour
    first, second = await asyncio.gather(
        reminders.remind_tomorrow(evening), reminders.remind_tomorrow(evening)
    )
    mine = {b.id for b in due}
    assert not (set(first) & set(second))
    assert (set(first) | set(second)) & mine == mine
    assert cancelled.id not in set(first) | set(second) and later.id not in set(first) | set(second)
    assert not set(await reminders.remind_tomorrow(evening)) & mine  # never twice
    for booking, resident in zip(due, residents, strict=True):
        events = await StreamEvent.filter(stream=f"resident:{resident.id}", kind="booking.reminder")
        assert [e.payload["bookingId"] for e in events] == [booking.id]
        texts = await outbox_messages(await phone_of(resident))
        assert [t.template for t in texts] == ["BOOKING_REMINDER"]
        assert centre.short_name in texts[0].text
    assert (await Booking.get(id=cancelled.id)).reminded_at is None


async def test_the_calendar_file_is_its_owners_only(http: httpx.AsyncClient) -> None:
    centre, matter = await fresh_centre(), await counter_matter()
    resident = await new_resident()
    start = datetime(2026, 12, 24, 9, 30, tzinfo=SHANGHAI)
    booking = await booking_at(resident, centre, matter, start)
    url = f"/bookings/{booking.id}.ics"
    response = await http.get(url, headers={"authorization": f"Bearer {await token_of(resident)}"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert response.headers["cache-control"] == "no-store"
    body = response.content.decode("utf-8")
    assert body.endswith("\r\n") and "\n" not in body.replace("\r\n", "")
    for line in body.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75, line
    unfolded = body.replace("\r\n ", "").split("\r\n")
    props = {line.split(":", 1)[0]: line.split(":", 1)[1] for line in unfolded if ":" in line}
    assert unfolded[0] == "BEGIN:VCALENDAR" and unfolded[-2] == "END:VCALENDAR"
    assert props["VERSION"] == "2.0" and props["PRODID"]
    assert props["UID"] == f"booking-{booking.id}@tongban.sh.gov.cn"
    assert props["DTSTART;TZID=Asia/Shanghai"] == "20261224T093000"
    assert props["DTEND;TZID=Asia/Shanghai"] == "20261224T100000"
    assert props["DTSTAMP"].endswith("Z") and props["STATUS"] == "CONFIRMED"
    location = props["LOCATION"].replace("\\,", ",").replace("\\;", ";")
    assert centre.address in location
    assert booking.check_in_code not in body
    assert unfolded.count("BEGIN:VEVENT") == 1 and "TZID:Asia/Shanghai" in unfolded

    other = await http.get(
        url, headers={"authorization": f"Bearer {await token_of(await new_resident())}"}
    )
    assert (other.status_code, other.json()["code"]) == (404, "NOT_FOUND")
    account, password = await make_staff(StaffRole.CLERK, centre.id)
    staff = await staff_token(GraphQLClient(), account, password)
    assert (await http.get(url, headers={"authorization": f"Bearer {staff}"})).status_code == 404
    assert (await http.get(url)).status_code == 401
    missing = await http.get(
        "/bookings/2147483647.ics", headers={"authorization": f"Bearer {await token_of(resident)}"}
    )
    assert missing.status_code == 404
    huge = await http.get(
        f"/bookings/{10**30}.ics", headers={"authorization": f"Bearer {await token_of(resident)}"}
    )
    assert huge.status_code == 404


async def test_tickets_keep_their_times_and_window(gql: GraphQLClient) -> None:
    centre = await fresh_centre()
    clerk = await _clerk(gql, centre.id)
    issued = (await clerk(WALK_IN, c=centre.code, q="D")).data["issueWalkInTicket"]["ticket"]  # type: ignore[index]
    called = (await clerk(CALL, c=centre.code, w=9, q=["D"])).data["callNext"]["ticket"]  # type: ignore[index]
    await clerk(FINISH, id=called["id"])
    row = await QueueTicket.get(centre_id=centre.id, number=issued["number"])
    assert row.state is TicketState.FINISHED and row.window == 9
    assert row.issued_at <= row.called_at <= row.finished_at  # type: ignore[operator]
