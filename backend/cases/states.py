"""The one table of what may happen to a case, by whom, and where.

Each action moves a case from one of its `sources` to its `target`. `by` says who may take
it: the resident who owns the case, or staff (a clerk or a centre head) acting at the
case's accepting centre, the centre that accepts and decides (for a 收受分离 matter, the
resident's household-registration centre; otherwise the centre that collected it).
Admins oversee; they do not handle cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from backend.cases.models import CaseState

S = CaseState


class CaseAction(str, Enum):
    PASS_PREREVIEW = "PASS_PREREVIEW"  # noqa: S105 - 预审通过, an action, not a secret
    REQUEST_SUPPLEMENT = "REQUEST_SUPPLEMENT"  # 要求补正
    SUPPLEMENT = "SUPPLEMENT"  # 补正材料 (the resident)
    ACCEPT = "ACCEPT"  # 受理
    FORWARD = "FORWARD"  # 转办 to the department's back office
    START_PROCESSING = "START_PROCESSING"  # 开始办理
    COMPLETE = "COMPLETE"  # 办结
    REJECT = "REJECT"  # 不予办理 (a reason is required)
    WITHDRAW = "WITHDRAW"  # 撤回 (the resident, before acceptance)


class Actor(str, Enum):
    OWNER = "OWNER"  # the resident whose case it is
    ACCEPTING_STAFF = "ACCEPTING_STAFF"  # a clerk or centre head at the accepting centre


@dataclass(frozen=True)
class Rule:
    sources: frozenset[CaseState]
    target: CaseState
    by: Actor
    needs_note: bool = False  # a reason the resident reads


BEFORE_ACCEPTANCE = frozenset({S.SUBMITTED, S.PREREVIEW_PASSED, S.NEEDS_SUPPLEMENT})
RULES: dict[CaseAction, Rule] = {
    CaseAction.PASS_PREREVIEW: Rule(
        frozenset({S.SUBMITTED}), S.PREREVIEW_PASSED, Actor.ACCEPTING_STAFF
    ),
    CaseAction.REQUEST_SUPPLEMENT: Rule(
        frozenset({S.SUBMITTED, S.PREREVIEW_PASSED}),
        S.NEEDS_SUPPLEMENT,
        Actor.ACCEPTING_STAFF,
        True,
    ),
    CaseAction.SUPPLEMENT: Rule(frozenset({S.NEEDS_SUPPLEMENT}), S.SUBMITTED, Actor.OWNER),
    CaseAction.ACCEPT: Rule(
        frozenset({S.SUBMITTED, S.PREREVIEW_PASSED}), S.ACCEPTED, Actor.ACCEPTING_STAFF
    ),
    CaseAction.FORWARD: Rule(frozenset({S.ACCEPTED}), S.FORWARDED, Actor.ACCEPTING_STAFF),
    CaseAction.START_PROCESSING: Rule(
        frozenset({S.FORWARDED}), S.PROCESSING, Actor.ACCEPTING_STAFF
    ),
    # ACCEPTED -> COMPLETED: matters done on the spot (即办) skip the back office.
    CaseAction.COMPLETE: Rule(
        frozenset({S.ACCEPTED, S.PROCESSING}), S.COMPLETED, Actor.ACCEPTING_STAFF
    ),
    CaseAction.REJECT: Rule(
        frozenset({*BEFORE_ACCEPTANCE, S.ACCEPTED, S.FORWARDED, S.PROCESSING}),
        S.REJECTED,
        Actor.ACCEPTING_STAFF,
        True,
    ),
    CaseAction.WITHDRAW: Rule(BEFORE_ACCEPTANCE, S.WITHDRAWN, Actor.OWNER),
}
FINAL_STATES = frozenset({S.COMPLETED, S.REJECTED, S.WITHDRAWN})


def actions_from(state: CaseState, actor: Actor) -> list[CaseAction]:
    """What `actor` may do to a case in `state`, in the table's order."""
    return [a for a, r in RULES.items() if r.by is actor and state in r.sources]
