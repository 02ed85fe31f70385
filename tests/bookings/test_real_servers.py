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
