"""The demo seed signs in as documented; the outbox command; resealing after rotation."""

from __future__ import annotations

import io
import os

import pytest

from backend.identity.maintenance import print_outbox, reencrypt_pii
from backend.identity.models import Resident
from backend.platform import infra
from backend.platform.crypto import PiiCipher
from tests.conftest import GraphQLClient
from tests.identity.helpers import LOGIN, ME, REQUEST_CODE, latest_code, sign_in


async def test_demo_residents_sign_in_as_the_readme_says(gql: GraphQLClient) -> None:
    expected = {
        "13800000001": (True, "310101********1236", "张*"),
        "13800000002": (True, "310104********2463", "李*"),
        "13800000003": (False, None, None),
    }
    for phone, (verified, id_number, name) in expected.items():
        await gql(REQUEST_CODE, phone=phone)
        out = io.StringIO()
        await print_outbox(out, phone, limit=1)
        code = await latest_code(phone)
        assert code in out.getvalue() and "138****" in out.getvalue()
        assert phone not in out.getvalue()
        login = await gql(LOGIN, phone=phone, code=code)
        token = login.data["login"]["tokens"]["accessToken"]  # type: ignore[index]
        me = (await gql.with_token(token)(ME)).data["me"]  # type: ignore[index]
        assert (me["verified"], me["resident"]["idNumber"], me["resident"]["realName"]) == (
            verified,
            id_number,
            name,
        ), phone


async def test_empty_outbox_for_an_unknown_number(database_url: str) -> None:
    out = io.StringIO()
    assert await print_outbox(out, "13900000000") == 0
    assert "empty" in out.getvalue()


@pytest.fixture
def restore_cipher() -> object:
    container = infra.current()
    original = container.cipher
    yield original
    container.cipher = original


def use_cipher(cipher: PiiCipher) -> None:
    infra.current().cipher = cipher


async def test_key_rotation_reseals_everything_and_nothing_breaks(
    gql: GraphQLClient, restore_cipher: PiiCipher
) -> None:
    tokens = await sign_in(gql)
    original = restore_cipher
    new_key = os.urandom(32)
    rotated = PiiCipher(
        keys={**original.keys, "rotation-2": new_key},
        active_kid="rotation-2",
        index_key=original.index_key,
    )
    use_cipher(rotated)
    counts = await reencrypt_pii()
    assert counts["Resident"] >= 1
    # Every phone still held is resealed; an erased account (注销账号) holds none to reseal.
    held = [r for r in await Resident.all() if r.phone_enc]
    assert held and all(r.phone_enc.startswith("v1.rotation-2.") for r in held)
    assert await reencrypt_pii() == {"Resident": 0, "SmsOutbox": 0}  # idempotent
    me = await gql.with_token(tokens["accessToken"])(ME)
    assert me.errors == [] and me.data["me"]["resident"]["phone"].startswith("139")  # type: ignore[index]

    # And back, so the rest of the run reads with the original key alone.
    use_cipher(
        PiiCipher(keys=rotated.keys, active_kid=original.active_kid, index_key=original.index_key)
    )
    await reencrypt_pii()
    use_cipher(original)
    me = await gql.with_token(tokens["accessToken"])(ME)
    assert me.errors == []
