"""GraphQL fuzzing against the real server (uvicorn subprocess on PostgreSQL + Redis).

Two parts, anonymously and as each role (unverified resident, verified resident, clerk,
admin):

- schemathesis (hypothesis-graphql) generates documents for every root field, with
  edge-biased strategies for the custom scalars (Date, DateTime, ID);
- a sweep sends hostile values as JSON *variables* to every argument and input field the
  schema has (NUL, lone surrogates, over-long text, out-of-range integers and global IDs,
  edge dates), which literals inside a document cannot carry.

It fails on any 5xx and on any INTERNAL_ERROR, and prints the operations sent per role
and the error codes answered. TONGBAN_FUZZ_EXAMPLES sets the generated documents per root
field and role (default 30: about 5,500 operations in all); the README has a longer run.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import graphql
import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode
from schemathesis.graphql import nodes

from backend.settings import PROJECT_ROOT
from tests.conftest import REDIS_URL, SEED_DIR, postgres_url_for, recreate_database, worker_id
from tests.realserver import start_server as _start_server

EXAMPLES = int(os.environ.get("TONGBAN_FUZZ_EXAMPLES", "30"))
PASSWORD = "tongban-demo"
REFRESH_AFTER_SECONDS = 600  # access tokens last 15 minutes
# Mutations that would end the session a role fuzzes with (logout ends the session of the
# access token it is sent with) or disable the account it uses (setStaffActive as the
# admin, with a generated ID that may be the admin's own): generated documents for them go
# anonymously only, where they answer UNAUTHENTICATED / FORBIDDEN or fail on their input.
# The hostile sweep still sends setStaffActive for every role (no hostile ID is valid) but
# logout only anonymously. Each role checks at the end that it was still signed in.
GENERATED_SIGNED_IN_EXCLUDED = {"logout", "setStaffActive"}
SWEEP_SIGNED_IN_EXCLUDED = {"logout"}

INT32_MAX = 2**31 - 1
TYPE_NAMES = ["Centre", "Matter", "Department", "Resident", "StaffMember", "AuditEvent", "X"]


def _gid(type_name: str, key: object) -> str:
    return base64.b64encode(f"{type_name}:{key}".encode()).decode()


def _cursor(offset: object) -> str:
    return base64.b64encode(f"cursor:{offset}".encode()).decode()


EDGE_DATES = ["0001-01-01", "9999-12-31", "2026-02-29", "2024-02-29", "1900-01-01", "x"]
EDGE_DATETIMES = [
    "0001-01-01T00:00:00+14:00",
    "0001-01-01T00:00:00",
    "0001-01-01T07:59:59Z",
    "9999-12-31T23:59:59-12:00",
    "9999-12-31T23:59:59",
    "9999-12-31T20:00:00+00:00",
    "2026-10-01T09:00:00+08:00",
    "2026-13-01T00:00:00",
    "",
]
HOSTILE_STRINGS = [
    "\x00",
    "a\x00b",
    "\ud800",
    "x\udfffy",
    "\u200b\ufeff\u200d",
    "\u202e310101",
    "a" * 17,
    "a" * 65,
    "字" * 129,
    "a" * 257,
    "a" * 5000,
    " ",
    "%_\\",
    "'; select 1; --",
    "２０２６",
    "\U0001f600" * 40,
]
HOSTILE_IDS = [
    *[_gid(t, k) for t in TYPE_NAMES for k in (0, INT32_MAX + 1)],
    *[_gid("StaffMember", k) for k in (-1, INT32_MAX, 2**63, 10**40)],
    _gid("Centre", "١٢"),
    _gid("Centre", "²"),
    _gid("Centre", "1\x00"),
    _gid("Centre", " 1"),
    _gid("Centre", "1_0"),
    "\x00",
    "\ud800",
    "Q2VudHJlOjE",  # missing padding
    "a" * 300,
    "",
]
HOSTILE_CURSORS = [
    *[_cursor(k) for k in (-1, INT32_MAX, INT32_MAX + 1, 2**63, 10**40, "١", "²", " 1", "1_0")],
    "\x00",
    "\ud800",
    "a" * 300,
]
HOSTILE_INTS = [0, -1, INT32_MAX, -(2**31)]
HOSTILE_FLOATS = [float(INT32_MAX), -1e308, 1e308, 0.0, 90.0000001]
HOSTILE_DATES = [*EDGE_DATES, "\x00", "\ud800", "a" * 300]
HOSTILE_DATETIMES = [*EDGE_DATETIMES, "\x00", "\ud800", "a" * 300]


def _register_scalars() -> None:
    def text(values: list[str]) -> st.SearchStrategy[graphql.ValueNode]:
        return st.sampled_from(values).map(nodes.String)

    dates = st.dates().map(lambda d: d.isoformat())
    offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
        lambda m: f"{'+' if m >= 0 else '-'}{abs(m) // 60:02d}:{abs(m) % 60:02d}"
    )
    datetimes = st.tuples(st.datetimes(), st.one_of(st.just(""), st.just("Z"), offsets)).map(
        lambda p: p[0].isoformat() + p[1]
    )
    schemathesis.graphql.scalar(
        "Date", st.one_of(dates.map(nodes.String), text(EDGE_DATES), st.text().map(nodes.String))
    )
    schemathesis.graphql.scalar(
        "DateTime",
        st.one_of(datetimes.map(nodes.String), text(EDGE_DATETIMES), st.text().map(nodes.String)),
    )
    keys = st.one_of(
        st.integers(min_value=-(2**70), max_value=2**70), st.sampled_from([1, 2, 3, INT32_MAX])
    )
    global_ids = st.tuples(st.sampled_from(TYPE_NAMES), keys).map(lambda p: _gid(*p))
    schemathesis.graphql.scalar(
        "ID", st.one_of(global_ids, st.text(), st.integers().map(str)).map(nodes.String)
    )
    for name in ("Time", "JSON"):  # output only, but the loader wants a strategy
        schemathesis.graphql.scalar(name, st.just(nodes.Null))


@dataclass
class Tally:
    sent: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    examples: dict[str, str] = field(default_factory=dict)

    def record(self, response: httpx.Response, document: str, variables: object = None) -> None:
        self.sent += 1
        if response.status_code >= 500:
            self.codes[f"HTTP {response.status_code}"] += 1
            self.failures.append(f"HTTP {response.status_code}: {document!r} {variables!r}")
            return
        if "Traceback" in response.text:
            self.failures.append(f"traceback in the answer: {document!r} {variables!r}")
        try:
            body = response.json()
        except ValueError:
            self.codes[f"HTTP {response.status_code} (not JSON)"] += 1
            if response.status_code == 200:
                self.failures.append(f"200 without JSON: {document!r} {variables!r}")
            return
        errors = body.get("errors") or [] if isinstance(body, dict) else []
        if not errors:
            self.codes["(no error)"] += 1
        for error in errors:
            code = (error.get("extensions") or {}).get("code", "(no code)")
            self.codes[code] += 1
            self.examples.setdefault(code, f"{document[:200]!r} {str(variables)[:80]}")
            if code in ("INTERNAL_ERROR", "(no code)"):
                self.failures.append(f"{code} at {error.get('path')}: {document!r} {variables!r}")


@dataclass(frozen=True)
class FuzzServer:
    base: str
    env: dict[str, str]
    log: Path


@pytest.fixture(scope="module")
async def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[FuzzServer]:
    var = tmp_path_factory.mktemp("fuzz")
    name = f"tongban_fuzz_{worker_id()}"
    await recreate_database(name)
    env = {
        "TONGBAN_DATABASE_URL": postgres_url_for(name),
        "TONGBAN_REDIS_URL": REDIS_URL,
        "TONGBAN_VAR_DIR": str(var),
        "TONGBAN_SEED_DIR": str(SEED_DIR),
        # Fresh rate limits each run: sign-in codes are limited to one a minute per phone.
        "TONGBAN_REDIS_KEY_PREFIX": f"fuzz-{uuid.uuid4().hex[:8]}:",
        # schemathesis reads the schema by introspection, which production turns off.
        "TONGBAN_INTROSPECTION": "true",
    }
    for base in _start_server(env, var / "server.log"):
        yield FuzzServer(base, env, var / "server.log")


def _post(client: httpx.Client, query: str, token: str | None = None, **variables: Any) -> Any:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


def _outbox_code(server: FuzzServer, phone: str) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "backend", "sms-outbox", "--phone", phone, "--limit", "1"],
        env={**os.environ, **server.env},
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"(?<!\d)(\d{6})(?!\d)", out)
    assert match, "no code in the outbox"
    return match.group(1)


@dataclass
class Session:
    """A role's tokens; the access token (15 minutes) is refreshed before it runs out, so
    a long run stays signed in. Anonymous: no tokens."""

    client: httpx.Client
    access: str | None = None
    refresh: str | None = None
    issued: float = field(default_factory=time.monotonic)

    @classmethod
    def from_tokens(cls, client: httpx.Client, tokens: dict[str, str]) -> Session:
        return cls(client, tokens["accessToken"], tokens["refreshToken"])

    @property
    def signed_in(self) -> bool:
        return self.access is not None

    def headers(self) -> dict[str, str]:
        if self.access is None:
            return {}
        if time.monotonic() - self.issued > REFRESH_AFTER_SECONDS:
            rotated = _post(
                self.client,
                "mutation($t: String!) { refreshToken(refreshToken: $t) "
                "{ tokens { accessToken refreshToken } errors { code } } }",
                t=self.refresh,
            )["data"]["refreshToken"]
            assert rotated["errors"] == [], rotated
            self.access = rotated["tokens"]["accessToken"]
            self.refresh = rotated["tokens"]["refreshToken"]
            self.issued = time.monotonic()
        return {"authorization": f"Bearer {self.access}"}


TOKENS = "tokens { accessToken refreshToken } errors { code }"


def _resident_session(client: httpx.Client, server: FuzzServer, phone: str) -> Session:
    sent = _post(
        client,
        "mutation($p: String!) { requestLoginCode(phone: $p) { errors { code } } }",
        p=phone,
    )
    assert sent["data"]["requestLoginCode"]["errors"] == [], sent
    login = _post(
        client,
        f"mutation($p: String!, $c: String!) {{ login(phone: $p, code: $c) {{ {TOKENS} }} }}",
        p=phone,
        c=_outbox_code(server, phone),
    )["data"]["login"]
    assert login["errors"] == [], login
    return Session.from_tokens(client, login["tokens"])


def _staff_session(client: httpx.Client, username: str) -> Session:
    login = _post(
        client,
        f"mutation($u: String!, $p: String!) {{ staffLogin(username: $u, password: $p) "
        f"{{ {TOKENS} }} }}",
        u=username,
        p=PASSWORD,
    )["data"]["staffLogin"]
    assert login["errors"] == [], login
    return Session.from_tokens(client, login["tokens"])


def _role_sessions(client: httpx.Client, server: FuzzServer) -> dict[str, Session]:
    """Every role signs in before fuzzing starts (README's demo accounts): the fuzzing
    itself soon exhausts the sign-in rate limits of its address."""
    sessions = {
        "anonymous": Session(client),
        "resident (unverified)": _resident_session(client, server, "13800000003"),
        "resident (verified)": _resident_session(client, server, "13800000001"),
        "clerk": _staff_session(client, "wlq-clerk1"),
        "admin": _staff_session(client, "admin"),
    }
    expected = {
        "resident (unverified)": {"role": "RESIDENT", "verified": False},
        "resident (verified)": {"role": "RESIDENT", "verified": True},
        "clerk": {"role": "CLERK", "verified": False},
        "admin": {"role": "ADMIN", "verified": False},
    }
    for role, me in expected.items():
        answer = client.post(
            "/graphql", json={"query": "{ me { role verified } }"}, headers=sessions[role].headers()
        ).json()
        assert answer["data"]["me"] == me, (role, answer)
    return sessions


# -- generated documents (schemathesis) ---------------------------------------------------


def _generated(schema: Any, client: httpx.Client, session: Session, tally: Tally) -> None:
    for result in schema.get_all_operations():
        operation = result.ok()
        field_name = operation.definition.field_name
        if session.signed_in and field_name in GENERATED_SIGNED_IN_EXCLUDED:
            continue
        strategies = [operation.as_strategy(GenerationMode.POSITIVE)]
        if operation.definition.raw.args:
            strategies.append(operation.as_strategy(GenerationMode.NEGATIVE))

        @settings(
            max_examples=EXAMPLES,
            database=None,
            deadline=None,
            derandomize=False,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=st.one_of(strategies))
        def send(case: Any) -> None:
            response = client.post("/graphql", json={"query": case.body}, headers=session.headers())
            tally.record(response, case.body)

        send()


# -- hostile variables ---------------------------------------------------------------------


def _benign(type_: graphql.GraphQLInputType) -> Any:
    named = graphql.get_named_type(type_)
    if isinstance(named, graphql.GraphQLEnumType):
        return next(iter(named.values))
    if isinstance(named, graphql.GraphQLInputObjectType):
        return {}
    return {
        "String": "310101-01",
        "ID": _gid("Centre", 1),
        "Int": 1,
        "Float": 31.2,
        "Boolean": True,
        "Date": "2026-10-01",
        "DateTime": "2026-10-01T09:00:00+08:00",
    }.get(named.name, None)


def _hostile(name: str, type_: graphql.GraphQLInputType) -> list[Any]:
    named = graphql.get_named_type(type_)
    if isinstance(named, graphql.GraphQLInputObjectType):
        return [
            {field_name: value}
            for field_name, input_field in named.fields.items()
            for value in _hostile(field_name, input_field.type)
        ]
    if named.name == "String" and name in ("after", "before"):
        return HOSTILE_CURSORS + HOSTILE_STRINGS
    return {
        "String": HOSTILE_STRINGS,
        "ID": HOSTILE_IDS,
        "Int": HOSTILE_INTS,
        "Float": HOSTILE_FLOATS,
        "Date": HOSTILE_DATES,
        "DateTime": HOSTILE_DATETIMES,
    }.get(named.name, [])


def _selection(type_: graphql.GraphQLOutputType) -> str:
    named = graphql.get_named_type(type_)
    return (
        ""
        if isinstance(named, graphql.GraphQLScalarType | graphql.GraphQLEnumType)
        else (" { __typename }")
    )


def _reachable_fields(
    schema: graphql.GraphQLSchema,
) -> Iterator[tuple[str, list[str], str, graphql.GraphQLField]]:
    """(operation type, path of fields leading there, field name, field) for every field
    with arguments reachable from a root through fields without required arguments."""
    roots = [("query", schema.query_type), ("mutation", schema.mutation_type)]
    seen: set[tuple[str, str]] = set()
    queue: list[tuple[str, list[str], graphql.GraphQLObjectType]] = [
        (kind, [], root) for kind, root in roots if root is not None
    ]
    while queue:
        kind, path, type_ = queue.pop(0)
        for field_name, field_def in type_.fields.items():
            if (type_.name, field_name) in seen:
                continue
            seen.add((type_.name, field_name))
            if field_def.args:
                yield kind, path, field_name, field_def
            required = [a for a in field_def.args.values() if graphql.is_non_null_type(a.type)]
            target = graphql.get_named_type(field_def.type)
            if not required and isinstance(target, graphql.GraphQLObjectType) and len(path) < 4:
                step = f"{field_name}(first: 1)" if "first" in field_def.args else field_name
                queue.append((kind, [*path, step], target))


def _hostile_documents(schema: graphql.GraphQLSchema) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for kind, path, field_name, field_def in _reachable_fields(schema):
        for arg_name, arg in field_def.args.items():
            for value in _hostile(arg_name, arg.type):
                variables: dict[str, Any] = {arg_name: value}
                for other_name, other in field_def.args.items():
                    if other_name != arg_name and graphql.is_non_null_type(other.type):
                        variables[other_name] = _benign(other.type)
                declared = ", ".join(f"${n}: {field_def.args[n].type}" for n in variables)
                call = ", ".join(f"{n}: ${n}" for n in variables)
                inner = f"{field_name}({call}){_selection(field_def.type)}"
                for step in reversed(path):
                    inner = f"{step} {{ {inner} }}"
                yield field_name, f"{kind}({declared}) {{ {inner} }}", variables


def _hostile_sweep(
    schema: graphql.GraphQLSchema, client: httpx.Client, session: Session, tally: Tally
) -> None:
    for field_name, document, variables in _hostile_documents(schema):
        if session.signed_in and field_name in SWEEP_SIGNED_IN_EXCLUDED:
            continue
        # ASCII JSON: "\ud800" travels as an escape, as a hostile client would send it.
        body = json.dumps({"query": document, "variables": variables})
        headers = {"content-type": "application/json", **session.headers()}
        response = client.post("/graphql", content=body, headers=headers)
        tally.record(response, document, variables)


def test_no_input_makes_the_server_fail(
    fuzz_server: FuzzServer, record_property: Callable[[str, object], None]
) -> None:
    _register_scalars()
    started = time.monotonic()
    with httpx.Client(base_url=fuzz_server.base, timeout=60) as client:
        sessions = _role_sessions(client, fuzz_server)
        schema = schemathesis.graphql.from_url(f"{fuzz_server.base}/graphql")
        client_schema = schema.client_schema
        tallies: dict[str, Tally] = {}
        timings: dict[str, str] = {}
        for role, session in sessions.items():
            tally = tallies[role] = Tally()
            began = time.monotonic()
            _generated(schema, client, session, tally)
            generated, middle = tally.sent, time.monotonic()
            _hostile_sweep(client_schema, client, session, tally)
            if session.signed_in:  # the role's session survived its own run
                me = client.post(
                    "/graphql", json={"query": "{ me { role } }"}, headers=session.headers()
                ).json()
                assert me["data"]["me"] is not None, (role, me)
            timings[role] = (
                f"{generated} generated in {middle - began:.0f} s, "
                f"{tally.sent - generated} hostile in {time.monotonic() - middle:.0f} s"
            )
    elapsed = time.monotonic() - started

    total = sum(t.sent for t in tallies.values())
    lines = [f"GraphQL fuzz: {total} operations in {elapsed:.0f} s ({EXAMPLES} per field)"]
    for role, tally in tallies.items():
        codes = ", ".join(f"{code} x{n}" for code, n in tally.codes.most_common())
        lines.append(f"  {role}: {tally.sent} operations ({timings[role]}); {codes}")
    if os.environ.get("TONGBAN_FUZZ_VERBOSE"):  # one example document per code and role
        for role, tally in tallies.items():
            lines += [f"  {role} {code}: {example}" for code, example in tally.examples.items()]
    print("\n".join(lines))
    record_property("summary", "\n".join(lines))  # shown at the end of the run, even under xdist

    failures = [f for t in tallies.values() for f in t.failures]
    logged = [
        line
        for line in fuzz_server.log.read_text(errors="replace").splitlines()
        if "unexpected error" in line or "Traceback" in line
    ]
    assert not failures, f"{len(failures)} failures, e.g.:\n" + "\n".join(failures[:30])
    assert not logged, "\n".join(logged[:30])
