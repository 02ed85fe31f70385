"""Persisted queries, HTTP caching and the shared response cache (backend/graphql/caching.py,
persisted.py, view.py), against PostgreSQL and Redis; across two real instances at the end."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from backend.centres.models import Centre
from backend.graphql.caching import document_is_public
from backend.platform import infra
from backend.platform.sharedcache import CATALOGUE, MemoryCache
from backend.seeding import load_seed
from backend.settings import PROJECT_ROOT
from tests.conftest import REDIS_URL, SCHEMA, SEED_DIR, GraphQLClient
from tests.identity.helpers import sign_in
from tests.realserver import start_server

CENTRES = "{ centres(first: 3) { totalCount edges { node { code name location { latitude } } } } }"
ME = "{ me { __typename } }"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def apq(text: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha(text)}}


def get_params(query: str | None = None, hashed: str | None = None, **variables: Any) -> str:
    params: dict[str, str] = {}
    if query is not None:
        params["query"] = query
    if hashed is not None:
        params["extensions"] = json.dumps(apq(hashed))
    if variables:
        params["variables"] = json.dumps(variables)
    return "/graphql?" + httpx.QueryParams(params).__str__()


def codes(response: httpx.Response) -> list[str]:
    return [e["extensions"]["code"] for e in response.json().get("errors", [])]


# Which documents are public: decided from the schema's @public marks.


@pytest.mark.parametrize(
    ("query", "public"),
    [
        (CENTRES, True),
        ("{ matters(first: 2) { edges { node { code department { name } } } } }", True),
        ("{ departments { code } __typename }", True),
        ('{ centre(code: "x") { name matters(first: 1) { pageInfo { hasNextPage } } } }', True),
        ("{ centres(first: 1) { edges { node { isOpenAt } } } }", False),  # the clock
        ("{ centres(first: 1) { edges { node { openingHours { note } } } } }", False),
        (ME, False),
        ("{ departments { code } me { __typename } }", False),  # one private field: private
        ('{ node(id: "x") { id } }', False),
        ('{ centreSatisfaction(centreCode: "x") { ratingCount } }', False),
        ("query Q { ...F } fragment F on Query { myBookings { totalCount } }", False),
        ("{ __schema { queryType { name } } }", False),
    ],
)
def test_publicity_comes_from_the_schema(query: str, public: bool) -> None:
    from graphql import parse

    assert document_is_public(SCHEMA._schema, parse(query)) is public


# Automatic Persisted Queries.


async def test_apq_over_post_registers_after_checking_the_hash(http: httpx.AsyncClient) -> None:
    query = CENTRES.replace("first: 3", "first: 2")
    unknown = await http.post("/graphql", json={"extensions": apq(query)})
    assert unknown.status_code == 200
    assert codes(unknown) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert unknown.headers["cache-control"] == "no-store"

    wrong = {"persistedQuery": {"version": 1, "sha256Hash": sha("something else")}}
    mismatch = await http.post("/graphql", json={"query": query, "extensions": wrong})
    assert codes(mismatch) == ["PERSISTED_QUERY_HASH_MISMATCH"]
    # Nothing was registered under the wrong hash.
    still = await http.post("/graphql", json={"extensions": wrong})
    assert codes(still) == ["PERSISTED_QUERY_NOT_FOUND"]

    registered = await http.post("/graphql", json={"query": query, "extensions": apq(query)})
    assert registered.json()["data"]["centres"]["totalCount"] > 0
    by_hash = await http.post("/graphql", json={"extensions": apq(query)})
    assert by_hash.json() == registered.json()
    # POST answers are never cached by anyone.
    assert by_hash.headers["cache-control"] == "no-store"
    assert "etag" not in by_hash.headers


@pytest.mark.parametrize(
    "extensions",
    [
        {"persistedQuery": {"version": 1, "sha256Hash": "zz"}},
        {"persistedQuery": {"version": 2, "sha256Hash": "a" * 64}},
        {"persistedQuery": "nope"},
        {"persistedQuery": {"version": 1, "sha256Hash": "A" * 64}},
    ],
)
async def test_malformed_persisted_query_extensions_are_refused(
    http: httpx.AsyncClient, extensions: dict[str, Any]
) -> None:
    response = await http.post("/graphql", json={"query": CENTRES, "extensions": extensions})
    assert response.status_code == 200
    assert codes(response) == ["INVALID_INPUT"]


async def test_apq_over_get_runs_queries_but_never_mutations(http: httpx.AsyncClient) -> None:
    query = CENTRES.replace("first: 3", "first: 4")
    unknown = await http.get(get_params(hashed=query))
    assert codes(unknown) == ["PERSISTED_QUERY_NOT_FOUND"]
    first = await http.get(get_params(query=query, hashed=query))
    assert first.status_code == 200, first.text
    assert len(first.json()["data"]["centres"]["edges"]) == 4
    by_hash = await http.get(get_params(hashed=query))
    assert by_hash.json() == first.json()

    mutation = "mutation { logout { errors { code } } }"
    refused = await http.get(get_params(query=mutation, hashed=mutation))
    assert refused.status_code == 405
    assert codes(refused) == ["METHOD_NOT_ALLOWED"]
    # Registered over POST (where it may run), the mutation still never runs over GET.
    await http.post("/graphql", json={"query": mutation, "extensions": apq(mutation)})
    refused = await http.get(get_params(hashed=mutation))
    assert refused.status_code == 405
    assert codes(refused) == ["METHOD_NOT_ALLOWED"]


async def test_limits_apply_to_cached_and_persisted_documents(http: httpx.AsyncClient) -> None:
    deep = "{ centres(first: 1) { edges { node { " + "parent { " * 12 + "code" + " }" * 12
    deep += " } } } }"
    aliases = "{ " + " ".join(f"a{i}: departments {{ code }}" for i in range(20)) + " }"
    for query in (deep, aliases):
        expected = None
        for _ in range(3):  # the first validation is cached: later ones must refuse too
            response = await http.post("/graphql", json={"query": query})
            assert response.json()["data"] is None
            assert response.json()["errors"], response.text
            if expected is None:
                expected = response.json()
            assert response.json() == expected
        persisted = await http.post("/graphql", json={"query": query, "extensions": apq(query)})
        assert persisted.json()["data"] is None
        again = await http.post("/graphql", json={"extensions": apq(query)})
        assert again.json()["data"] is None and again.json()["errors"]
    costly = (
        "{ centres(first: 100) { edges { node { matters(first: 100) { edges { node { "
        "department { name } materials { name } } } } } } } }"
    )
    for _ in range(2):
        response = await http.post("/graphql", json={"query": costly})
        assert codes(response) == ["QUERY_TOO_COSTLY"]


# HTTP caching.


async def test_public_get_has_a_strong_etag_and_answers_304(http: httpx.AsyncClient) -> None:
    url = get_params(query=CENTRES)
    first = await http.get(url)
    assert first.status_code == 200
    assert first.headers["cache-control"].startswith("public, max-age=")
    etag = first.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"') and not etag.startswith("W/")
    for header in (etag, f"W/{etag}", f'"nope", {etag}', "*"):
        revalidated = await http.get(url, headers={"If-None-Match": header})
        assert revalidated.status_code == 304, header
        assert revalidated.content == b""
        assert revalidated.headers["etag"] == etag
    for garbage in ('"nope"', "garbage", ",,,", "W/", '"' * 3000, "\x01é"):
        full = await http.get(url, headers={"If-None-Match": garbage.encode("utf-8")})
        assert full.status_code == 200, garbage
        assert full.json() == first.json()
        assert full.headers["etag"] == etag


@pytest.mark.parametrize(
    "query",
    [
        ME,
        "{ departments { code } me { __typename } }",
        "{ centres(first: 2) { edges { node { isOpenAt } } } }",
        '{ centre(code: "no-such-centre") { name } }',  # an error: never cached
    ],
)
async def test_private_or_failed_answers_are_no_store_and_never_kept(
    http: httpx.AsyncClient, query: str
) -> None:
    for _ in range(2):
        response = await http.get(get_params(query=query))
        assert response.status_code == 200
        assert response.headers["cache-control"] == "no-store"
        assert "etag" not in response.headers
    assert await kept_entries(query) == 0


async def kept_entries(query: str) -> int:
    from backend.graphql.caching import answer_key

    _, kept = await infra.current().cache.get_versioned(
        CATALOGUE, answer_key(sha(query), None, None)
    )
    return 0 if kept is None else 1


async def test_a_signed_in_answer_is_never_served_to_anyone_else(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    tokens = await sign_in(gql)
    query = "{ me { role resident { id } } }"
    bearer = {"Authorization": f"Bearer {tokens['accessToken']}"}
    mine = await http.post("/graphql", json={"query": query}, headers=bearer)
    assert mine.json()["data"]["me"]["resident"]["id"] == tokens["residentId"]
    assert mine.headers["cache-control"] == "no-store"
    # Over GET a token is refused outright: personal answers never ride on URLs or caches.
    refused = await http.get(get_params(query=query), headers=bearer)
    assert refused.status_code == 405
    # Anonymous callers get their own (empty) answer, never the resident's.
    for _ in range(2):
        anonymous = await http.get(get_params(query=query))
        assert anonymous.json()["data"]["me"] is None
        assert anonymous.headers["cache-control"] == "no-store"
        posted = await http.post("/graphql", json={"query": query})
        assert posted.json()["data"]["me"] is None
    assert await kept_entries(query) == 0


async def test_a_token_never_reads_the_shared_cache(
    http: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    """A kept public answer is not served to a request with a token (it is refused as any
    signed-in GET is): the cache is read only by anonymous GETs."""
    query = CENTRES.replace("first: 3", "first: 5")
    await http.get(get_params(query=query))
    assert await kept_entries(query) == 1
    refused = await http.get(get_params(query=query), headers={"Authorization": "Bearer x"})
    assert refused.status_code == 405


# The shared response cache and the catalogue version.


async def test_kept_answers_last_until_the_seed_is_loaded(http: httpx.AsyncClient) -> None:
    query = "{ centres(first: 1) { edges { node { code name } } } }"
    centre = await Centre.all().order_by("code").first()
    assert centre is not None
    original = centre.name
    try:
        await Centre.filter(id=centre.id).update(name="缓存测试中心")
        kept = await http.get(get_params(query=query))
        assert kept.json()["data"]["centres"]["edges"][0]["node"]["name"] == "缓存测试中心"
        await Centre.filter(id=centre.id).update(name=original)
        # Served from the cache: the database changed behind its back.
        again = await http.get(get_params(query=query))
        assert again.json() == kept.json()
        assert again.headers["etag"] == kept.headers["etag"]
        await load_seed(SEED_DIR)  # bumps the catalogue's version
        fresh = await http.get(get_params(query=query))
        assert fresh.json()["data"]["centres"]["edges"][0]["node"]["name"] == original
        assert fresh.headers["etag"] != kept.headers["etag"]
        stale = await http.get(
            get_params(query=query), headers={"If-None-Match": kept.headers["etag"]}
        )
        assert stale.status_code == 200
    finally:
        await Centre.filter(id=centre.id).update(name=original)


async def test_memory_cache_versions_and_bounds() -> None:
    cache = MemoryCache(max_entries=2)
    version, found = await cache.get_versioned(CATALOGUE, "a")
    assert (version, found) == ("0", None)
    await cache.set_versioned(CATALOGUE, version, "a", b"1", 60)
    assert await cache.get_versioned(CATALOGUE, "a") == ("0", b"1")
    assert await cache.bump(CATALOGUE) == "1"
    assert await cache.get_versioned(CATALOGUE, "a") == ("1", None)
    # Written under the version read before the bump: unreachable after it.
    await cache.set_versioned(CATALOGUE, "0", "b", b"2", 60)
    assert await cache.get_versioned(CATALOGUE, "b") == ("1", None)
    for key in "cde":
        await cache.set(key, b"x", 60)
    assert await cache.get("c") is None and await cache.get("e") == b"x"


# Two real instances sharing Redis.


@pytest.fixture
def two_instances(database_url: str, tmp_path: Path) -> Iterator[tuple[str, str, dict[str, str]]]:
    # A prefix of this run alone: kept answers of an earlier run must not be found.
    run = uuid.uuid4().hex[:8]
    prefix = f"{os.environ.get('TONGBAN_REDIS_KEY_PREFIX', 'tongban-test:')}two-instances-{run}:"
    env = {
        "TONGBAN_DATABASE_URL": database_url,
        "TONGBAN_REDIS_URL": REDIS_URL,
        "TONGBAN_REDIS_KEY_PREFIX": prefix,
        # This process's var/ (its PII and signing keys): rows the instances write in the
        # shared database must open here too (a key rotation test reseals every row).
        "TONGBAN_SEED_DIR": str(SEED_DIR),
        "TONGBAN_MIGRATE_ON_START": "false",
        "TONGBAN_SEED_ON_START": "false",
    }
    first = start_server(env, tmp_path / "a.log")
    second = start_server(env, tmp_path / "b.log")
    try:
        yield next(first), next(second), env
    finally:
        for server in (first, second):
            server.close()


async def test_invalidation_on_one_instance_reaches_the_other(
    two_instances: tuple[str, str, dict[str, str]],
) -> None:
    a, b, env = two_instances
    query = "{ centres(first: 1) { edges { node { code name } } } }"
    centre = await Centre.all().order_by("code").first()
    assert centre is not None
    original = centre.name
    try:
        async with httpx.AsyncClient() as client:
            await Centre.filter(id=centre.id).update(name="共享缓存测试")
            kept = (await client.get(a + get_params(query=query))).json()
            assert kept["data"]["centres"]["edges"][0]["node"]["name"] == "共享缓存测试"
            await Centre.filter(id=centre.id).update(name=original)
            # Instance B answers from the cache A filled (the database says otherwise).
            assert (await client.get(b + get_params(query=query))).json() == kept
            # A seed load (here the CLI, sharing the database and Redis) bumps the version.
            await asyncio.to_thread(
                subprocess.run,
                [sys.executable, "-m", "backend", "seed"],
                env={**os.environ, **env},
                cwd=PROJECT_ROOT,
                check=True,
                capture_output=True,
                timeout=300,
            )
            for base in (a, b):
                fresh = (await client.get(base + get_params(query=query))).json()
                assert fresh["data"]["centres"]["edges"][0]["node"]["name"] == original
    finally:
        await Centre.filter(id=centre.id).update(name=original)


def test_workers_are_one_unless_asked_and_auto_is_one_per_core() -> None:
    from backend.settings import Settings

    assert Settings().serve_workers() == 1
    assert Settings(workers="auto").serve_workers() == (os.cpu_count() or 1)
    assert Settings(workers=3).serve_workers() == 3


def test_the_production_command_serves_with_several_workers(
    database_url: str, tmp_path: Path
) -> None:
    env = {
        "TONGBAN_DATABASE_URL": database_url,
        "TONGBAN_REDIS_URL": REDIS_URL,
        "TONGBAN_REDIS_KEY_PREFIX": f"tongban-test:workers-{uuid.uuid4().hex[:8]}:",
        "TONGBAN_MIGRATE_ON_START": "false",
        "TONGBAN_SEED_ON_START": "false",
        "TONGBAN_WORKERS": "2",
    }
    log = tmp_path / "server.log"
    for base in start_server(env, log):
        answers = [httpx.get(base + get_params(query=CENTRES), timeout=30) for _ in range(4)]
        assert all(a.status_code == 200 for a in answers)
        assert len({a.headers["etag"] for a in answers}) == 1
        text = log.read_text()
        assert "serving with 2 worker process(es)" in text
        parent = int(text.split("Started parent process [")[1].split("]")[0])
        workers = [c for c in children_of(parent) if b"spawn_main" in cmdline(c)]
        assert len(workers) == 2


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def children_of(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


# The allow-list (production).


@pytest.fixture
async def allow_listed(
    database_url: str, infrastructure: Any, tmp_path: Path
) -> AsyncIterator[tuple[httpx.AsyncClient, Any]]:
    from backend.app import create_app
    from backend.settings import get_settings

    manifest = tmp_path / "persisted-queries.json"
    manifest.write_text(json.dumps({sha(CENTRES): CENTRES}), encoding="utf-8")
    settings = get_settings().model_copy(
        update={
            "migrate_on_start": False,
            "seed_on_start": False,
            "persisted_queries_only": True,
            "persisted_queries_manifest": manifest,
        }
    )
    app = create_app(settings, infrastructure=infrastructure)
    transport = httpx.ASGITransport(app=app, client=("203.0.113.10", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://tongban.test") as client:
        yield client, app


async def test_allow_list_runs_only_the_manifest(
    allow_listed: tuple[httpx.AsyncClient, Any],
) -> None:
    http, _ = allow_listed
    other = "{ departments { code } }"
    by_hash = await http.post("/graphql", json={"extensions": apq(CENTRES)})
    assert by_hash.json()["data"]["centres"]["totalCount"] > 0
    by_text = await http.post("/graphql", json={"query": CENTRES})
    assert by_text.json() == by_hash.json()
    assert (await http.get(get_params(hashed=CENTRES))).json() == by_hash.json()

    assert codes(await http.post("/graphql", json={"query": other})) == [
        "PERSISTED_QUERY_NOT_ALLOWED"
    ]
    registering = await http.post("/graphql", json={"query": other, "extensions": apq(other)})
    assert codes(registering) == ["PERSISTED_QUERY_NOT_ALLOWED"]
    # Nothing was registered: the hash alone is still unknown.
    assert codes(await http.post("/graphql", json={"extensions": apq(other)})) == [
        "PERSISTED_QUERY_NOT_FOUND"
    ]
    assert codes(await http.get(get_params(query=other))) == ["PERSISTED_QUERY_NOT_ALLOWED"]


async def test_allow_list_holds_for_every_transport(
    allow_listed: tuple[httpx.AsyncClient, Any],
) -> None:
    """WebSocket operations reach the schema without the HTTP view's checks: the schema
    itself refuses documents outside the manifest."""
    from backend.graphql.context import Context

    _, app = allow_listed
    graphql = next(r.endpoint for r in app.routes if getattr(r, "path", "") == "/graphql")
    schema = graphql.schema
    refused = await schema.execute("{ departments { code } }", context_value=Context(request=None))
    assert [e.extensions["code"] for e in refused.errors or []] == ["PERSISTED_QUERY_NOT_ALLOWED"]
    assert refused.data is None
    allowed = await schema.execute(CENTRES, context_value=Context(request=None))
    assert not allowed.errors


async def test_lone_surrogates_in_variables_are_answered_not_crashed(
    http: httpx.AsyncClient,
) -> None:
    """orjson refuses lone surrogates; an answer echoing one falls back to ASCII JSON, and a
    GET carrying one is never kept."""
    body = json.dumps(
        {"query": "query($c: String!) { centre(code: $c) { name } }", "variables": {"c": "\ud800"}}
    )
    posted = await http.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert posted.status_code == 200
    assert posted.json()["errors"]
    url = "/graphql?" + str(httpx.QueryParams({"query": CENTRES, "variables": '{"x": "\\ud800"}'}))
    got = await http.get(url)
    assert got.status_code in (200, 405)
