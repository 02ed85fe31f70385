"""Live case progress over real servers: two uvicorn instances on one PostgreSQL and one
Redis of their own, graphql-transport-ws clients over real sockets.

A resident on instance A hears a clerk's step taken on instance B; a client that reconnects
with its last cursor gets exactly what it missed, then live updates; the same holds when
Redis is killed (SIGKILL) and restarted while the client is subscribed; bad subscriptions
get their codes and change nothing.

The servers use this worker's test database (migrated and seeded by the `database_url`
fixture) and the test's key files, so the test reads the SMS outbox and puts people in the
registry stand-in directly, as a developer would; everything a user does goes over HTTP or
WebSocket. The Redis is a throwaway `redis-server` on a free port: the shared one on 6379
is never touched.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from strawberry import relay
from websockets.asyncio.client import ClientConnection, connect

from backend.cases.models import Case, CaseState
from backend.centres.models import Centre
from backend.identity.models import Resident, StaffRole
from backend.platform.models import StreamEvent
from tests.cases.helpers import ACCEPTING, COLLECT_FORWARD_MATTER, COLLECTING
from tests.identity.helpers import (
    LOGIN,
    REQUEST_CODE,
    STAFF_LOGIN,
    VERIFY,
    latest_code,
    make_staff,
    new_phone,
    registry_person,
)
from tests.realserver import free_port, start_server

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
RECEIVE_S = 30.0  # how long a test waits for a message at all (the machine is loaded)
LIVE_BOUND_MS = 2000.0  # the bound asserted for a step to reach a subscriber on the other instance

UPDATE = "cursor kind at case { id state } caseEntry { action fromState toState }"
MY_UPDATES = f"subscription($after: String) {{ myUpdates(after: $after) {{ {UPDATE} }} }}"
CASE_PROGRESS = f"""subscription($id: ID!, $after: String) {{
    caseProgress(caseId: $id, after: $after) {{ {UPDATE} }} }}"""
CENTRE_UPDATES = f"""subscription($c: String!, $after: String) {{
    centreUpdates(centreCode: $c, after: $after) {{ {UPDATE} }} }}"""
SUBMIT = """mutation($input: SubmitCaseInput!) { submitCase(input: $input) {
    case { id state } errors { code } } }"""
ADVANCE = """mutation($input: AdvanceCaseInput!) { advanceCase(input: $input) {
    case { state } errors { code } } }"""


# -- a throwaway Redis and two instances on it ----------------------------------------------


class ThrowawayRedis:
    """`redis-server` on a free port, no persistence; killed and restarted on that port."""

    def __init__(self, log: Path) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._log = log
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self._log.open("a") as out:
            self._process = subprocess.Popen(
                [
                    *(REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"),
                    *("--save", "", "--appendonly", "no"),
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 20
        while not _answers(self.port):
            if time.monotonic() > deadline:
                raise AssertionError("redis-server did not start:\n" + self._log.read_text())
            time.sleep(0.05)

    def kill(self) -> None:
        assert self._process is not None
        self._process.send_signal(signal.SIGKILL)
        self._process.wait(timeout=10)
        self._process = None

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)
            self._process = None


def _answers(port: int) -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@dataclass
class Pair:
    a: str
    b: str
    redis: ThrowawayRedis


@pytest.fixture(scope="module")
def pair(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    var = tmp_path_factory.mktemp("live")
    redis = ThrowawayRedis(var / "redis.log")
    redis.start()
    env = {
        "TONGBAN_DATABASE_URL": database_url,
        "TONGBAN_REDIS_URL": redis.url,
        "TONGBAN_REDIS_KEY_PREFIX": f"tongban-rt-live-{uuid.uuid4().hex[:8]}:",
        "TONGBAN_MIGRATE_ON_START": "false",
        "TONGBAN_SEED_ON_START": "false",
        "TONGBAN_STREAM_RELAY_SECONDS": "0.5",
    }
    first = start_server(env, var / "a.log")
    second = start_server(env, var / "b.log")
    try:
        yield Pair(next(first), next(second), redis)
    finally:
        for server in (first, second):
            next(server, None)
        redis.stop()


# -- people, over HTTP -----------------------------------------------------------------------


def _post(base: str, query: str, token: str | None = None, **variables: Any) -> dict[str, Any]:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(
        f"{base}/graphql",
        json={"query": query, "variables": variables},
        headers=headers,
        timeout=30,
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


async def _resident(base: str) -> str:
    """A real-name verified resident whose household registration is at 310110-01."""
    phone = new_phone()
    assert _post(base, REQUEST_CODE, phone=phone)["requestLoginCode"]["errors"] == []
    login = _post(base, LOGIN, phone=phone, code=await latest_code(phone))["login"]
    assert login["errors"] == []
    token: str = login["tokens"]["accessToken"]
    person = await registry_person()
    verified = _post(base, VERIFY, token, name=person.name, idNumber=person.id_number)
    assert verified["verifyRealName"]["errors"] == []
    pk = int(relay.GlobalID.from_id(login["resident"]["id"]).node_id)
    accepting = await Centre.get(code=ACCEPTING)
    await Resident.filter(id=pk).update(household_centre_id=accepting.id)
    return token


async def _clerk(base: str) -> str:
    account, password = await make_staff(StaffRole.CLERK, (await Centre.get(code=ACCEPTING)).id)
    login = _post(base, STAFF_LOGIN, u=account.username, p=password)["staffLogin"]
    assert login["errors"] == []
    return login["tokens"]["accessToken"]  # type: ignore[no-any-return]


def _submit(base: str, resident: str) -> str:
    """A 收受分离 matter handed in at 310101-01, accepted at 310110-01."""
    payload = _post(
        base,
        SUBMIT,
        resident,
        input={"matterCode": COLLECT_FORWARD_MATTER, "centreCode": COLLECTING},
    )["submitCase"]
    assert payload["errors"] == [] and payload["case"]["state"] == "SUBMITTED"
    return payload["case"]["id"]  # type: ignore[no-any-return]


# Clerk steps that a 收受分离 case can take one after another, with the state each leads to;
# REQUEST_SUPPLEMENT and the resident's SUPPLEMENT make a loop for as many as needed.
CLERK = "clerk"
OWNER = "owner"
LOOP = [
    (CLERK, "PASS_PREREVIEW", "PREREVIEW_PASSED"),
    (CLERK, "REQUEST_SUPPLEMENT", "NEEDS_SUPPLEMENT"),
    (OWNER, "SUPPLEMENT", "SUBMITTED"),
]


@dataclass
class Story:
    """A resident, a clerk at the accepting centre, and the resident's case."""

    base: str  # where the steps are taken
    resident: str
    clerk: str
    case_id: str
    step: int = 0

    @property
    def case_pk(self) -> int:
        return int(relay.GlobalID.from_id(self.case_id).node_id)

    def advance(self) -> tuple[str, str]:
        """Takes the next step of the loop on instance `base`: (action, new state)."""
        who, action, state = LOOP[self.step % len(LOOP)]
        self.step += 1
        note = "请补充家庭成员收入证明。" if action == "REQUEST_SUPPLEMENT" else None
        token = self.clerk if who == CLERK else self.resident
        payload = _post(
            self.base,
            ADVANCE,
            token,
            input={"caseId": self.case_id, "action": action, "note": note},
        )["advanceCase"]
        assert payload["errors"] == [], payload
        assert payload["case"]["state"] == state
        return action, state


async def _story(pair: Pair) -> Story:
    resident = await _resident(pair.b)
    clerk = await _clerk(pair.b)
    return Story(pair.b, resident, clerk, _submit(pair.b, resident))


# -- graphql-transport-ws ---------------------------------------------------------------------


class Client:
    """One graphql-transport-ws connection; messages per operation id."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self._queues: dict[str, asyncio.Queue[dict[str, Any]]] = {}
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def open(cls, base: str, token: str | None) -> Client:
        url = base.replace("http://", "ws://") + "/graphql"
        ws = await connect(url, subprotocols=["graphql-transport-ws"])  # type: ignore[list-item]
        payload = {"authorization": f"Bearer {token}"} if token else {}
        await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        ack = json.loads(await asyncio.wait_for(ws.recv(), RECEIVE_S))
        assert ack["type"] == "connection_ack", ack
        return cls(ws)

    async def _read(self) -> None:
        async for raw in self.ws:
            message = json.loads(raw)
            if "id" in message:
                self._queue(message["id"]).put_nowait(message)

    def _queue(self, op: str) -> asyncio.Queue[dict[str, Any]]:
        return self._queues.setdefault(op, asyncio.Queue())

    async def subscribe(self, op: str, query: str, **variables: Any) -> None:
        await self.ws.send(
            json.dumps(
                {"id": op, "type": "subscribe", "payload": {"query": query, "variables": variables}}
            )
        )

    async def message(self, op: str) -> dict[str, Any]:
        return await asyncio.wait_for(self._queue(op).get(), RECEIVE_S)

    async def update(self, op: str) -> dict[str, Any]:
        """The next update of `op` (its only field's value)."""
        message = await self.message(op)
        assert message["type"] == "next" and not message["payload"].get("errors"), message
        (value,) = message["payload"]["data"].values()
        return value  # type: ignore[no-any-return]

    def pending(self, op: str) -> int:
        return self._queue(op).qsize()

    async def close(self) -> None:
        await self.ws.close()
        self._reader.cancel()
        await asyncio.gather(self._reader, return_exceptions=True)


@pytest.fixture
async def clients() -> AsyncIterator[list[Client]]:
    opened: list[Client] = []
    yield opened
    for client in opened:
        await client.close()


def _steps(updates: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(action, state it led to) of each update; `case` is the case as it is now, which for
    an update read from the log may be later."""
    return [(u["caseEntry"]["action"], u["caseEntry"]["toState"]) for u in updates]


# -- a. across instances, within a bound -----------------------------------------------------


async def test_a_clerks_step_on_b_reaches_the_resident_on_a_at_once(
    pair: Pair, clients: list[Client]
) -> None:
    story = await _story(pair)
    client = await Client.open(pair.a, story.resident)
    clients.append(client)
    await client.subscribe("mine", MY_UPDATES)
    await client.subscribe("case", CASE_PROGRESS, id=story.case_id)
    # Each stream starts from its beginning: the submission, read from the log. Once it
    # has come, the subscription is live (follow() listens before it reads the log).
    for op in ("mine", "case"):
        first = await client.update(op)
        assert first["kind"] == "case.progressed"
        assert _steps([first]) == [("SUBMIT", "SUBMITTED")]

    timings = []
    for _ in range(3):
        started = time.monotonic()
        step = story.advance()
        received = {}
        for op in ("mine", "case"):
            update = await client.update(op)
            received[op] = (time.monotonic() - started) * 1000
            assert _steps([update]) == [step]
            assert update["case"]["id"] == story.case_id
            assert update["case"]["state"] == step[1]
        timings.append(received)
    print(
        "\nstep on B -> subscriber on A (ms, from sending the mutation):",
        ", ".join(f"myUpdates {t['mine']:.0f} / caseProgress {t['case']:.0f}" for t in timings),
    )
    assert max(t for r in timings for t in r.values()) < LIVE_BOUND_MS
    await asyncio.sleep(0.3)
    assert client.pending("mine") == client.pending("case") == 0  # nothing twice


# -- b. resume after a reconnect -------------------------------------------------------------


async def test_a_reconnect_with_the_last_cursor_gets_exactly_what_was_missed(
    pair: Pair, clients: list[Client]
) -> None:
    story = await _story(pair)
    client = await Client.open(pair.a, story.resident)
    clients.append(client)
    await client.subscribe("case", CASE_PROGRESS, id=story.case_id)
    seen = [await client.update("case")]  # SUBMIT, from the log
    for _ in range(2):
        step = story.advance()
        seen.append(await client.update("case"))
        assert _steps(seen[-1:]) == [step]
    cursor = seen[-1]["cursor"]
    await client.close()
    clients.remove(client)

    missed = [story.advance() for _ in range(4)]  # nobody listening

    again = await Client.open(pair.a, story.resident)
    clients.append(again)
    await again.subscribe("case", CASE_PROGRESS, id=story.case_id, after=cursor)
    caught_up = [await again.update("case") for _ in missed]
    assert _steps(caught_up) == missed
    live = story.advance()
    assert _steps([await again.update("case")]) == [live]  # no repeat came before it
    cursors = [u["cursor"] for u in [*seen, *caught_up]]
    assert len(set(cursors)) == len(cursors)
    await asyncio.sleep(0.3)
    assert again.pending("case") == 0


# -- d. bad input over the wire --------------------------------------------------------------


async def _refusal(client: Client, op: str) -> dict[str, Any]:
    message = await client.message(op)
    assert message["type"] in ("error", "next"), message
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert len(errors) == 1, errors
    return errors[0]["extensions"]  # type: ignore[no-any-return]


async def test_bad_subscriptions_are_refused_with_their_codes_and_change_nothing(
    pair: Pair, clients: list[Client]
) -> None:
    story = await _story(pair)
    stranger = await _resident(pair.b)
    # A cursor of the owner's case stream, as a client of the owner would hold it.
    owner = await Client.open(pair.a, story.resident)
    clients.append(owner)
    await owner.subscribe("mine", MY_UPDATES)
    await owner.subscribe("case", CASE_PROGRESS, id=story.case_id)
    owners_mine = (await owner.update("mine"))["cursor"]
    owners_case = (await owner.update("case"))["cursor"]
    rows = await StreamEvent.all().count()

    client = await Client.open(pair.a, stranger)
    clients.append(client)
    await client.subscribe("other", CASE_PROGRESS, id=story.case_id)
    assert (await _refusal(client, "other"))["code"] == "NOT_FOUND"
    for op, cursor in [
        ("garbage", "not-a-cursor!"),
        ("theirs", owners_mine),
        ("case", owners_case),
    ]:
        await client.subscribe(op, MY_UPDATES, after=cursor)
        refused = await _refusal(client, op)
        assert refused["code"] == "INVALID_CURSOR" and refused.get("field") == "after"
    # The stranger's own case, followed with a cursor of the owner's case stream.
    own_case = _submit(pair.b, stranger)
    await client.subscribe("own", CASE_PROGRESS, id=own_case, after=owners_case)
    assert (await _refusal(client, "own"))["code"] == "INVALID_CURSOR"
    rows += 4  # the stranger's submission: resident, case and two centre streams

    anonymous = await Client.open(pair.a, None)
    clients.append(anonymous)
    await anonymous.subscribe("anon", CASE_PROGRESS, id=story.case_id)
    assert (await _refusal(anonymous, "anon"))["code"] == "UNAUTHENTICATED"
    await anonymous.subscribe("anon-centre", CENTRE_UPDATES, c=ACCEPTING)
    assert (await _refusal(anonymous, "anon-centre"))["code"] == "UNAUTHENTICATED"

    # Nothing changed: no event, the case as it was; the owner heard nothing more.
    assert await StreamEvent.all().count() == rows
    assert (await Case.get(id=story.case_pk)).state is CaseState.SUBMITTED
    await asyncio.sleep(0.3)
    assert owner.pending("mine") == owner.pending("case") == 0


# -- c. across a Redis restart ---------------------------------------------------------------


async def _healthz(base: str) -> int:
    async with httpx.AsyncClient(timeout=10) as http:
        return (await http.get(f"{base}/healthz")).status_code


async def _until_health(base: str, status: int) -> None:
    for _ in range(300):
        if await _healthz(base) == status:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"{base}/healthz never answered {status}")


async def test_a_subscriber_misses_nothing_when_redis_is_killed_and_restarted(
    pair: Pair, clients: list[Client]
) -> None:
    story = await _story(pair)
    client = await Client.open(pair.a, story.resident)
    clients.append(client)
    await client.subscribe("mine", MY_UPDATES)
    await client.subscribe("case", CASE_PROGRESS, id=story.case_id)
    before = story.advance()
    for op in ("mine", "case"):
        assert _steps([await client.update(op), await client.update(op)]) == [
            ("SUBMIT", "SUBMITTED"),
            before,
        ]

    # Last in the module: after the restart, the instances' rate-limit connections to Redis
    # are stale and the first sign-in on each fails (a finding, see the branch's report).
    pair.redis.kill()
    try:
        await _until_health(pair.a, 503)
        await _until_health(pair.b, 503)
        # Written while Redis is down: the steps commit, their publish fails.
        during = [story.advance() for _ in range(3)]
        unpublished = await StreamEvent.filter(
            stream=f"case:{story.case_pk}", published_at=None
        ).count()
        assert unpublished == len(during)
        await asyncio.sleep(1.0)
        assert client.pending("mine") == client.pending("case") == 0
    finally:
        pair.redis.start()  # same port
    await _until_health(pair.a, 200)
    await _until_health(pair.b, 200)

    for op in ("mine", "case"):
        assert _steps([await client.update(op) for _ in during]) == during
    after = story.advance()
    for op in ("mine", "case"):
        assert _steps([await client.update(op)]) == [after]  # no repeat came before it
    # The relay has published what the outage left behind.
    for _ in range(100):
        left = await StreamEvent.filter(stream=f"case:{story.case_pk}", published_at=None).count()
        if left == 0:
            break
        await asyncio.sleep(0.1)
    assert left == 0
    await asyncio.sleep(1.5)  # relayed copies, if any, arrive by now and must be skipped
    assert client.pending("mine") == client.pending("case") == 0
