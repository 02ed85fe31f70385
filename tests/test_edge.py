"""The edge: one client address for everyone downstream, request ids, the access log, and
GraphQL over GET for anonymous queries only."""

from __future__ import annotations

import asyncio
import json
import re
from urllib.parse import urlencode

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from websockets.asyncio.client import connect

from backend.platform.edge import AccessLog, ClientAddress, scrub
from backend.platform.requestmeta import RequestMeta
from tests.conftest import LiveServer, capture_logs

ACCESS = "tongban.access"


async def _whoami(request: Request) -> PlainTextResponse:
    meta = RequestMeta.from_scope(request.scope)
    return PlainTextResponse(f"{request.client.host if request.client else None}|{meta.request_id}")


async def _boom(request: Request) -> PlainTextResponse:
    raise RuntimeError("boom")


def _client(trusted: list[str], peer: str = "10.0.0.2") -> httpx.AsyncClient:
    app = Starlette(
        routes=[Route("/", _whoami), Route("/boom", _boom)],
        middleware=[
            Middleware(ClientAddress, trusted_proxies=trusted),
            Middleware(AccessLog),
        ],
    )
    transport = httpx.ASGITransport(app=app, client=(peer, 40000), raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://edge.test")


async def test_the_resolved_address_is_what_everything_downstream_sees() -> None:
    spoofed = {"X-Forwarded-For": "1.2.3.4, 203.0.113.7"}
    async with _client([]) as untrusting:
        assert (await untrusting.get("/", headers=spoofed)).text.startswith("10.0.0.2|")
    async with _client(["10.0.0.0/8"]) as trusting:
        assert (await trusting.get("/", headers=spoofed)).text.startswith("203.0.113.7|")
        assert (await trusting.get("/")).text.startswith("10.0.0.2|")
    async with _client(["10.0.0.0/8"], peer="198.51.100.1") as direct:
        assert (await direct.get("/", headers=spoofed)).text.startswith("198.51.100.1|")


async def test_one_request_id_for_the_response_the_context_and_the_log() -> None:
    async with _client([]) as client:
        with capture_logs(ACCESS) as lines:
            kept = await client.get("/", headers={"X-Request-ID": "upstream-id-0001"})
            replaced = await client.get("/", headers={"X-Request-ID": "13800000001 张伟".encode()})
            fresh = await client.get("/")
    assert kept.headers["x-request-id"] == "upstream-id-0001"
    assert kept.text.endswith("|upstream-id-0001")
    for response in (replaced, fresh):
        request_id = response.headers["x-request-id"]
        assert re.fullmatch(r"[0-9a-f]{32}", request_id)
        assert response.text.endswith(f"|{request_id}")
    assert [line.split("rid=")[1].split()[0] for line in lines] == [
        r.headers["x-request-id"] for r in (kept, replaced, fresh)
    ]


async def test_access_lines_carry_no_query_string_nor_the_address() -> None:
    async with _client([]) as client:
        with capture_logs(ACCESS) as lines:
            await client.get("/?phone=13800000001&name=%E5%BC%A0%E4%BC%9F")
            await client.get("/residents/13800000001/张伟%0aforged line")
            await client.get("/boom")
    source = RequestMeta("x", "10.0.0.2").source_key
    assert re.fullmatch(
        rf"GET / 200 \d+\.\dms 41B rid=[0-9a-f]{{32}} op=- src={source}", lines[0]
    ), lines[0]
    assert lines[1].startswith("GET /residents/*/*forged*line 404 "), lines[1]
    assert lines[2].startswith("GET /boom 500 "), lines[2]
    assert len(lines) == 3 and not any("\n" in line for line in lines)
    logged = "\n".join(lines)
    for secret in ("13800000001", "张伟", "phone", "10.0.0.2"):
        assert secret not in logged


def test_scrub() -> None:
    assert scrub("/graphql") == "/graphql"
    assert scrub("/a/310101199001011234/b") == "/a/*/b"
    assert scrub("/a/31010119900101123X") == "/a/*X"
    assert scrub("/v2/2024/x") == "/v2/2024/x"  # short numbers stay
    assert scrub("/名字/x y\r\nz") == "/*/x*y*z"
    assert len(scrub("/" + "a" * 1000)) == 200


async def test_the_operation_type_and_name_reach_the_access_log(http: httpx.AsyncClient) -> None:
    with capture_logs(ACCESS) as lines:
        await http.post("/graphql", json={"query": "query Totals { centres { totalCount } }"})
        await http.post("/graphql", json={"query": "{ departments { name } }"})
        await http.post(
            "/graphql",
            json={
                "query": "query A { departments { name } } query B13800000001 { me { role } }",
                "operationName": "B13800000001",
            },
        )
        await http.post("/graphql", json={"query": "{ nope"})
    ops = [line.split("op=")[1].split()[0] for line in lines]
    assert ops == ["query:Totals", "query", "query:B*", "-"]
    assert all(f"src={RequestMeta('x', '203.0.113.10').source_key}" in line for line in lines)


async def _get(http: httpx.AsyncClient, token: str | None = None, **params: str) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await http.get(f"/graphql?{urlencode(params)}", headers=headers)


def _refused(response: httpx.Response) -> str:
    assert response.status_code == 405, response.text
    assert response.headers["allow"] == "POST"
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "METHOD_NOT_ALLOWED"}
    return str(error["message"])


async def test_get_runs_anonymous_queries_with_harmless_variables(http: httpx.AsyncClient) -> None:
    plain = await _get(http, query="{ centres(first: 1) { totalCount } }")
    assert plain.status_code == 200 and plain.json()["data"]["centres"]["totalCount"] > 200
    with_variables = await _get(
        http,
        query="query($n: Int!, $k: CentreKind) "
        "{ centres(first: $n, filter: {kind: $k}) { totalCount } }",
        variables=json.dumps({"n": 1, "k": "CENTRE"}),
    )
    assert with_variables.status_code == 200, with_variables.text
    assert "errors" not in with_variables.json()


async def test_get_refuses_signed_in_callers_mutations_and_string_variables(
    http: httpx.AsyncClient,
) -> None:
    assert "登录" in _refused(await _get(http, "any.token", query="{ me { role } }"))
    mutation = 'mutation { requestLoginCode(phone: "13800000001") { sent } }'
    assert "POST" in _refused(await _get(http, query=mutation))
    subscription = "subscription { accountEvents { kind } }"
    _refused(await _get(http, query=subscription))
    _refused(
        await _get(
            http,
            query="query($q: String) { matters(filter: {search: $q}) { totalCount } }",
            variables=json.dumps({"q": "张伟"}),
        )
    )
    # Values for variables the document does not declare do not ride along either.
    _refused(
        await _get(
            http, query="{ departments { name } }", variables=json.dumps({"phone": "13800000001"})
        )
    )
    # POST stays as it was for all of them.
    posted = await http.post("/graphql", json={"query": mutation})
    assert posted.json()["data"]["requestLoginCode"]["sent"] is True


@pytest.mark.parametrize("query", ["{ nope", "query { departments { name } }  mutation {"])
async def test_get_with_a_broken_document_gets_the_usual_error(
    http: httpx.AsyncClient, query: str
) -> None:
    response = await _get(http, query=query)
    assert response.status_code == 200
    assert response.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_websockets_get_a_line_at_open_and_one_at_close(live_server: LiveServer) -> None:
    url = f"{live_server.ws_url}/graphql?phone=13800000001"
    with capture_logs(ACCESS) as lines:
        async with connect(url, subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
            await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
            assert json.loads(await ws.recv())["type"] == "connection_ack"
        async with connect(
            f"{live_server.ws_url}/graphql",
            subprotocols=["graphql-ws"],  # type: ignore[list-item]
        ) as legacy:
            await legacy.wait_closed()
        for _ in range(200):  # each close line is written once its handler has returned
            if sum(" close " in line for line in lines) == 2:
                break
            await asyncio.sleep(0.01)
    request_id = ws.response.headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    mine = [line for line in lines if f"rid={request_id} " in line]
    assert len(mine) == 2, lines
    assert re.fullmatch(rf"WS /graphql open rid={request_id} src=[0-9a-f]{{16}}", mine[0])
    assert re.fullmatch(
        rf"WS /graphql close \d+\.\dms code=1000 by=client rid={request_id} src=[0-9a-f]{{16}}",
        mine[1],
    ), mine[1]
    assert any(" close " in line and "code=4406 by=server" in line for line in lines), lines
    assert len(lines) == 4 and "13800000001" not in "\n".join(lines)
