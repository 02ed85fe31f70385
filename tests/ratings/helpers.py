"""People, finished cases and GraphQL documents for the ratings tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from strawberry import relay

from backend.cases import service as cases
from backend.cases.models import Case, CaseState
from backend.cases.states import CaseAction
from backend.centres.models import Centre
from backend.identity.models import Resident, StaffAccount, StaffRole
from backend.matters.models import Matter
from backend.platform.principal import Principal, Role
from backend.platform.tokens import SubjectKind
from tests.cases.helpers import COLLECT_FORWARD_MATTER, World, case_in
from tests.conftest import GraphQLClient
from tests.identity.helpers import make_staff, sign_in, staff_token

# The ratings tests keep to centres the cases tests do not list, so the cases they finish
# here never crowd the cases tests' work queues.
RATED = "310104-03"  # where the ratings tests' cases are collected, accepted and finished
OTHER = "310101-05"  # a centre whose head must be refused

RATE = """mutation($input: RateCaseInput!) { rateCase(input: $input) {
    rating { id level levelName channel caseNumber comment indicators { indicator level }
             followUp { id state dueDate } }
    errors { field code message } } }"""
STATUS = """query($n: String!) { caseRating(caseNumber: $n) { ratable
    rating { level followUp { id state canAppeal resolution appealAnswer } } } }"""
RESOLVE = """mutation($input: ResolveRatingFollowUpInput!) { resolveRatingFollowUp(input: $input) {
    followUp { id state cause resolution contactNote appeal appealAnswer canResolve }
    errors { field code message } } }"""
APPEAL = """mutation($input: AppealRatingInput!) { appealRating(input: $input) {
    followUp { id state appeal canAppeal } errors { field code message } } }"""
MARK = """mutation($input: MarkRatingInput!) { markRating(input: $input) {
    rating { id mark markName markReason } errors { field code message } } }"""
FIGURES = """query($c: String!) { centreSatisfaction(centreCode: $c) {
    ratingCount satisfiedCount satisfactionRate levels { level count } } }"""
CLERKS = """query($c: String!) { clerkSatisfaction(centreCode: $c) {
    clerk { id displayName } figures { ratingCount satisfiedCount } } }"""
SERVE = """mutation($w: String!) { setServingWindow(window: $w) {
    tablet { centreCode window clerk { displayName } } errors { field code message } } }"""
TABLET = """query($c: String!, $w: String!) { ratingTablet(centreCode: $c, window: $w) {
    centreCode window clerk { id displayName } } }"""
COUNTER = """mutation($input: RateAtCounterInput!) { rateAtCounter(input: $input) {
    rating { id level channel window } errors { field code message } } }"""
FOLLOW_UPS = """query($c: String) { ratingFollowUps(centreCode: $c, first: 100) { totalCount
    edges { node { id state dueDate rating { level } } } } }"""

GOOD = "SATISFIED"
ALL_FOUR = ("OVERALL", "EFFICIENCY", "ATTITUDE", "ENVIRONMENT")


def scores(level: str = GOOD, **others: str) -> list[dict[str, str]]:
    found = {name: level for name in ALL_FOUR}
    found.update(others)
    return [{"indicator": k, "level": v} for k, v in found.items()]


@dataclass
class Owner:
    client: GraphQLClient
    resident: Resident
    phone: str


async def resident(gql: GraphQLClient) -> Owner:
    tokens = await sign_in(gql)
    pk = int(relay.GlobalID.from_id(tokens["residentId"]).node_id)
    return Owner(gql.with_token(tokens["accessToken"]), await Resident.get(id=pk), tokens["phone"])


@dataclass
class Staff:
    client: GraphQLClient
    account: StaffAccount
    principal: Principal


async def staff(gql: GraphQLClient, role: StaffRole, centre_code: str | None) -> Staff:
    centre = await Centre.get(code=centre_code) if centre_code else None
    account, password = await make_staff(role, centre.id if centre else None)
    principal = Principal(
        kind=SubjectKind.STAFF,
        subject_id=str(account.id),
        role=Role(role.value),
        centre_id=centre.id if centre else None,
    )
    return Staff(gql.with_token(await staff_token(gql, account, password)), account, principal)


async def case_of(owner: Owner, state: CaseState) -> Case:
    w = World(
        owner=owner.resident,
        matter=await Matter.get(code=COLLECT_FORWARD_MATTER),
        collecting=await Centre.get(code=RATED),
        accepting=await Centre.get(code=RATED),
    )
    return await case_in(state, w)


async def finished_case(
    owner: Owner, clerk: Staff, action: CaseAction = CaseAction.COMPLETE
) -> Case:
    """A case taken to its end through the cases service by `clerk` (of the accepting
    centre), as at the counter: the history names the clerk and the centre."""
    case = await case_of(owner, CaseState.PROCESSING)
    note = "材料不全，无法办理" if action is CaseAction.REJECT else None
    return await cases.advance(clerk.principal, case.id, action, note)


def unique_window() -> str:
    return uuid.uuid4().hex[:6]
