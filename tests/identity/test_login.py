"""Residents sign in with phone and one-time code, against PostgreSQL and Redis."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from backend.identity import login as service
from backend.identity.models import LoginCode, Resident, SmsOutbox
from backend.platform import infra
from backend.platform.clock import now
from backend.platform.requestmeta import RequestMeta
from tests.conftest import GraphQLClient
from tests.identity.helpers import (
    LOGIN,
    ME,
    REQUEST_CODE,
    latest_code,
    new_phone,
    sign_in,
)


def _hash(phone: str) -> str:
    return infra.current().cipher.blind_index("phone", phone)


async def test_code_then_login_creates_an_unverified_resident(gql: GraphQLClient) -> None:
    phone = new_phone()
    sent = await gql(REQUEST_CODE, phone=phone)
    assert sent.data == {
        "requestLoginCode": {
            "sent": True,
            "expiresInSeconds": 300,
            "resendAfterSeconds": 60,
            "errors": [],
        }
    }
    code = await latest_code(phone)
    assert len(code) == 6 and code.isdigit()

    result = await gql(LOGIN, phone=phone, code=code)
    login = result.data["login"]  # type: ignore[index]
    assert login["errors"] == []
    assert login["tokens"]["tokenType"] == "Bearer"
    assert login["tokens"]["refreshToken"].startswith("tbr_")
    assert login["resident"]["verified"] is False
    assert login["resident"]["phone"] == f"{phone[:3]}****{phone[7:]}"

    me = await gql.with_token(login["tokens"]["accessToken"])(ME)
    assert me.data["me"]["role"] == "RESIDENT"  # type: ignore[index]
    assert me.data["me"]["verified"] is False  # type: ignore[index]
    assert me.data["me"]["resident"]["idNumber"] is None  # type: ignore[index]

    # Signing in again with a new code finds the same resident.
    await LoginCode.filter(phone_hash=_hash(phone)).update(created_at=now() - timedelta(minutes=2))
    await infra.current().limiter.reset(f"otp:cooldown:{_hash(phone)}")
    again = await sign_in(gql, phone)
    assert again["residentId"] == login["resident"]["id"]
    assert await Resident.filter(phone_hash=_hash(phone)).count() == 1


async def test_anonymous_me_is_null(gql: GraphQLClient) -> None:
    result = await gql(ME)
    assert result.errors == [] and result.data == {"me": None}


async def test_codes_are_stored_hashed_and_phones_encrypted(gql: GraphQLClient) -> None:
    tokens = await sign_in(gql)
    phone = tokens["phone"]
    row = await LoginCode.filter(phone_hash=_hash(phone)).order_by("-id").first()
    assert row is not None
    code = await latest_code(phone)
    assert row.code_hash != code and len(row.code_hash) == 64
    outbox = await SmsOutbox.get(phone_hash=_hash(phone))  # the one message this test sent
    assert code not in outbox.body_enc and phone not in outbox.phone_enc
    resident = await Resident.get(phone_hash=_hash(phone))
    assert phone not in resident.phone_enc and phone not in resident.phone_hash
    assert resident.phone_enc.startswith("v1.")


async def test_resend_is_throttled_to_one_a_minute(gql: GraphQLClient) -> None:
    phone = new_phone()
    assert (await gql(REQUEST_CODE, phone=phone)).data["requestLoginCode"]["sent"]  # type: ignore[index]
    again = await gql(REQUEST_CODE, phone=f"+86 {phone[:3]} {phone[3:7]} {phone[7:]}")
    payload = again.data["requestLoginCode"]  # type: ignore[index]
    assert payload["sent"] is False
    assert [e["code"] for e in payload["errors"]] == ["RATE_LIMITED"]
    assert "秒后" in payload["errors"][0]["message"]
    assert await SmsOutbox.filter(phone_hash=_hash(phone)).count() == 1


async def test_daily_code_limit(gql: GraphQLClient) -> None:
    phone = new_phone()
    for _ in range(service.CODES_PER_PHONE_PER_DAY):
        await infra.current().limiter.hit(f"otp:daily:{_hash(phone)}", 10**6, 86_400)
    result = await gql(REQUEST_CODE, phone=phone)
    assert [e["code"] for e in result.data["requestLoginCode"]["errors"]] == ["RATE_LIMITED"]  # type: ignore[index]


async def test_codes_per_client_address_are_limited(gql: GraphQLClient) -> None:
    client = gql.from_address("198.51.100.77")
    source = RequestMeta.new("198.51.100.77").source_key
    for _ in range(service.CODES_PER_SOURCE_PER_HOUR):
        await infra.current().limiter.hit(f"otp:source:{source}", 10**6, 3_600)
    result = await client(REQUEST_CODE, phone=new_phone())
    assert [e["code"] for e in result.data["requestLoginCode"]["errors"]] == ["RATE_LIMITED"]  # type: ignore[index]


async def test_wrong_code_counts_down_then_locks_even_the_right_code(gql: GraphQLClient) -> None:
    phone = new_phone()
    await gql(REQUEST_CODE, phone=phone)
    right = await latest_code(phone)
    wrong = f"{(int(right) + 1) % 10**6:06d}"
    messages = []
    for _ in range(5):
        result = await gql(LOGIN, phone=phone, code=wrong)
        assert result.data["login"]["tokens"] is None  # type: ignore[index]
        messages.append(result.data["login"]["errors"][0])  # type: ignore[index]
    assert [m["code"] for m in messages] == ["OTP_INVALID"] * 4 + ["OTP_ATTEMPTS_EXCEEDED"]
    assert "还可以再试 4 次" in messages[0]["message"]
    assert all(m["field"] == "code" for m in messages)

    locked = await gql(LOGIN, phone=phone, code=right)
    assert [e["code"] for e in locked.data["login"]["errors"]] == ["OTP_ATTEMPTS_EXCEEDED"]  # type: ignore[index]


async def test_parallel_guesses_cannot_exceed_five_attempts(gql: GraphQLClient) -> None:
    phone = new_phone()
    await gql(REQUEST_CODE, phone=phone)
    right = await latest_code(phone)
    guesses = [f"{(int(right) + i) % 10**6:06d}" for i in range(1, 21)]
    results = await asyncio.gather(*(gql(LOGIN, phone=phone, code=g) for g in guesses))
    codes = [r.data["login"]["errors"][0]["code"] for r in results]  # type: ignore[index]
    assert codes.count("OTP_INVALID") <= 4
    assert codes.count("OTP_INVALID") + codes.count("OTP_ATTEMPTS_EXCEEDED") == 20
    row = await LoginCode.filter(phone_hash=_hash(phone)).order_by("-id").first()
    assert row is not None and row.attempts == 5


async def test_a_code_signs_in_once_even_when_sent_twice_at_once(gql: GraphQLClient) -> None:
    phone = new_phone()
    await gql(REQUEST_CODE, phone=phone)
    code = await latest_code(phone)
    results = await asyncio.gather(*(gql(LOGIN, phone=phone, code=code) for _ in range(4)))
    won = [r for r in results if r.data["login"]["tokens"]]  # type: ignore[index]
    assert len(won) == 1
    assert await Resident.filter(phone_hash=_hash(phone)).count() == 1


async def test_first_sign_in_creates_one_resident_when_two_race(database_url: str) -> None:
    cipher = infra.current().cipher
    phone = new_phone()
    found = await asyncio.gather(
        *(service._resident_for_phone(cipher, phone, _hash(phone)) for _ in range(5))
    )
    assert len({r.id for r in found}) == 1
    assert await Resident.filter(phone_hash=_hash(phone)).count() == 1


async def test_expired_code_is_refused(gql: GraphQLClient) -> None:
    phone = new_phone()
    await gql(REQUEST_CODE, phone=phone)
    code = await latest_code(phone)
    await LoginCode.filter(phone_hash=_hash(phone)).update(expires_at=now() - timedelta(seconds=1))
    result = await gql(LOGIN, phone=phone, code=code)
    assert [e["code"] for e in result.data["login"]["errors"]] == ["OTP_EXPIRED"]  # type: ignore[index]


async def test_only_the_newest_code_counts_and_a_used_code_is_spent(gql: GraphQLClient) -> None:
    phone = new_phone()
    await gql(REQUEST_CODE, phone=phone)
    first = await latest_code(phone)
    await infra.current().limiter.reset(f"otp:cooldown:{_hash(phone)}")
    await gql(REQUEST_CODE, phone=phone)
    second = await latest_code(phone)
    if first != second:
        old = await gql(LOGIN, phone=phone, code=first)
        assert [e["code"] for e in old.data["login"]["errors"]] == ["OTP_INVALID"]  # type: ignore[index]
    assert (await gql(LOGIN, phone=phone, code=second)).data["login"]["tokens"]  # type: ignore[index]
    replay = await gql(LOGIN, phone=phone, code=second)
    assert [e["code"] for e in replay.data["login"]["errors"]] == ["OTP_INVALID"]  # type: ignore[index]


async def test_login_without_a_code_requested(gql: GraphQLClient) -> None:
    result = await gql(LOGIN, phone=new_phone(), code="123456")
    assert [e["code"] for e in result.data["login"]["errors"]] == ["OTP_INVALID"]  # type: ignore[index]


async def test_bad_phone_and_code_input(gql: GraphQLClient) -> None:
    residents_before = await Resident.all().count()
    for phone in (
        "12345",
        "2380000000a",
        "'; DROP TABLE identity_resident; --",
        "1380000000１2",
        "",
    ):
        result = await gql(REQUEST_CODE, phone=phone)
        errors = result.data["requestLoginCode"]["errors"]  # type: ignore[index]
        assert [(e["code"], e["field"]) for e in errors] == [("INVALID_PHONE", "phone")], phone
        assert phone not in errors[0]["message"] or not phone
    for code in ("12345", "abcdef", "1' OR '1'='1", "1234567", "<script>"):
        result = await gql(LOGIN, phone=new_phone(), code=code)
        errors = result.data["login"]["errors"]  # type: ignore[index]
        assert [(e["code"], e["field"]) for e in errors] == [("OTP_INVALID", "code")], code
    # Full-width digits and separators are what people type; they are fine.
    phone = new_phone()
    full_width = "１３９" + phone[3:]
    result = await gql(REQUEST_CODE, phone=full_width)
    assert result.data["requestLoginCode"]["sent"]  # type: ignore[index]
    assert len(await latest_code(phone)) == 6  # sent to the number as people mean it
    # The injection-looking input was data: the residents table is still there, with the
    # same rows (no bad phone or code created anyone), the seeded demo resident among them.
    assert await Resident.all().count() == residents_before
    assert await Resident.exists(phone_hash=_hash("13800000001"))
