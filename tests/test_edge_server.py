"""Per-address limits on the real server over loopback: X-Forwarded-For from a peer that is
not a trusted proxy changes nothing; from a trusted proxy, only its rightmost untrusted
entry counts.

One server trusts 127.0.0.2 as its proxy. Clients connecting from 127.0.0.1 are "direct";
clients binding 127.0.0.2 as their source address play the proxy.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import httpx
import pytest

from backend.identity.login import CODES_PER_SOURCE_PER_HOUR
from tests.realserver import embedded_env, start_server

REQUEST_CODE = """mutation($phone: String!) { requestLoginCode(phone: $phone) {
    sent errors { code } } }"""
PROXY = "127.0.0.2"
_rng = random.SystemRandom()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    var = tmp_path_factory.mktemp("edge")
    env = embedded_env(var, TONGBAN_TRUSTED_PROXIES=PROXY, TONGBAN_GRAPHIQL="false")
    yield from start_server(env, var / "server.log")


def _random_address() -> str:
    octets = [
        _rng.randrange(1, 224),
        _rng.randrange(256),
        _rng.randrange(256),
        _rng.randrange(1, 255),
    ]
    return ".".join(map(str, octets))


def _request_code(client: httpx.Client, base: str, forwarded_for: str) -> str | None:
    """Asks for a code for a fresh phone number; the error code, or None when sent."""
    phone = f"137{_rng.randrange(10**8):08d}"
    response = client.post(
        f"{base}/graphql",
        json={"query": REQUEST_CODE, "variables": {"phone": phone}},
        headers={"X-Forwarded-For": forwarded_for},
        timeout=30,
    )
    payload = response.json()["data"]["requestLoginCode"]
    return payload["errors"][0]["code"] if payload["errors"] else None


def test_a_direct_client_changing_x_forwarded_for_is_still_limited(server: str) -> None:
    with httpx.Client() as direct:
        outcomes = [
            _request_code(direct, server, _random_address())
            for _ in range(CODES_PER_SOURCE_PER_HOUR + 3)
        ]
    assert outcomes[:CODES_PER_SOURCE_PER_HOUR] == [None] * CODES_PER_SOURCE_PER_HOUR
    assert outcomes[CODES_PER_SOURCE_PER_HOUR:] == ["RATE_LIMITED"] * 3


def test_behind_the_trusted_proxy_the_rightmost_untrusted_entry_is_the_client(server: str) -> None:
    client = _random_address()
    with httpx.Client(transport=httpx.HTTPTransport(local_address=PROXY)) as proxy:
        # The client spoofs the left of the header; the proxy appends what it saw.
        outcomes = [
            _request_code(proxy, server, f"{_random_address()}, {client}")
            for _ in range(CODES_PER_SOURCE_PER_HOUR + 2)
        ]
        assert outcomes[:CODES_PER_SOURCE_PER_HOUR] == [None] * CODES_PER_SOURCE_PER_HOUR
        assert outcomes[CODES_PER_SOURCE_PER_HOUR:] == ["RATE_LIMITED"] * 2
        # A chain ending in the proxy itself: the proxy is skipped, the client still limited.
        assert _request_code(proxy, server, f"{client}, {PROXY}") == "RATE_LIMITED"
        # Someone else behind the same proxy has a bucket of their own.
        assert _request_code(proxy, server, f"{client}, {_random_address()}") is None
        assert _request_code(proxy, server, _random_address()) is None
