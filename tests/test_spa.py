"""The PWA's own routes get the app; missing assets stay missing."""

from __future__ import annotations

import gzip
import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.routing import Mount

from backend.spa import SinglePageApp, accepted_encodings


@pytest.mark.parametrize("with_404_page", [False, True])
async def test_deep_links_get_the_app_and_missing_assets_404(
    tmp_path: Path, with_404_page: bool
) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<title>通办</title>", encoding="utf-8")
    (tmp_path / "assets" / "app.js").write_text("console.log(1)", encoding="utf-8")
    if with_404_page:  # the PWA build ships one; Starlette serves it for misses
        (tmp_path / "404.html").write_text("<title>找不到</title>", encoding="utf-8")
    app = Starlette(routes=[Mount("/", SinglePageApp(tmp_path))])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        for path in ("/", "/centres/310101-01", "/matters?online=FULLY_ONLINE"):
            page = await client.get(path)
            assert page.status_code == 200, path
            assert "通办" in page.text

        assert (await client.get("/assets/app.js")).text == "console.log(1)"
        assert (await client.get("/assets/missing.js")).status_code == 404


# --- compression and caching ---------------------------------------------------------------

SCRIPT = b"console.log('\xe9\x80\x9a\xe5\x8a\x9e');\n" * 200  # 6 KiB that compress well


def built_app(tmp_path: Path) -> Path:
    """A dist/ as the build leaves it: hashed assets with .br and .gz beside them."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "icons").mkdir()
    (tmp_path / "index.html").write_text("<title>通办</title>" + " " * 2000, encoding="utf-8")
    (tmp_path / "index.html.gz").write_bytes(gzip.compress((tmp_path / "index.html").read_bytes()))
    (tmp_path / "404.html").write_bytes((tmp_path / "index.html").read_bytes())
    (tmp_path / "sw.js").write_text("self.addEventListener('fetch', () => {})", encoding="utf-8")
    (tmp_path / "manifest.webmanifest").write_text('{"name": "通办"}', encoding="utf-8")
    (tmp_path / "icons" / "icon.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "assets" / "app-1a2b3c.js").write_bytes(SCRIPT)
    (tmp_path / "assets" / "app-1a2b3c.js.gz").write_bytes(gzip.compress(SCRIPT))
    # Python has no brotli here: any distinct bytes show which file was sent.
    (tmp_path / "assets" / "app-1a2b3c.js.br").write_bytes(b"BROTLI" + SCRIPT[:100])
    return tmp_path


async def raw_get(
    client: httpx.AsyncClient, path: str, **headers: str
) -> tuple[httpx.Response, bytes]:
    """The response and its body as sent on the wire (httpx would decode gzip itself)."""
    async with client.stream("GET", path, headers=headers) as response:
        body = b"".join([chunk async for chunk in response.aiter_raw()])
    return response, body


@pytest.fixture
async def spa_client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    app = Starlette(routes=[Mount("/", SinglePageApp(built_app(tmp_path)))])
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def test_the_precompressed_variant_the_browser_accepts_is_sent(
    spa_client: httpx.AsyncClient,
) -> None:
    js = "/assets/app-1a2b3c.js"
    response, body = await raw_get(spa_client, js, **{"Accept-Encoding": "gzip, deflate, br"})
    assert response.headers["content-encoding"] == "br"
    assert body == b"BROTLI" + SCRIPT[:100]
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["vary"] == "Accept-Encoding"

    response, body = await raw_get(spa_client, js, **{"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == SCRIPT
    assert int(response.headers["content-length"]) == len(body) < len(SCRIPT) // 10

    # br refused with q=0: gzip; nothing accepted: the file itself, still varying.
    response, _ = await raw_get(spa_client, js, **{"Accept-Encoding": "br;q=0, gzip;q=0.8"})
    assert response.headers["content-encoding"] == "gzip"
    response, body = await raw_get(spa_client, js, **{"Accept-Encoding": "identity"})
    assert "content-encoding" not in response.headers
    assert body == SCRIPT
    assert response.headers["vary"] == "Accept-Encoding"

    # The app's routes get the compressed index.html too.
    for path in ("/", "/centres/310101-01"):
        response, body = await raw_get(spa_client, path, **{"Accept-Encoding": "gzip, br"})
        assert response.status_code == 200
        assert response.headers["content-encoding"] == "gzip", path  # no .br of it here
        assert "通办" in gzip.decompress(body).decode()


async def test_hashed_assets_are_immutable_and_the_shell_is_revalidated(
    spa_client: httpx.AsyncClient,
) -> None:
    immutable = "public, max-age=31536000, immutable"
    for encoding in ("br", "gzip", "identity"):
        response = await spa_client.get(
            "/assets/app-1a2b3c.js", headers={"Accept-Encoding": encoding}
        )
        assert response.headers["cache-control"] == immutable
    for path in ("/", "/index.html", "/matters/GA001", "/sw.js", "/manifest.webmanifest"):
        response = await spa_client.get(path)
        assert response.status_code == 200, path
        assert response.headers["cache-control"] == "no-cache", path
    assert (
        (await spa_client.get("/manifest.webmanifest"))
        .headers["content-type"]
        .startswith("application/manifest+json")
    )
    icon = await spa_client.get("/icons/icon.svg")
    assert icon.headers["cache-control"] == "public, max-age=86400"
    assert "vary" not in icon.headers  # no compressed copies of it

    # Revalidation: the same ETag answers 304, which keeps the caching rule.
    first = await spa_client.get("/", headers={"Accept-Encoding": "gzip"})
    again = await spa_client.get(
        "/", headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", set()),
        ("gzip, deflate, br, zstd", {"gzip", "deflate", "br", "zstd"}),
        ("br;q=0, gzip;q=0.5", {"gzip"}),
        ("GZIP ; q=1.0", {"gzip"}),
        ("*", {"*", "br", "gzip"}),
        ("br;q=nonsense", set()),
    ],
)
def test_accept_encoding_is_read_with_its_weights(header: str, expected: set[str]) -> None:
    assert accepted_encodings(header) == expected


async def test_large_graphql_answers_are_gzipped_small_ones_not(http: httpx.AsyncClient) -> None:
    big = "{ matters(first: 50) { edges { node { code name summary } } } }"
    response, body = await raw_get_post(http, big, {"Accept-Encoding": "gzip, br"})
    assert response.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["vary"]
    answer = json.loads(gzip.decompress(body))
    assert len(answer["data"]["matters"]["edges"]) == 50
    assert len(body) < len(gzip.decompress(body)) // 3

    small = "{ __typename }"
    response, body = await raw_get_post(http, small, {"Accept-Encoding": "gzip"})
    assert "content-encoding" not in response.headers
    assert json.loads(body) == {"data": {"__typename": "Query"}}

    response, body = await raw_get_post(http, big, {"Accept-Encoding": "identity"})
    assert "content-encoding" not in response.headers
    assert len(json.loads(body)["data"]["matters"]["edges"]) == 50


async def raw_get_post(
    client: httpx.AsyncClient, query: str, headers: dict[str, str]
) -> tuple[httpx.Response, bytes]:
    async with client.stream("POST", "/graphql", json={"query": query}, headers=headers) as r:
        body = b"".join([chunk async for chunk in r.aiter_raw()])
    assert r.status_code == 200, body
    return r, body
