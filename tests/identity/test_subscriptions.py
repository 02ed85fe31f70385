"""WebSocket subscriptions authenticate in connection_init (graphql-transport-ws)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from strawberry import relay
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from backend.identity.events import account_channel
from backend.platform import infra
from backend.platform.tokens import SubjectKind
from tests.conftest import GraphQLClient, LiveServer
from tests.identity.helpers import LOGOUT, VERIFY, registry_person, sign_in

SUBSCRIBE = "subscription { accountEvents { kind sessionId reason } }"


async def _open(server: LiveServer, payload: dict[str, Any] | None) -> ClientConnection:
    ws = await connect(f"{server.ws_url}/graphql", subprotocols=["graphql-transport-ws"])  # type: ignore[list-item]
    await ws.send(json.dumps({"type": "connection_init", "payload": payload or {}}))
    return ws


async def _receive(ws: ClientConnection) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(await asyncio.wait_for(ws.recv(), 10))
    return message


async def _subscribe(ws: ClientConnection) -> None:
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}}))


async def test_anonymous_subscription_to_private_data_is_refused(live_server: LiveServer) -> None:
    ws = await _open(live_server, None)
    try:
        assert (await _receive(ws))["type"] == "connection_ack"
        await _subscribe(ws)
        message = await _receive(ws)
        assert message["type"] in ("error", "next")
        errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
        assert errors[0]["extensions"] == {"code": "UNAUTHENTICATED", "reason": "NOT_SIGNED_IN"}
    finally:
        await ws.close()


@pytest.mark.parametrize("authorization", ["Bearer not-a-token", "Basic abc", "Bearer "])
async def test_a_bad_token_in_connection_init_closes_the_socket(
    live_server: LiveServer, authorization: str
) -> None:
    ws = await _open(live_server, {"authorization": authorization})
    with pytest.raises(ConnectionClosed) as closed:
        await _receive(ws)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403


async def test_a_revoked_session_cannot_connect(
    gql: GraphQLClient, live_server: LiveServer
) -> None:
    tokens = await sign_in(gql)
    await gql.with_token(tokens["accessToken"])(LOGOUT)
    ws = await _open(live_server, {"authorization": f"Bearer {tokens['accessToken']}"})
    with pytest.raises(ConnectionClosed) as closed:
        await _receive(ws)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403


async def test_the_owner_hears_their_account_events_until_signed_out(
    gql: GraphQLClient, live_server: LiveServer, redis_client: Any
) -> None:
    tokens = await sign_in(gql)
    ws = await _open(live_server, {"authorization": f"Bearer {tokens['accessToken']}"})
    try:
        ack = await _receive(ws)
        assert ack == {"type": "connection_ack", "payload": {"role": "RESIDENT"}}
        await _subscribe(ws)
        resident_pk = relay.GlobalID.from_id(tokens["residentId"]).node_id
        channel = infra.current().channel(account_channel(SubjectKind.RESIDENT, resident_pk))
        await _until_listening(redis_client, channel)

        person = await registry_person()
        client = gql.with_token(tokens["accessToken"])
        verified = await client(VERIFY, name=person.name, idNumber=person.id_number)
        assert verified.data["verifyRealName"]["errors"] == []  # type: ignore[index]
        assert await _next_event(ws, "REAL_NAME_VERIFIED")

        await client(LOGOUT)
        revoked = await _next_event(ws, "SESSION_REVOKED")
        assert revoked["reason"] == "LOGOUT"
        assert (await _receive(ws)) == {"type": "complete", "id": "1"}
    finally:
        await ws.close()


async def _until_listening(redis_client: Any, channel: str) -> None:
    for _ in range(200):
        if await redis_client.pubsub_channels(channel):
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the subscription never reached Redis")


async def _next_event(ws: ClientConnection, kind: str) -> dict[str, Any]:
    # Other test workers share the Redis server; skip anything that is not ours.
    while True:
        message = await _receive(ws)
        assert message["type"] == "next", message
        event: dict[str, Any] = message["payload"]["data"]["accountEvents"]
        if event["kind"] == kind:
            return event
