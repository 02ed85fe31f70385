"""Cases through the API: applying online, opening at the counter, 收受分离 routing, the
work queue (overdue first), promised dates in working days, races and bad input."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from strawberry import relay

from backend.cases import service
from backend.cases.models import Case, CaseEvent, CaseState
from backend.cases.states import CaseAction
from backend.centres.models import Centre
from backend.identity.models import StaffRole
from backend.platform.calendar import add_working_days
from backend.platform.clock import now, to_shanghai
from backend.platform.errors import DomainError
from tests.cases.helpers import (
    ACCEPTING,
    COLLECT_FORWARD_MATTER,
    COLLECTING,
    COUNTER_MATTER,
    ELSEWHERE,
    ONLINE_MATTER,
    case_in,
    staff_principal,
    world,
)
from tests.conftest import GraphQLClient
from tests.identity.helpers import make_staff, sign_in, staff_token, verified_resident

SUBMIT = """mutation($input: SubmitCaseInput!) { submitCase(input: $input) {
    case { id number state channel collectForward acceptingCentre { code } collectingCentre { code }
           materials { name provided byECertificate } timeline { action toState } }
    errors { field code message } } }"""
ADVANCE = """mutation($input: AdvanceCaseInput!) { advanceCase(input: $input) {
    case { id state promisedDate timeline { action fromState toState note } availableActions }
    errors { field code message } } }"""
QUEUE = """query($c: String!) { centreCases(centreCode: $c, first: 100) { totalCount
    edges { node { number overdue promisedDate } } }
    centreCaseSummary(centreCode: $c) { overdue counts { state count } } }"""
NEW_IN_QUEUE = """query($c: String!) {
    centreCases(centreCode: $c, states: [SUBMITTED], first: 100) { edges { node { number } } } }"""
MY = "{ myCases(first: 10) { totalCount edges { node { number state availableActions } } } }"
COUNTER = """mutation($input: OpenCounterCaseInput!) { openCounterCase(input: $input) {
    case { number channel state acceptingCentre { code } } errors { field code } } }"""


QUEUE_PAGE = """query($c: String!, $after: String) { centreCases(centreCode: $c, first: 100,
    after: $after) { pageInfo { hasNextPage endCursor } edges { node { number } } } }"""


async def _queue_numbers(client: GraphQLClient, centre: str) -> list[str]:
    """The whole work queue, page by page (other tests leave their cases there too)."""
    numbers: list[str] = []
    after = None
    while True:
        page = (await client(QUEUE_PAGE, c=centre, after=after)).data["centreCases"]  # type: ignore[index]
        numbers += [e["node"]["number"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return numbers
        after = page["pageInfo"]["endCursor"]


async def _clerk(
    gql: GraphQLClient, centre: str, role: StaffRole = StaffRole.CLERK
) -> GraphQLClient:
    account, password = await make_staff(role, (await Centre.get(code=centre)).id)
    return gql.with_token(await staff_token(gql, account, password))


async def test_a_collect_forward_case_goes_to_the_household_centre(gql: GraphQLClient) -> None:
    """李娜's household registration is in 杨浦 (定海路) in the demo registry; she hands in
    a 收受分离 matter in 黄浦: 杨浦 accepts it, and 黄浦's clerk cannot."""
    tokens, _ = await verified_resident(gql)
    resident = gql.with_token(tokens["accessToken"])
    # Residents verified through the registry stand-in get no household centre unless the
    # registry knows one; give this one 杨浦 the way the registry would have.
    from backend.identity.models import Resident

    pk = int(relay.GlobalID.from_id(tokens["residentId"]).node_id)
    await Resident.filter(id=pk).update(household_centre_id=(await Centre.get(code=ACCEPTING)).id)

    created = await resident(
        SUBMIT,
        input={
            "matterCode": COLLECT_FORWARD_MATTER,
            "centreCode": COLLECTING,
            "materials": [{"name": "居民身份证", "byECertificate": True}, {"name": "户口簿"}],
        },
    )
    payload = created.data["submitCase"]  # type: ignore[index]
    assert payload["errors"] == []
    case = payload["case"]
    assert case["state"] == "SUBMITTED" and case["channel"] == "ONLINE" and case["collectForward"]
    assert (case["collectingCentre"]["code"], case["acceptingCentre"]["code"]) == (
        COLLECTING,
        ACCEPTING,
    )
    assert case["materials"][0] == {"name": "居民身份证", "provided": True, "byECertificate": True}
    assert {m["name"]: m["provided"] for m in case["materials"]}["家庭成员收入证明"] is False
    assert case["timeline"] == [{"action": "SUBMIT", "toState": "SUBMITTED"}]

    here = await _clerk(gql, COLLECTING)
    refused = await here(ADVANCE, input={"caseId": case["id"], "action": "ACCEPT"})
    assert [e["code"] for e in refused.data["advanceCase"]["errors"]] == ["FORBIDDEN"]  # type: ignore[index]
    there = await _clerk(gql, ACCEPTING)
    assert case["number"] in await _queue_numbers(there, ACCEPTING)
    accepted = (await there(ADVANCE, input={"caseId": case["id"], "action": "ACCEPT"})).data[
        "advanceCase"
    ]  # type: ignore[index]
    assert accepted["errors"] == [] and accepted["case"]["state"] == "ACCEPTED"
    today = to_shanghai(now()).date()
    assert accepted["case"]["promisedDate"] == add_working_days(today, 20).isoformat()
    assert accepted["case"]["availableActions"] == ["FORWARD", "COMPLETE", "REJECT"]
    mine = await resident(MY)
    node = mine.data["myCases"]["edges"][0]["node"]  # type: ignore[index]
    assert node == {"number": case["number"], "state": "ACCEPTED", "availableActions": []}


async def test_what_cannot_be_applied_for_online_says_why(gql: GraphQLClient) -> None:
    tokens, _ = await verified_resident(gql)
    resident = gql.with_token(tokens["accessToken"])

    async def codes(**fields: object) -> list[tuple[str, str | None]]:
        result = await resident(SUBMIT, input={"centreCode": COLLECTING} | fields)
        if result.errors:
            return [(str(c), None) for c in result.codes]
        return [(e["code"], e["field"]) for e in result.data["submitCase"]["errors"]]  # type: ignore[index]

    assert await codes(matterCode=COUNTER_MATTER) == [("MATTER_NOT_ONLINE", "matterCode")]
    assert await codes(matterCode="NOPE") == [("NOT_FOUND", "code")]
    assert await codes(matterCode="GJ012", centreCode=ELSEWHERE) == [
        ("MATTER_NOT_OFFERED", "centreCode")
    ]
    bad_material = await codes(matterCode=ONLINE_MATTER, materials=[{"name": "护照"}])
    assert bad_material == [("INVALID_INPUT", "materials")]
    pk = int(relay.GlobalID.from_id(tokens["residentId"]).node_id)
    assert await Case.filter(resident_id=pk).count() == 0  # nothing was opened

    unverified = gql.with_token((await sign_in(gql))["accessToken"])
    refused = await unverified(
        SUBMIT, input={"matterCode": ONLINE_MATTER, "centreCode": COLLECTING}
    )
    assert refused.errors[0]["extensions"] == {"code": "FORBIDDEN", "reason": "REAL_NAME_REQUIRED"}


async def test_a_clerk_opens_a_counter_case_by_id_number(gql: GraphQLClient) -> None:
    tokens, person = await verified_resident(gql)
    clerk = await _clerk(gql, COLLECTING)
    opened = await clerk(
        COUNTER, input={"idNumber": person.id_number, "matterCode": COUNTER_MATTER}
    )
    payload = opened.data["openCounterCase"]  # type: ignore[index]
    assert payload["errors"] == []
    assert payload["case"]["channel"] == "COUNTER" and payload["case"]["state"] == "SUBMITTED"
    assert payload["case"]["acceptingCentre"]["code"] == COLLECTING  # DIRECT: accepted here
    mine = await gql.with_token(tokens["accessToken"])(MY)
    assert mine.data["myCases"]["edges"][0]["node"]["number"] == payload["case"]["number"]  # type: ignore[index]

    unknown = await clerk(
        COUNTER, input={"idNumber": "310101199001011237", "matterCode": COUNTER_MATTER}
    )
    assert [e["code"] for e in unknown.data["openCounterCase"]["errors"]] in (  # type: ignore[index]
        ["RESIDENT_NOT_FOUND"],
        ["ID_NUMBER_INVALID_CHECKSUM"],
    )
    # The history says where the clerk acted: the collecting centre (not the clerk's id).
    opened_case = await Case.get(number=payload["case"]["number"])
    [submitted] = await CaseEvent.filter(case_id=opened_case.id)
    assert (submitted.actor_kind.value, submitted.centre_id) == (
        "STAFF",
        opened_case.collecting_centre_id,
    )
    resident_tries = await gql.with_token(tokens["accessToken"])(
        COUNTER, input={"idNumber": person.id_number, "matterCode": COUNTER_MATTER}
    )
    assert resident_tries.errors[0]["extensions"] == {"code": "FORBIDDEN", "reason": "STAFF_ONLY"}


async def test_the_queue_puts_overdue_cases_first_and_counts_them(
    gql: GraphQLClient,
) -> None:
    w = await world()
    fresh = await case_in(CaseState.ACCEPTED, w)
    late = await case_in(CaseState.PROCESSING, w)
    finished_late = await case_in(CaseState.COMPLETED, w)
    today = to_shanghai(now()).date()
    await Case.filter(id=fresh.id).update(promised_date=today + timedelta(days=10))
    await Case.filter(id__in=[late.id, finished_late.id]).update(promised_date=date(2020, 1, 2))
    head = await _clerk(gql, ACCEPTING, StaffRole.CENTRE_HEAD)
    result = await head(QUEUE, c=ACCEPTING)
    numbers = [e["node"]["number"] for e in result.data["centreCases"]["edges"]]  # type: ignore[index]
    assert numbers.index(late.number) < numbers.index(fresh.number)
    flags = {e["node"]["number"]: e["node"]["overdue"] for e in result.data["centreCases"]["edges"]}  # type: ignore[index]
    assert flags[late.number] and not flags[fresh.number] and not flags[finished_late.number]
    summary = result.data["centreCaseSummary"]  # type: ignore[index]
    assert summary["overdue"] >= 1
    overdue_now = (
        await Case.filter(accepting_centre_id=w.accepting.id, promised_date__lt=today)
        .exclude(state__in=["COMPLETED", "REJECTED", "WITHDRAWN"])
        .count()
    )
    assert summary["overdue"] == overdue_now

    elsewhere = await _clerk(gql, COLLECTING)
    other = await elsewhere(QUEUE, c=ACCEPTING)
    assert other.errors[0]["extensions"]["code"] == "FORBIDDEN"


async def test_two_clerks_racing_to_accept_one_case_cannot_both_win(database_url: str) -> None:
    w = await world()
    case = await case_in(CaseState.SUBMITTED, w)
    one = await staff_principal(StaffRole.CLERK, ACCEPTING)
    two = await staff_principal(StaffRole.CLERK, ACCEPTING)
    results = await asyncio.gather(
        service.advance(one, case.id, CaseAction.ACCEPT, None),
        service.advance(two, case.id, CaseAction.ACCEPT, None),
        return_exceptions=True,
    )
    refused = [r for r in results if isinstance(r, DomainError)]
    assert len(refused) == 1 and refused[0].code.value == "ILLEGAL_TRANSITION"
    assert await CaseEvent.filter(case_id=case.id, action="ACCEPT").count() == 1


async def test_someone_elses_case_and_garbage_ids(gql: GraphQLClient) -> None:
    w = await world()
    case = await case_in(CaseState.SUBMITTED, w)
    gid = str(relay.GlobalID("Case", str(case.id)))
    stranger = gql.with_token((await sign_in(gql))["accessToken"])
    withdraw = await stranger(ADVANCE, input={"caseId": gid, "action": "WITHDRAW"})
    assert [e["code"] for e in withdraw.data["advanceCase"]["errors"]] == ["NOT_FOUND"]  # type: ignore[index]
    node = await stranger("query($id: ID!) { node(id: $id) { id } }", id=gid)
    assert node.codes == ["NOT_FOUND"]
    for bad in ("nope", str(relay.GlobalID("Centre", "1")), str(relay.GlobalID("Case", "0"))):
        result = await stranger(ADVANCE, input={"caseId": bad, "action": "WITHDRAW"})
        assert [e["code"] for e in result.data["advanceCase"]["errors"]] == ["INVALID_ID"]  # type: ignore[index]
    assert (await Case.get(id=case.id)).state is CaseState.SUBMITTED
