"""Who the client is: the TCP peer, unless the peer is a proxy we trust.

Only X-Forwarded-For is read, and only when the peer is in TONGBAN_TRUSTED_PROXIES. The
client is the rightmost address in the header that is not itself a trusted proxy: every
trusted hop appends the address it saw, so entries left of the first untrusted one (walking
from the right) were written by the client and prove nothing. Forwarded (RFC 7239) and
X-Real-IP are ignored on purpose: reading several headers lets a spoofer pick the one a
proxy forgot to overwrite.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import lru_cache

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

MAX_FORWARDED_ENTRIES = 32  # a longer chain is not a real proxy chain; read its tail only


@lru_cache(maxsize=4096)  # the same few proxies and clients, request after request
def parse_address(text: str) -> IPAddress | None:
    """An address as proxies write it ("203.0.113.7", "203.0.113.7:4711", "2001:db8::1",
    "[2001:db8::1]:443"); IPv4-mapped IPv6 becomes IPv4. None for anything else."""
    text = text.strip()
    if text.startswith("["):
        end = text.find("]")
        if end < 0 or (text[end + 1 :] and not _is_port(text[end + 1 :])):
            return None
        text = text[1:end]
    elif text.count(":") == 1:  # IPv4 with a port; bare IPv6 has at least two colons
        text, _, port = text.partition(":")
        if not port.isdigit():
            return None
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _is_port(suffix: str) -> bool:
    return suffix.startswith(":") and suffix[1:].isdigit() and len(suffix) <= 6


class TrustedProxies:
    """A set of proxy addresses and networks ("10.0.0.5", "172.30.0.0/24", "::1")."""

    def __init__(self, entries: Iterable[str] = ()) -> None:
        self.networks: tuple[IPNetwork, ...] = tuple(
            ipaddress.ip_network(entry.strip(), strict=False) for entry in entries
        )
        self._verdicts: dict[IPAddress, bool] = {}

    def __bool__(self) -> bool:
        return bool(self.networks)

    def __contains__(self, address: object) -> bool:
        if isinstance(address, str):
            address = parse_address(address)
        if not isinstance(address, ipaddress.IPv4Address | ipaddress.IPv6Address):
            return False
        verdict = self._verdicts.get(address)
        if verdict is None:
            if len(self._verdicts) >= 4096:
                self._verdicts.clear()
            verdict = self._verdicts[address] = any(address in net for net in self.networks)
        return verdict


def client_address(
    peer: str | None, forwarded_for: Iterable[str], trusted: TrustedProxies
) -> str | None:
    """The client's address for a connection from `peer` carrying these X-Forwarded-For
    header values (in the order received; several headers read as one list).

    Never raises: a malformed entry ends the walk at the last trusted hop, whose address is
    then the client (the proxy reported garbage, so it is the best address we know).
    """
    if peer is None:
        return None
    parsed = parse_address(peer)
    if parsed is None or parsed not in trusted:
        return str(parsed) if parsed is not None else peer
    client: IPAddress = parsed
    entries = [part for value in forwarded_for for part in value.split(",")]
    for entry in reversed(entries[-MAX_FORWARDED_ENTRIES:]):
        address = parse_address(entry)
        if address is None:
            break
        client = address
        if address not in trusted:
            break
    return str(client)
