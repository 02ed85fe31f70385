"""Staff sign-in limits a stranger cannot turn into a lockout, and a disabled account that
answers exactly like a wrong password."""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any

import pytest

from backend.audit.models import AuditEvent, AuditOutcome
from backend.identity import staff as staff_service
from backend.identity.models import StaffAccount, StaffRole
from backend.identity.staff import (
    LOGIN_ATTEMPTS_PER_PAIR,
    LOGIN_ATTEMPTS_PER_SOURCE,
    LOGIN_SLOWDOWN,
)
from tests.conftest import GraphQLClient, GraphQLResult
from tests.identity.helpers import STAFF_LOGIN, make_staff

_rng = random.SystemRandom()
WRONG = {
    "field": "password",
    "message": "用户名或密码不正确，或账号已停用。",
    "code": "INVALID_CREDENTIALS",
}


def new_address() -> str:
    """A client address no other test uses (the limits are keyed on it)."""
    return f"10.{_rng.randrange(256)}.{_rng.randrange(256)}.{_rng.randrange(1, 255)}"


def codes(result: GraphQLResult) -> list[str]:
    return [e["code"] for e in result.data["staffLogin"]["errors"]]  # type: ignore[index]


async def latest_sign_in_event() -> AuditEvent:
    event = await AuditEvent.filter(action="identity.staff_login").order_by("-id").first()
    assert event is not None
    return event


async def test_a_stranger_cannot_lock_the_owner_out(gql: GraphQLClient) -> None:
    account, password = await make_staff(StaffRole.CLERK, None)
    stranger = gql.from_address(new_address())

    # From one address: 5 wrong guesses, then that address is stopped for this username,
    # even with the right password.
    first = [await stranger(STAFF_LOGIN, u=account.username, p=f"guess{i}") for i in range(5)]
    assert [codes(r) for r in first] == [["INVALID_CREDENTIALS"]] * LOGIN_ATTEMPTS_PER_PAIR
    assert codes(await stranger(STAFF_LOGIN, u=account.username, p="guess5")) == ["RATE_LIMITED"]
    assert codes(await stranger(STAFF_LOGIN, u=account.username, p=password)) == ["RATE_LIMITED"]

    # From many addresses at once: every guess is still answered, never refused.
    botnet = [gql.from_address(new_address()) for _ in range(10)]
    spread = await asyncio.gather(
        *(bot(STAFF_LOGIN, u=account.username, p="hunter2") for bot in botnet)
    )
    assert [codes(r) for r in spread] == [["INVALID_CREDENTIALS"]] * len(botnet)
    assert 5 + len(botnet) > LOGIN_SLOWDOWN.free  # the username is now being slowed down

    # The owner, from a fresh address with the right password, gets in: slowed, not locked.
    owner = gql.from_address(new_address())
    started = time.monotonic()
    result = await owner(STAFF_LOGIN, u=account.username, p=password)
    elapsed = time.monotonic() - started
    assert result.data["staffLogin"]["errors"] == []  # type: ignore[index]
    assert result.data["staffLogin"]["tokens"]["accessToken"]  # type: ignore[index]
    expected_delay = LOGIN_SLOWDOWN.delay_for(5 + len(botnet) + 1)
    assert expected_delay > 0
    assert elapsed >= expected_delay * 0.9
    event = await latest_sign_in_event()
    assert (event.outcome, event.actor_id) == (AuditOutcome.SUCCESS, str(account.id))
    assert event.details["delayed_ms"] == int(expected_delay * 1000)

    # The owner's success does not lift the stranger's own limit.
    assert codes(await stranger(STAFF_LOGIN, u=account.username, p=password)) == ["RATE_LIMITED"]


async def test_the_pair_limit_resets_after_a_success(gql: GraphQLClient) -> None:
    account, password = await make_staff(StaffRole.CLERK, None)
    me = gql.from_address(new_address())
    for _ in range(LOGIN_ATTEMPTS_PER_PAIR - 1):
        assert codes(await me(STAFF_LOGIN, u=account.username, p="typo")) == ["INVALID_CREDENTIALS"]
    assert codes(await me(STAFF_LOGIN, u=account.username, p=password)) == []
    # The 6th attempt from this address, but the count started again at the success.
    assert codes(await me(STAFF_LOGIN, u=account.username, p="typo")) == ["INVALID_CREDENTIALS"]


async def test_one_address_is_limited_across_usernames(gql: GraphQLClient) -> None:
    sprayer = gql.from_address(new_address())
    target, _ = await make_staff(StaffRole.CLERK, None)
    # Every attempt counts for the address, also those its (username, address) limit
    # refuses without checking a password (so this test needs only 5 verifications).
    answers = [
        codes(await sprayer(STAFF_LOGIN, u=target.username, p="guess"))
        for _ in range(LOGIN_ATTEMPTS_PER_SOURCE)
    ]
    assert answers == [["INVALID_CREDENTIALS"]] * LOGIN_ATTEMPTS_PER_PAIR + [["RATE_LIMITED"]] * (
        LOGIN_ATTEMPTS_PER_SOURCE - LOGIN_ATTEMPTS_PER_PAIR
    )
    # A username this address never tried: refused by the address limit alone.
    account, password = await make_staff(StaffRole.CLERK, None)
    assert codes(await sprayer(STAFF_LOGIN, u=account.username, p=password)) == ["RATE_LIMITED"]
    # Other addresses are not affected.
    elsewhere = gql.from_address(new_address())
    assert codes(await elsewhere(STAFF_LOGIN, u=account.username, p=password)) == []


async def test_a_disabled_account_answers_like_a_wrong_password(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    disabled, password = await make_staff(StaffRole.CLERK, None)
    await StaffAccount.filter(id=disabled.id).update(active=False)
    active, _ = await make_staff(StaffRole.CLERK, None)

    verifications: list[str] = []
    real_verify = staff_service._verify

    def counting_verify(password_hash: str, password: str) -> bool:
        verifications.append(password_hash)
        return real_verify(password_hash, password)

    monkeypatch.setattr(staff_service, "_verify", counting_verify)

    cases = {
        "disabled, right password": (disabled.username, password),
        "disabled, wrong password": (disabled.username, "not the password"),
        "active, wrong password": (active.username, "not the password"),
        "unknown username": ("nobody-at-all", "not the password"),
    }
    answers: dict[str, Any] = {}
    reasons: dict[str, str | None] = {}
    for case, (username, attempt) in cases.items():
        before = len(verifications)
        result = await gql.from_address(new_address())(STAFF_LOGIN, u=username, p=attempt)
        # One password verification on every path: the time taken tells nothing either.
        assert len(verifications) - before == 1, case
        answers[case] = result.data["staffLogin"]  # type: ignore[index]
        reasons[case] = (await latest_sign_in_event()).reason

    assert all(answer == answers["unknown username"] for answer in answers.values()), answers
    assert answers["disabled, right password"] == {"tokens": None, "staff": None, "errors": [WRONG]}
    # Only the audit log, for admins, says what really happened.
    assert reasons == {
        "disabled, right password": "ACCOUNT_DISABLED",
        "disabled, wrong password": "INVALID_CREDENTIALS",
        "active, wrong password": "INVALID_CREDENTIALS",
        "unknown username": "INVALID_CREDENTIALS",
    }
