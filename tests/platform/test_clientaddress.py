"""The client address: the peer, unless the peer is a trusted proxy; then the rightmost
X-Forwarded-For entry that is not a trusted proxy."""

from __future__ import annotations

import ipaddress

import pytest
from pydantic import ValidationError

from backend.platform.clientaddress import TrustedProxies, client_address, parse_address
from backend.settings import Settings

PROXIES = TrustedProxies(["10.0.0.0/8", "192.0.2.1", "2001:db8:ffff::/48"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("203.0.113.7", "203.0.113.7"),
        (" 203.0.113.7 ", "203.0.113.7"),
        ("203.0.113.7:4711", "203.0.113.7"),
        ("2001:db8::1", "2001:db8::1"),
        ("2001:DB8:0:0::1", "2001:db8::1"),
        ("[2001:db8::1]", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("fe80::1%eth0", "fe80::1%eth0"),
    ],
)
def test_addresses_as_proxies_write_them(text: str, expected: str) -> None:
    assert str(parse_address(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "unknown",
        "_hidden",
        "203.0.113",
        "203.0.113.256",
        "203.0.113.7:port",
        "[2001:db8::1",
        "[2001:db8::1]x",
        "[2001:db8::1]:99999999",
        "2001:db8::g",
        "13800000001",
        "张伟",
        "1.2.3.4\r\nX: y",
    ],
)
def test_malformed_entries_are_not_addresses(text: str) -> None:
    assert parse_address(text) is None


def test_trusted_networks_and_addresses() -> None:
    assert "10.1.2.3" in PROXIES
    assert "::ffff:10.1.2.3" in PROXIES  # a dual-stack socket's view of the same proxy
    assert "192.0.2.1" in PROXIES and "192.0.2.2" not in PROXIES
    assert "2001:db8:ffff:1::5" in PROXIES and "2001:db8:fffe::5" not in PROXIES
    assert "11.0.0.1" not in PROXIES
    assert "not an address" not in PROXIES
    assert ipaddress.ip_address("10.9.9.9") in PROXIES
    assert not TrustedProxies() and PROXIES


def test_without_trusted_proxies_the_peer_is_the_client_whatever_the_header_says() -> None:
    nobody = TrustedProxies()
    assert client_address("127.0.0.1", ["203.0.113.7"], nobody) == "127.0.0.1"
    assert client_address("10.1.2.3", ["203.0.113.7"], nobody) == "10.1.2.3"
    assert client_address(None, ["203.0.113.7"], nobody) is None


def test_an_untrusted_peer_is_the_client_even_with_trusted_proxies_configured() -> None:
    assert client_address("198.51.100.9", ["203.0.113.7"], PROXIES) == "198.51.100.9"
    assert client_address("::ffff:198.51.100.9", [], PROXIES) == "198.51.100.9"
    assert client_address("testclient", ["203.0.113.7"], PROXIES) == "testclient"


def test_behind_a_trusted_proxy_the_rightmost_untrusted_entry_is_the_client() -> None:
    assert client_address("10.0.0.2", ["203.0.113.7"], PROXIES) == "203.0.113.7"
    # Spoofed entries on the left are whatever the client sent: they do not matter.
    for spoof in ("1.1.1.1", "10.0.0.9", "2001:db8::99", "garbage", "1.1.1.1, 2.2.2.2"):
        assert client_address("10.0.0.2", [f"{spoof}, 203.0.113.7"], PROXIES) == "203.0.113.7"
    # Trusted hops on the right are skipped, IPv6 and ports included.
    chain = "198.51.100.1, 2001:db8::7, 10.0.0.5:1234, [2001:db8:ffff::1]:80, 192.0.2.1"
    assert client_address("10.0.0.2", [chain], PROXIES) == "2001:db8::7"
    # Several headers read as one list, in the order received.
    assert client_address("10.0.0.2", ["1.1.1.1", "203.0.113.7, 10.0.0.3"], PROXIES) == (
        "203.0.113.7"
    )


def test_malformed_or_missing_entries_stop_at_the_last_trusted_hop() -> None:
    assert client_address("10.0.0.2", [], PROXIES) == "10.0.0.2"
    assert client_address("10.0.0.2", [""], PROXIES) == "10.0.0.2"
    assert client_address("10.0.0.2", ["unknown"], PROXIES) == "10.0.0.2"
    assert client_address("10.0.0.2", ["203.0.113.7, garbage, 10.0.0.3"], PROXIES) == "10.0.0.3"
    assert client_address("10.0.0.2", ["203.0.113.7,,"], PROXIES) == "10.0.0.2"
    # Every entry trusted: the leftmost trusted hop is the nearest thing to a client.
    assert client_address("10.0.0.2", ["10.0.0.4, 10.0.0.3"], PROXIES) == "10.0.0.4"


def test_a_huge_header_is_read_from_its_tail_only() -> None:
    header = ", ".join(["10.0.0.1"] * 10_000 + ["203.0.113.7"])
    assert client_address("10.0.0.2", [header], PROXIES) == "203.0.113.7"
    header = ", ".join(["203.0.113.7"] + ["10.0.0.1"] * 100)
    assert client_address("10.0.0.2", [header], PROXIES) == "10.0.0.1"


def test_settings_read_proxies_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().trusted_proxies == []
    monkeypatch.setenv("TONGBAN_TRUSTED_PROXIES", "172.30.0.10, 10.0.0.0/8,::1")
    assert Settings().trusted_proxies == ["172.30.0.10", "10.0.0.0/8", "::1"]
    monkeypatch.setenv("TONGBAN_TRUSTED_PROXIES", '["172.30.0.0/24"]')
    assert Settings().trusted_proxies == ["172.30.0.0/24"]
    monkeypatch.setenv("TONGBAN_TRUSTED_PROXIES", "nginx")
    with pytest.raises(ValidationError):
        Settings()
