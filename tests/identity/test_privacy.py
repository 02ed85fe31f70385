"""Personal data: never in logs, never unmasked to anyone but the owner, sealed at rest."""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx
import pytest
from strawberry import relay
from tortoise import connections
from websockets.sync.client import connect

from backend.identity.models import StaffRole
from tests.conftest import GraphQLClient, capture_logs
from tests.identity.helpers import (
    LOGIN,
    ME,
    REQUEST_CODE,
    VERIFY,
    latest_code,
    make_staff,
    new_id_number,
    new_phone,
    registry_person,
    staff_token,
)
from tests.realserver import embedded_env, start_server

RESIDENT_NODE = """query($id: ID!) { node(id: $id) { ... on Resident {
    id phone realName idNumber verified } } }"""
REVEAL = """query($id: ID!) { node(id: $id) { ... on Resident {
    personalData { phone realName idNumber } } } }"""
REVEAL_ME = "{ me { resident { personalData { phone realName idNumber } } } }"


def every_log_line() -> AbstractContextManager[list[str]]:
    """Every record of every logger at DEBUG, SQL statements and their parameters included."""
    return capture_logs("", "tortoise", "tortoise.db_client", "tongban")


def _gid(type_name: str, pk: int | str) -> str:
    return str(relay.GlobalID(type_name, str(pk)))


async def test_id_number_and_phone_never_logged_nor_shown_to_others(
    gql: GraphQLClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    phone = new_phone()
    person = await registry_person("司马相如")
    responses: dict[str, str] = {}

    with every_log_line() as logs:
        await gql(REQUEST_CODE, phone=phone)
        code = await latest_code(phone)
        login = await gql(LOGIN, phone=phone, code=code)
        tokens = login.data["login"]["tokens"]  # type: ignore[index]
        resident_id = login.data["login"]["resident"]["id"]  # type: ignore[index]
        owner = gql.with_token(tokens["accessToken"])
        # Failed attempts, with the real values in the wrong places, go through the logs too.
        await owner(VERIFY, name="司马相", idNumber=person.id_number)
        await owner(VERIFY, name=person.name, idNumber=person.id_number[:17] + "0")
        verified = await owner(VERIFY, name=person.name, idNumber=person.id_number)
        responses["owner.verify"] = json.dumps(verified.data, ensure_ascii=False)
        responses["owner.me"] = json.dumps((await owner(ME)).data, ensure_ascii=False)

        other_tokens = await _sign_in_other(gql)
        other = gql.with_token(other_tokens)
        for query in (RESIDENT_NODE, REVEAL):
            result = await other(query, id=resident_id)
            responses[f"other.{query[:20]}"] = json.dumps(
                {"data": result.data, "errors": result.errors}, ensure_ascii=False
            )
            assert result.codes == ["FORBIDDEN"]

        admin, password = await make_staff(StaffRole.ADMIN, None)
        admin_client = gql.with_token(await staff_token(gql, admin, password))
        masked = await admin_client(RESIDENT_NODE, id=resident_id)
        responses["admin.node"] = json.dumps(masked.data, ensure_ascii=False)
        admin_reveal = await admin_client(REVEAL, id=resident_id)
        responses["admin.reveal"] = json.dumps(
            {"data": admin_reveal.data, "errors": admin_reveal.errors}, ensure_ascii=False
        )
        assert admin_reveal.codes == ["FORBIDDEN"]

        anonymous = await gql(RESIDENT_NODE, id=resident_id)
        responses["anonymous.node"] = json.dumps(anonymous.errors, ensure_ascii=False)
        assert anonymous.codes == ["UNAUTHENTICATED"]

        revealed = await owner(REVEAL_ME)

    everything_logged = "\n".join(logs + [r.getMessage() for r in caplog.records])
    assert any("tortoise" in line or "SELECT" in line for line in logs), "SQL was logged"
    assert "development outbox" in everything_logged  # the SMS adapter did log its line
    for secret in (person.id_number, person.id_number.lower(), phone, person.name, code):
        assert secret not in everything_logged
    assert f"{phone[:3]}****{phone[7:]}" in everything_logged  # masked is fine

    for name, text in responses.items():
        if name.startswith("owner."):
            continue
        assert person.id_number not in text, name
        assert phone not in text, name
        assert person.name not in text, name
    masked_id = person.id_number[:6] + "********" + person.id_number[14:]
    assert masked_id in responses["admin.node"] and masked_id in responses["owner.me"]
    assert person.id_number not in responses["owner.me"]  # masked by default, even for the owner

    # The owner alone may ask for it in the clear.
    assert revealed.data["me"]["resident"]["personalData"] == {  # type: ignore[index]
        "phone": phone,
        "realName": person.name,
        "idNumber": person.id_number,
    }


async def _sign_in_other(gql: GraphQLClient) -> str:
    phone = new_phone()
    await gql(REQUEST_CODE, phone=phone)
    result = await gql(LOGIN, phone=phone, code=await latest_code(phone))
    token: str = result.data["login"]["tokens"]["accessToken"]  # type: ignore[index]
    return token


async def test_nothing_personal_is_stored_in_the_clear(gql: GraphQLClient) -> None:
    phone = new_phone()
    person = await registry_person("上官婉儿")
    await gql(REQUEST_CODE, phone=phone)
    login = await gql(LOGIN, phone=phone, code=await latest_code(phone))
    owner = gql.with_token(login.data["login"]["tokens"]["accessToken"])  # type: ignore[index]
    await owner(VERIFY, name=person.name, idNumber=person.id_number)
    connection = connections.get("default")
    tables = [
        "identity_resident",
        "identity_population_record",
        "identity_login_code",
        "identity_sms_outbox",
        "identity_session",
        "identity_refresh_token",
        "audit_event",
    ]
    for table in tables:
        rows = await connection.execute_query_dict(f"SELECT * FROM {table}")
        dump = json.dumps(rows, default=str, ensure_ascii=False)
        for secret in (person.id_number, phone, person.name):
            assert secret not in dump, table


@pytest.fixture(scope="module")
def logged_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The real server; its whole stdout and stderr go to the log file."""
    var = tmp_path_factory.mktemp("privacy")
    log = var / "server.log"
    for base in start_server(embedded_env(var), log):
        yield base, log


def test_urls_carrying_personal_data_never_reach_the_server_log(
    logged_server: tuple[str, Path],
) -> None:
    base, log = logged_server
    phone, other_phone, code = new_phone(), new_phone(), "482913"
    name, id_number = "欧阳修远", new_id_number()
    graphql = f"{base}/graphql"

    def get(token: str | None = None, **params: str) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.get(f"{graphql}?{urlencode(params)}", headers=headers, timeout=30)

    refused = [
        # A mutation in the query string: refused before it runs (no code is sent).
        get(query=f'mutation {{ requestLoginCode(phone: "{phone}") {{ sent }} }}'),
        get(
            query="mutation($p: String!, $c: String!) { login(phone: $p, code: $c) "
            "{ errors { code } } }",
            variables=json.dumps({"p": phone, "c": code}),
        ),
        get(
            query="mutation($n: String!, $i: String!) { verifyRealName(name: $n, idNumber: $i) "
            "{ errors { code } } }",
            variables=json.dumps({"n": name, "i": id_number}),
        ),
        # A query with string variables, and a signed-in caller's query.
        get(
            query="query($q: String) { matters(filter: {search: $q}) { totalCount } }",
            variables=json.dumps({"q": f"{name} {id_number}"}),
        ),
        get("some.access.token", query=f"{{ me {{ role }} }} # {phone} {code}"),
    ]
    assert [r.status_code for r in refused] == [405] * len(refused)
    assert {r.json()["errors"][0]["extensions"]["code"] for r in refused} == {"METHOD_NOT_ALLOWED"}
    # An anonymous public query may run over GET; its arguments still stay out of the log.
    allowed = get(
        query=f'{{ matters(filter: {{search: "{name} {phone} {code}"}}) {{ totalCount }} }}'
    )
    assert allowed.status_code == 200 and "errors" not in allowed.json()
    # Personal data in the path, and in a WebSocket's query string.
    httpx.get(f"{base}/residents/{phone}/{quote(name)}/{id_number}?code={code}", timeout=30)
    ws_url = base.replace("http://", "ws://") + f"/graphql?phone={phone}&code={code}"
    with connect(ws_url, subprotocols=["graphql-transport-ws"], open_timeout=10) as ws:  # type: ignore[list-item]
        ws.send(json.dumps({"type": "connection_init", "payload": {}}))
        assert json.loads(ws.recv(timeout=10))["type"] == "connection_ack"
    # Bodies are not logged either; this one really sends a code, so the SMS line shows.
    posted = httpx.post(
        graphql, json={"query": REQUEST_CODE, "variables": {"phone": other_phone}}, timeout=30
    )
    assert posted.json()["data"]["requestLoginCode"]["sent"] is True

    logged = _wait_for(log, "WS /graphql close", " POST /graphql 200 ")
    access = [line for line in logged.splitlines() if "tongban.access" in line]
    assert sum(" GET /graphql 405 " in line for line in access) == len(refused), logged
    assert sum(" GET /graphql 200 " in line for line in access) == 1, logged
    assert any(re.search(r" GET /residents/\*/\*/\*X? 200 ", line) for line in access), logged
    assert any(" POST /graphql 200 " in line and "op=mutation" in line for line in access)
    assert any("WS /graphql open" in line for line in access)
    assert f"{other_phone[:3]}****{other_phone[7:]}" in logged  # the SMS adapter's masked line
    assert f"{phone[:3]}****{phone[7:]}" not in logged  # the GET mutation never ran
    for secret in (phone, other_phone, code, name, id_number, quote(name), "phone=", "?"):
        assert secret not in logged, secret


def _wait_for(log: Path, *markers: str) -> str:
    """The log once every marker is in it (a line is written just after its response)."""
    deadline = time.monotonic() + 10
    text = log.read_text()
    while not all(marker in text for marker in markers) and time.monotonic() < deadline:
        time.sleep(0.05)
        text = log.read_text()
    return text
