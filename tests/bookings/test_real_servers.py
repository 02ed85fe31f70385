"""Capacity across two app instances started as real servers on one PostgreSQL and one
Redis: 200 residents, 100 through each instance at once, for the last 5 seats."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import httpx

from backend.bookings.models import Booking, SlotCounter
from tests.bookings.helpers import (
    at,
    counter_matter,
    fresh_centre,
    new_resident,
    preset_counter,
    token_of,
    workday_ahead,
)
from tests.bookings.servers import instances

BOOK = """mutation($input: BookSlotInput!) { bookSlot(input: $input) {
  booking { id } errors { code } } }"""


async def test_two_instances_sell_the_last_five_seats_exactly_once(
    database_url: str, tmp_path: Path
) -> None:
    centre, matter = await fresh_centre(), await counter_matter()
    start = at(workday_ahead(), 15, 0)
    counter = await preset_counter(centre, matter, start, capacity=20, taken=15)
    tokens = [await token_of(await new_resident()) for _ in range(200)]

    async def book(client: httpx.AsyncClient, base: str, token: str) -> dict:  # type: ignore[type-arg]
        variables = {
            "input": {
                "centreCode": centre.code,
                "matterCode": "GA006",
                "start": start.isoformat(),
                "idempotencyKey": uuid.uuid4().hex,
            }
        }
        response = await client.post(
            f"{base}/graphql",
            json={"query": BOOK, "variables": variables},
            headers={"authorization": f"Bearer {token}"},
        )
        assert response.status_code == 200, response.text
        assert response.json().get("data"), response.text
        return response.json()["data"]["bookSlot"]  # type: ignore[no-any-return]

    with instances(database_url, 2, tmp_path) as (first, second):
        limits = httpx.Limits(max_connections=200)
        async with httpx.AsyncClient(timeout=120, limits=limits) as client:
            payloads = await asyncio.gather(
                *(
                    book(client, first if i % 2 == 0 else second, token)
                    for i, token in enumerate(tokens)
                )
            )
    won = [p for p in payloads if p["booking"]]
    assert len(won) == 5
    assert {p["errors"][0]["code"] for p in payloads if not p["booking"]} == {"SLOT_FULL"}
    assert (await SlotCounter.get(id=counter.id)).taken == 20
    assert await Booking.filter(counter_id=counter.id).count() == 5


WALK_IN = """mutation($c: String!) { issueWalkInTicket(input: {centreCode: $c, queue: "D"}) {
  ticket { id number } errors { code } } }"""
CALL_NEXT = """mutation($c: String!, $w: Int!) {
  callNext(input: {centreCode: $c, window: $w, queues: ["D"]}) {
  ticket { id number window } errors { code } } }"""


async def test_clerks_on_two_instances_calling_at_once_never_share_a_ticket(
    database_url: str, tmp_path: Path
) -> None:
    from backend.bookings.models import QueueTicket, TicketState
    from backend.identity.models import StaffRole
    from tests.conftest import GraphQLClient
    from tests.identity.helpers import make_staff, staff_token

    centre = await fresh_centre()
    tokens = []
    for _ in range(2):
        account, password = await make_staff(StaffRole.CLERK, centre.id)
        tokens.append(await staff_token(GraphQLClient(), account, password))

    async def post(
        client: httpx.AsyncClient, base: str, token: str, query: str, **v: object
    ) -> dict:  # type: ignore[type-arg]
        response = await client.post(
            f"{base}/graphql",
            json={"query": query, "variables": v},
            headers={"authorization": f"Bearer {token}"},
        )
        assert response.status_code == 200, response.text
        assert response.json().get("data"), response.text
        return response.json()["data"]  # type: ignore[no-any-return]

    with instances(database_url, 2, tmp_path) as (first, second):
        async with httpx.AsyncClient(timeout=120) as client:
            issued = await asyncio.gather(
                *(
                    post(client, (first, second)[i % 2], tokens[i % 2], WALK_IN, c=centre.code)
                    for i in range(30)
                )
            )
            numbers = [d["issueWalkInTicket"]["ticket"]["number"] for d in issued]
            assert sorted(numbers) == [f"D{n:03d}" for n in range(1, 31)]
            calls = await asyncio.gather(
                *(
                    post(
                        client, (first, second)[w % 2], tokens[w % 2], CALL_NEXT, c=centre.code, w=w
                    )
                    for w in range(1, 41)
                )
            )
    called = [c["callNext"]["ticket"] for c in calls if c["callNext"]["ticket"]]
    assert len(called) == 30 and len({t["id"] for t in called}) == 30
    assert {c["callNext"]["errors"][0]["code"] for c in calls if not c["callNext"]["ticket"]} == {
        "QUEUE_EMPTY"
    }
    rows = await QueueTicket.filter(centre_id=centre.id)
    assert len(rows) == 30 and all(r.state is TicketState.CALLED for r in rows)
    assert len({r.window for r in rows}) == 30


async def test_two_instances_running_the_reminder_job_remind_each_booking_once(
    database_url: str, tmp_path: Path
) -> None:
    from datetime import timedelta

    from backend.platform.clock import now, to_shanghai
    from backend.platform.models import StreamEvent
    from tests.bookings.helpers import booking_at

    centre, matter = await fresh_centre(), await counter_matter()
    tomorrow = to_shanghai(now()).replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(
        days=1
    )
    residents = [await new_resident() for _ in range(40)]
    due = [
        await booking_at(r, centre, matter, tomorrow + timedelta(minutes=30 * (i % 12)))
        for i, r in enumerate(residents)
    ]
    extra = {"TONGBAN_BOOKING_REMINDER_HOUR": "0", "TONGBAN_BOOKING_REMINDER_JOB_SECONDS": "0.2"}
    with instances(database_url, 2, tmp_path, **extra):
        for _ in range(300):
            if not await Booking.filter(id__in=[b.id for b in due], reminded_at=None).exists():
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(1.0)  # both jobs run a few more rounds
    for booking, resident in zip(due, residents, strict=True):
        events = await StreamEvent.filter(stream=f"resident:{resident.id}", kind="booking.reminder")
        assert [e.payload["bookingId"] for e in events] == [booking.id]
