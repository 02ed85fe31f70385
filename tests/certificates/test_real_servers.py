"""一次一验 across two app instances started as real servers (`python -m backend serve`) on
one PostgreSQL and one Redis: a code verified on one instance is refused on the other,
and one code sent to both at once is accepted exactly once."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx

from tests.bookings.servers import instances
from tests.certificates.helpers import (
    ID_MATTER,
    PRESENT,
    VERIFY,
    certificate_of,
    clerk_token,
    holder,
)
from tests.conftest import GraphQLClient


async def _call(
    client: httpx.AsyncClient, base: str, token: str, query: str, **variables: Any
) -> dict[str, Any]:
    response = await client.post(
        f"{base}/graphql",
        json={"query": query, "variables": variables},
        headers={"authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert body.get("data"), body
    return body["data"]


async def test_a_code_verifies_once_across_two_instances(
    database_url: str, gql: GraphQLClient, tmp_path: Path
) -> None:
    resident = await holder(gql)
    card = await certificate_of(resident, "ID_CARD")  # copied from the library here
    clerk_token_a = await clerk_token(gql)
    clerk_token_b = await clerk_token(gql, "310104-01")
    with instances(database_url, 2, tmp_path) as (first, second):
        async with httpx.AsyncClient(timeout=120) as client:

            async def presentation(base: str) -> str:
                data = await _call(client, base, resident.token, PRESENT, c=card["id"], f=None)
                assert data["presentCertificate"]["errors"] == []
                return str(data["presentCertificate"]["presentation"]["token"])

            async def verify(base: str, clerk_token: str, token: str) -> dict[str, Any]:
                data = await _call(client, base, clerk_token, VERIFY, t=token, m=ID_MATTER, c=None)
                assert data["verifyCertificate"]["errors"] == []
                return dict(data["verifyCertificate"]["verification"])

            token = await presentation(first)
            assert (await verify(first, clerk_token_a, token))["result"] == "SUCCESS"
            replay_b = await verify(second, clerk_token_b, token)
            assert (replay_b["result"], replay_b["reason"]) == ("ALREADY_USED", "REPLAYED")
            replay_a = await verify(first, clerk_token_a, token)
            assert replay_a["result"] == "ALREADY_USED"

            # One code, 20 scans at once, half on each instance: exactly one succeeds.
            token = await presentation(second)
            results = await asyncio.gather(
                *(
                    verify(
                        first if i % 2 else second, clerk_token_a if i % 2 else clerk_token_b, token
                    )
                    for i in range(20)
                )
            )
    outcomes = sorted(r["result"] for r in results)
    assert outcomes.count("SUCCESS") == 1 and outcomes.count("ALREADY_USED") == 19
