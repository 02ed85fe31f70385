"""The transition table, tried exhaustively: every state, every action, every kind of
person (the owner, another resident, staff of the accepting centre, of the collecting
centre, of another centre, an admin). What the table allows happens, with one history
entry; everything else is refused with its code and changes nothing."""

from __future__ import annotations

import pytest

from backend.cases import service
from backend.cases.models import Case, CaseEvent, CaseState
from backend.cases.states import RULES, Actor, CaseAction
from backend.identity.models import StaffRole
from backend.platform.errors import DomainError
from backend.platform.principal import Principal
from tests.cases.helpers import (
    ACCEPTING,
    COLLECTING,
    ELSEWHERE,
    World,
    case_in,
    new_resident,
    resident_principal,
    staff_principal,
    world,
)

PEOPLE = [
    "owner",
    "other_resident",
    "clerk_accepting",
    "head_accepting",
    "clerk_collecting",
    "clerk_elsewhere",
    "admin",
]
# What each person is to the table, and whether they can see the case at all.
PLAYS = {
    "owner": Actor.OWNER,
    "clerk_accepting": Actor.ACCEPTING_STAFF,
    "head_accepting": Actor.ACCEPTING_STAFF,
}
SEES = {"owner", "clerk_accepting", "head_accepting", "clerk_collecting", "admin"}
IS_STAFF = {"clerk_accepting", "head_accepting", "clerk_collecting", "clerk_elsewhere"}


def expected(person: str, state: CaseState, action: CaseAction) -> tuple[str, str | None] | None:
    """None when allowed; else (code, reason). Precedence: visibility, role, state."""
    rule = RULES[action]
    if person not in SEES:
        return ("NOT_FOUND", None)
    if PLAYS.get(person) is not rule.by:
        if rule.by is Actor.OWNER:
            return ("FORBIDDEN", "OWNER_ONLY")
        return ("FORBIDDEN", "OTHER_CENTRE" if person in IS_STAFF else "STAFF_ONLY")
    if state not in rule.sources:
        return ("ILLEGAL_TRANSITION", None)
    return None


@pytest.fixture(scope="module")
async def cast(database_url: str) -> tuple[World, dict[str, Principal]]:
    w = await world()
    people = {
        "owner": resident_principal(w.owner),
        "other_resident": resident_principal(await new_resident()),
        "clerk_accepting": await staff_principal(StaffRole.CLERK, ACCEPTING),
        "head_accepting": await staff_principal(StaffRole.CENTRE_HEAD, ACCEPTING),
        "clerk_collecting": await staff_principal(StaffRole.CLERK, COLLECTING),
        "clerk_elsewhere": await staff_principal(StaffRole.CLERK, ELSEWHERE),
        "admin": await staff_principal(StaffRole.ADMIN, None),
    }
    return w, people


@pytest.mark.parametrize("state", list(CaseState))
async def test_every_action_by_everyone_from(
    state: CaseState, cast: tuple[World, dict[str, Principal]]
) -> None:
    w, people = cast
    tried = 0
    for action in CaseAction:
        for person in PEOPLE:
            case = await case_in(state, w)
            outcome = expected(person, state, action)
            try:
                moved = await service.advance(people[person], case.id, action, "材料不全，请补充")
            except DomainError as error:
                got: tuple[str, str | None] | None = (error.code.value, error.reason)
            else:
                got = None
                assert moved.state is RULES[action].target
            assert got == outcome, (state, action, person)
            history = await CaseEvent.filter(case_id=case.id)
            now_state = (await Case.get(id=case.id)).state
            if outcome is None:
                assert [(h.from_state, h.to_state, h.action) for h in history] == [
                    (state, RULES[action].target, action.value)
                ]
            else:
                assert history == [] and now_state is state  # nothing changed
            tried += 1
    assert tried == len(CaseAction) * len(PEOPLE)


async def test_the_table_is_what_the_issue_describes() -> None:
    """A hand-written reading of the lifecycle, so a change to the table is deliberate."""
    s = CaseState
    edges = {(src, rule.target) for rule in RULES.values() for src in rule.sources}
    assert (s.SUBMITTED, s.PREREVIEW_PASSED) in edges
    assert (s.SUBMITTED, s.NEEDS_SUPPLEMENT) in edges and (s.NEEDS_SUPPLEMENT, s.SUBMITTED) in edges
    assert (s.PREREVIEW_PASSED, s.ACCEPTED) in edges and (s.ACCEPTED, s.FORWARDED) in edges
    assert (s.FORWARDED, s.PROCESSING) in edges and (s.PROCESSING, s.COMPLETED) in edges
    assert (s.PROCESSING, s.REJECTED) in edges
    assert {src for src, dst in edges if dst is s.WITHDRAWN} == {
        s.SUBMITTED,
        s.PREREVIEW_PASSED,
        s.NEEDS_SUPPLEMENT,
    }
    assert not [e for e in edges if e[0] in (s.COMPLETED, s.REJECTED, s.WITHDRAWN)]


async def test_a_reason_is_required_to_reject_or_ask_for_more(
    cast: tuple[World, dict[str, Principal]],
) -> None:
    w, people = cast
    for action in (CaseAction.REJECT, CaseAction.REQUEST_SUPPLEMENT):
        case = await case_in(CaseState.SUBMITTED, w)
        with pytest.raises(DomainError) as refused:
            await service.advance(people["clerk_accepting"], case.id, action, "   ")
        assert (refused.value.code.value, refused.value.field) == ("INVALID_INPUT", "note")
        assert (await Case.get(id=case.id)).state is CaseState.SUBMITTED


async def test_a_cases_history_cannot_be_rewritten(
    cast: tuple[World, dict[str, Principal]],
) -> None:
    """The database refuses UPDATE and DELETE on cases_event for every client, raw SQL too."""
    from tortoise import connections

    from tests.audit.test_audit import REFUSED

    w, people = cast
    case = await case_in(CaseState.SUBMITTED, w)
    await service.advance(people["clerk_accepting"], case.id, CaseAction.ACCEPT, None)
    step = await CaseEvent.get(case_id=case.id)
    connection = connections.get("default")
    for sql in (
        "UPDATE cases_event SET note = 'x' WHERE id = $1",
        "DELETE FROM cases_event WHERE id = $1",
    ):
        with pytest.raises(REFUSED, match="append-only"):
            await connection.execute_query(sql, [step.id])
    assert (await CaseEvent.get(id=step.id)).note == ""
