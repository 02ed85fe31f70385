"""backend/platform/requestmeta.py: a caller's X-Request-ID is kept only when it looks like
an id, and the client address is only ever seen as a keyed hash."""

from __future__ import annotations

import hashlib
import os
import re

import pytest

from backend.platform import infra
from backend.platform.crypto import PiiCipher
from backend.platform.infra import Infrastructure
from backend.platform.requestmeta import RequestMeta

GENERATED = re.compile(r"[0-9a-f]{32}")  # uuid4().hex


@pytest.mark.parametrize(
    "request_id",
    ["abcdefgh", "req-2026.12.01_0001", "0f" * 32, "A1B2C3D4-e5f6-7a8b-9c0d-ef0123456789"],
)
def test_an_id_that_looks_like_one_is_kept(request_id: str) -> None:
    assert RequestMeta.new(request_id=request_id).request_id == request_id


@pytest.mark.parametrize(
    "request_id",
    [
        None,
        "",
        "short",  # under 8 characters
        "a" * 65,  # over 64
        "abc defgh",  # a space
        "abcdefgh\n",  # a trailing newline would split a log line
        "abcdefgh\r\nX-Injected: 1",
        "abcdefgh/../..",
        "请求编号一二三四五六",
        "abc;defgh",
    ],
)
def test_anything_else_is_replaced_by_a_fresh_id(request_id: str | None) -> None:
    first = RequestMeta.new(request_id=request_id).request_id
    second = RequestMeta.new(request_id=request_id).request_id
    assert GENERATED.fullmatch(first) and GENERATED.fullmatch(second)
    assert first != second


def test_the_client_address_is_kept_as_given() -> None:
    meta = RequestMeta.new("203.0.113.10", request_id="abcdefgh")
    assert meta == RequestMeta(request_id="abcdefgh", client_address="203.0.113.10")


def test_source_key_is_a_keyed_hash_of_the_address(infrastructure: Infrastructure) -> None:
    one, other = "203.0.113.10", "2001:db8::1"
    key = RequestMeta.new(one).source_key
    assert key is not None and re.fullmatch(r"[0-9a-f]{16}", key)
    assert RequestMeta.new(one).source_key == key  # stable for one address
    assert RequestMeta.new(other).source_key not in (None, key)  # different for two
    assert RequestMeta.new().source_key is None  # no address, nothing to key
    assert one not in key
    assert key != hashlib.sha256(one.encode()).hexdigest()[:16]  # not a plain hash

    # Keyed: the same address under another index key is another value.
    cipher = infrastructure.cipher
    rekeyed = PiiCipher(keys=cipher.keys, active_kid=cipher.active_kid, index_key=os.urandom(32))
    other_deployment = Infrastructure(
        infrastructure.settings,
        broker=infrastructure.broker,
        limiter=infrastructure.limiter,
        cipher=rekeyed,
    )
    with infra.scoped(other_deployment):
        elsewhere = RequestMeta.new(one).source_key
    assert elsewhere is not None and elsewhere != key
    assert RequestMeta.new(one).source_key == key  # and back outside the block
