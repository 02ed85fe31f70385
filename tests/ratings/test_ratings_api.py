"""好差评 through the API: one rating per finished case, by its owner, tied to the clerk and
centre that finished it; the SMS link; the follow-up of a 不满意 rating in working days,
appealed once; 误评/恶意 marks with a reason, audited, and left out of the figures; the
window's tablet; every refusal changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from backend.audit.models import AuditEvent, AuditOutcome
from backend.cases.models import CaseState
from backend.cases.states import CaseAction
from backend.centres.models import Centre
from backend.identity.models import StaffRole
from backend.identity.sms import outbox_messages
from backend.platform import streams
from backend.platform.calendar import add_working_days
from backend.platform.clock import now, to_shanghai
from backend.platform.infra import Infrastructure
from backend.ratings.models import FollowUp, FollowUpState, Rating
from tests.conftest import GraphQLClient
from tests.identity.helpers import node_pk
from tests.ratings.helpers import (
    APPEAL,
    CLERKS,
    COUNTER,
    FIGURES,
    FOLLOW_UPS,
    MARK,
    OTHER,
    RATE,
    RATED,
    RESOLVE,
    SERVE,
    STATUS,
    TABLET,
    Owner,
    case_of,
    finished_case,
    resident,
    scores,
    staff,
    unique_window,
)


def _payload(result: object, name: str) -> dict:  # type: ignore[type-arg]
    data = getattr(result, "data", None)
    assert data is not None, result
    found: dict = data[name]  # type: ignore[type-arg]
    return found


async def _rate(owner: Owner, number: str, level: str) -> dict:  # type: ignore[type-arg]
    result = await owner.client(RATE, input={"caseNumber": number, "indicators": scores(level)})
    return _payload(result, "rateCase")


async def _appeal(owner: Owner, fid: str, reason: str) -> dict:  # type: ignore[type-arg]
    result = await owner.client(APPEAL, input={"followUpId": fid, "reason": reason})
    return _payload(result, "appealRating")


def _codes(payload: dict) -> list[str]:  # type: ignore[type-arg]
    return [e["code"] for e in payload["errors"]]


async def test_a_finished_case_texts_the_link_and_is_rated_once(gql: GraphQLClient) -> None:
    owner = await resident(gql)
    clerk = await staff(gql, StaffRole.CLERK, RATED)
    case = await finished_case(owner, clerk)

    sms = (await outbox_messages(owner.phone, limit=1))[0]
    assert sms.template == "CASE_FINISHED"
    assert f"http://127.0.0.1:8000/cases/{case.number}/rate" in sms.text
    assert "已办结" in sms.text

    status = _payload(await owner.client(STATUS, n=case.number), "caseRating")
    assert status == {"ratable": True, "rating": None}

    rated = _payload(
        await owner.client(
            RATE,
            input={
                "caseNumber": case.number,
                "indicators": scores("VERY_SATISFIED", GUIDANCE="SATISFIED"),
                "comment": "  窗口很耐心\n谢谢  ",
            },
        ),
        "rateCase",
    )
    assert rated["errors"] == []
    rating = rated["rating"]
    assert (rating["level"], rating["levelName"], rating["channel"]) == (
        "VERY_SATISFIED",
        "非常满意",
        "ONLINE",
    )
    assert rating["comment"] == "窗口很耐心\n谢谢"
    assert [i["indicator"] for i in rating["indicators"]] == [
        "OVERALL",
        "EFFICIENCY",
        "ATTITUDE",
        "ENVIRONMENT",
        "GUIDANCE",
    ]
    assert rating["followUp"] is None  # a good rating opens nothing
    row = await Rating.get(case_id=case.id)
    accepting = await Centre.get(code=RATED)
    assert (row.clerk_id, row.centre_id, row.resident_id) == (
        clerk.account.id,
        accepting.id,
        owner.resident.id,
    )

    again = _payload(
        await owner.client(
            RATE, input={"caseNumber": case.number, "indicators": scores("VERY_DISSATISFIED")}
        ),
        "rateCase",
    )
    assert _codes(again) == ["ALREADY_RATED"] and again["rating"] is None
    assert await Rating.filter(case_id=case.id).count() == 1
    assert (await Rating.get(case_id=case.id)).level.value == "VERY_SATISFIED"
    status = _payload(await owner.client(STATUS, n=case.number), "caseRating")
    assert status["ratable"] is False and status["rating"]["level"] == "VERY_SATISFIED"

    # The rating is on the resident's durable stream (their myUpdates).
    entries = await streams.read(f"resident:{owner.resident.id}", 0)
    assert "rating.recorded" in [e.kind for e in entries]


async def test_a_rejected_case_may_be_rated_too(gql: GraphQLClient) -> None:
    owner = await resident(gql)
    clerk = await staff(gql, StaffRole.CLERK, RATED)
    case = await finished_case(owner, clerk, CaseAction.REJECT)
    assert "不予办理" in (await outbox_messages(owner.phone, limit=1))[0].text
    rated = _payload(
        await owner.client(RATE, input={"caseNumber": case.number, "indicators": scores()}),
        "rateCase",
    )
    assert rated["errors"] == []


@pytest.mark.parametrize(
    ("case_state", "indicators", "comment", "code", "field"),
    [
        (CaseState.PROCESSING, scores(), None, "NOT_RATABLE_YET", "number"),
        (CaseState.ACCEPTED, scores(), None, "NOT_RATABLE_YET", "number"),
        (CaseState.WITHDRAWN, scores(), None, "NOT_RATABLE_YET", "number"),
        (CaseState.COMPLETED, scores()[:3], None, "INVALID_INPUT", "indicators"),
        (
            CaseState.COMPLETED,
            [*scores(), {"indicator": "OVERALL", "level": "DISSATISFIED"}],
            None,
            "INVALID_INPUT",
            "indicators",
        ),
        (CaseState.COMPLETED, scores(), "好" * 201, "INVALID_INPUT", "comment"),
        (CaseState.COMPLETED, scores(), "很好\x1b", "INVALID_INPUT", "comment"),  # NUL: the edge
        (CaseState.COMPLETED, scores(), "很好\x1b[2J", "INVALID_INPUT", "comment"),
    ],
)
async def test_bad_ratings_change_nothing(
    gql: GraphQLClient,
    case_state: CaseState,
    indicators: list[dict[str, str]],
    comment: str | None,
    code: str,
    field: str,
) -> None:
    owner = await resident(gql)
    case = await case_of(owner, case_state)
    result = _payload(
        await owner.client(
            RATE, input={"caseNumber": case.number, "indicators": indicators, "comment": comment}
        ),
        "rateCase",
    )
    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, field)]
    assert not await Rating.exists(case_id=case.id)
    assert not await FollowUp.exists(rating__case_id=case.id)


async def test_someone_elses_case_is_not_found_and_staff_cannot_rate(gql: GraphQLClient) -> None:
    owner, stranger = await resident(gql), await resident(gql)
    case = await case_of(owner, CaseState.COMPLETED)
    refused = _payload(
        await stranger.client(RATE, input={"caseNumber": case.number, "indicators": scores()}),
        "rateCase",
    )
    assert _codes(refused) == ["NOT_FOUND"]
    missing = _payload(
        await owner.client(RATE, input={"caseNumber": "NO-SUCH-CASE", "indicators": scores()}),
        "rateCase",
    )
    assert _codes(missing) == ["NOT_FOUND"]
    assert [
        e["extensions"]["code"] for e in (await stranger.client(STATUS, n=case.number)).errors
    ] == ["NOT_FOUND"]
    head = await staff(gql, StaffRole.CENTRE_HEAD, RATED)
    by_staff = await head.client(RATE, input={"caseNumber": case.number, "indicators": scores()})
    assert by_staff.codes == ["FORBIDDEN"]
    anonymous = await gql(RATE, input={"caseNumber": case.number, "indicators": scores()})
    assert anonymous.codes == ["UNAUTHENTICATED"]
    assert not await Rating.exists(case_id=case.id)


async def test_a_bad_rating_opens_a_follow_up_due_in_working_days(
    gql: GraphQLClient, infrastructure: Infrastructure
) -> None:
    owner = await resident(gql)
    clerk = await staff(gql, StaffRole.CLERK, RATED)
    today = to_shanghai(now()).date()

    case = await finished_case(owner, clerk)
    rated = _payload(
        await owner.client(
            RATE, input={"caseNumber": case.number, "indicators": scores("DISSATISFIED")}
        ),
        "rateCase",
    )
    follow_up = rated["rating"]["followUp"]
    assert follow_up["state"] == "OPEN"
    assert date.fromisoformat(follow_up["dueDate"]) == add_working_days(today, 15)

    settings = infrastructure.settings
    infrastructure.settings = settings.model_copy(update={"rating_follow_up_working_days": 3})
    try:
        other = await finished_case(owner, clerk)
        rated = _payload(
            await owner.client(
                RATE, input={"caseNumber": other.number, "indicators": scores("VERY_DISSATISFIED")}
            ),
            "rateCase",
        )
    finally:
        infrastructure.settings = settings
    assert date.fromisoformat(rated["rating"]["followUp"]["dueDate"]) == add_working_days(today, 3)

    # 基本满意 counts as satisfied: no follow-up.
    third = await finished_case(owner, clerk)
    rated = _payload(
        await owner.client(
            RATE, input={"caseNumber": third.number, "indicators": scores("BASICALLY_SATISFIED")}
        ),
        "rateCase",
    )
    assert rated["rating"]["followUp"] is None


async def test_the_head_resolves_the_resident_appeals_once(gql: GraphQLClient) -> None:
    owner = await resident(gql)
    clerk = await staff(gql, StaffRole.CLERK, RATED)
    head = await staff(gql, StaffRole.CENTRE_HEAD, RATED)
    other_head = await staff(gql, StaffRole.CENTRE_HEAD, OTHER)
    admin = await staff(gql, StaffRole.ADMIN, None)
    case = await finished_case(owner, clerk)
    rated = _payload(
        await owner.client(
            RATE, input={"caseNumber": case.number, "indicators": scores("DISSATISFIED")}
        ),
        "rateCase",
    )
    fid = rated["rating"]["followUp"]["id"]
    pk = int(node_pk(fid))

    listed = _payload(await head.client(FOLLOW_UPS, c=RATED), "ratingFollowUps")
    assert fid in [e["node"]["id"] for e in listed["edges"]]
    assert (await other_head.client(FOLLOW_UPS, c=RATED)).codes == ["FORBIDDEN"]
    mine = _payload(await other_head.client(FOLLOW_UPS, c=None), "ratingFollowUps")
    assert fid not in [e["node"]["id"] for e in mine["edges"]]
    assert (await clerk.client(FOLLOW_UPS, c=RATED)).codes == ["FORBIDDEN"]
    assert fid in [
        e["node"]["id"]
        for e in _payload(await admin.client(FOLLOW_UPS, c=RATED), "ratingFollowUps")["edges"]
    ]

    early = _payload(
        await owner.client(APPEAL, input={"followUpId": fid, "reason": "没人联系我"}),
        "appealRating",
    )
    assert _codes(early) == ["NOT_APPEALABLE"]

    full = {
        "followUpId": fid,
        "contactNote": "已电话联系",
        "cause": "窗口解释不清",
        "resolution": "已重新培训",
    }
    for who, code in ((other_head, "FORBIDDEN"), (admin, "FORBIDDEN")):
        refused = _payload(await who.client(RESOLVE, input=full), "resolveRatingFollowUp")
        assert _codes(refused) == [code]
    no_cause = _payload(
        await head.client(RESOLVE, input={**full, "cause": "  "}), "resolveRatingFollowUp"
    )
    assert [(e["code"], e["field"]) for e in no_cause["errors"]] == [("INVALID_INPUT", "cause")]
    no_contact = _payload(
        await head.client(RESOLVE, input={**full, "contactNote": None}), "resolveRatingFollowUp"
    )
    assert [(e["code"], e["field"]) for e in no_contact["errors"]] == [
        ("INVALID_INPUT", "contactNote")
    ]
    assert (await FollowUp.get(id=pk)).state is FollowUpState.OPEN

    resolved = _payload(await head.client(RESOLVE, input=full), "resolveRatingFollowUp")
    assert resolved["errors"] == [] and resolved["followUp"]["state"] == "RESOLVED"
    again = _payload(await head.client(RESOLVE, input=full), "resolveRatingFollowUp")
    assert _codes(again) == ["ILLEGAL_TRANSITION"]

    seen = _payload(await owner.client(STATUS, n=case.number), "caseRating")
    assert seen["rating"]["followUp"]["resolution"] == "已重新培训"
    assert seen["rating"]["followUp"]["canAppeal"] is True

    stranger = await resident(gql)
    by_stranger = await _appeal(stranger, fid, "x")
    assert _codes(by_stranger) == ["NOT_FOUND"]
    empty = _payload(
        await owner.client(APPEAL, input={"followUpId": fid, "reason": " "}), "appealRating"
    )
    assert _codes(empty) == ["INVALID_INPUT"]
    appealed = _payload(
        await owner.client(APPEAL, input={"followUpId": fid, "reason": "问题没有解决"}),
        "appealRating",
    )
    assert appealed["errors"] == [] and appealed["followUp"]["state"] == "APPEALED"
    twice = await _appeal(owner, fid, "还是不行")
    assert _codes(twice) == ["ALREADY_APPEALED"]
    assert (await FollowUp.get(id=pk)).appeal == "问题没有解决"

    answered = _payload(
        await head.client(RESOLVE, input={"followUpId": fid, "resolution": "已上门补办"}),
        "resolveRatingFollowUp",
    )
    assert answered["followUp"]["state"] == "CLOSED"
    assert answered["followUp"]["appealAnswer"] == "已上门补办"
    after = await _appeal(owner, fid, "再申诉")
    assert _codes(after) == ["ALREADY_APPEALED"]

    kinds = [e.kind for e in await streams.read(f"resident:{owner.resident.id}", 0)]
    assert kinds.count("rating.follow_up") == 3  # resolved, appealed, closed


async def test_marks_need_a_reason_are_audited_and_leave_the_figures(gql: GraphQLClient) -> None:
    centre = OTHER
    clerk = await staff(gql, StaffRole.CLERK, centre)
    head = await staff(gql, StaffRole.CENTRE_HEAD, centre)
    other_head = await staff(gql, StaffRole.CENTRE_HEAD, RATED)
    admin = await staff(gql, StaffRole.ADMIN, None)
    window = unique_window()
    assert _payload(await clerk.client(SERVE, w=window), "setServingWindow")["errors"] == []

    before = _payload(await gql(FIGURES, c=centre), "centreSatisfaction")
    ids = []
    for level in ("VERY_SATISFIED", "BASICALLY_SATISFIED", "VERY_DISSATISFIED"):
        made = _payload(
            await clerk.client(
                COUNTER, input={"centreCode": centre, "window": window, "level": level}
            ),
            "rateAtCounter",
        )
        assert made["errors"] == []
        ids.append(made["rating"]["id"])
    middle = _payload(await gql(FIGURES, c=centre), "centreSatisfaction")
    assert middle["ratingCount"] == before["ratingCount"] + 3
    assert middle["satisfiedCount"] == before["satisfiedCount"] + 2
    assert middle["satisfactionRate"] == pytest.approx(
        middle["satisfiedCount"] / middle["ratingCount"]
    )
    malicious = ids[2]

    no_reason = await head.client(
        MARK, input={"ratingId": malicious, "mark": "MALICIOUS", "reason": " "}
    )
    assert [(e["code"], e["field"]) for e in _payload(no_reason, "markRating")["errors"]] == [
        ("INVALID_INPUT", "reason")
    ]
    audit = await AuditEvent.get(request_id=no_reason.request_id, action="ratings.mark")
    assert (audit.outcome, audit.reason) == (AuditOutcome.FAILURE, "INVALID_INPUT")

    for who in (other_head, admin):
        refused = await who.client(
            MARK, input={"ratingId": malicious, "mark": "MALICIOUS", "reason": "测试"}
        )
        assert _codes(_payload(refused, "markRating")) == ["FORBIDDEN"]
        denied = await AuditEvent.get(request_id=refused.request_id, action="ratings.mark")
        assert denied.outcome is AuditOutcome.DENIED
    assert (await Rating.get(id=int(node_pk(malicious)))).mark is None
    assert _payload(await gql(FIGURES, c=centre), "centreSatisfaction") == middle

    marked = await head.client(
        MARK, input={"ratingId": malicious, "mark": "MALICIOUS", "reason": "同一人连续按键"}
    )
    payload = _payload(marked, "markRating")
    assert payload["errors"] == [] and payload["rating"]["markName"] == "恶意评价"
    audit = await AuditEvent.get(request_id=marked.request_id, action="ratings.mark")
    assert audit.outcome is AuditOutcome.SUCCESS
    assert (audit.target_kind, audit.target_id) == ("rating", node_pk(malicious))
    assert audit.actor_id == str(head.account.id)

    twice = await head.client(
        MARK, input={"ratingId": malicious, "mark": "MISTAKEN", "reason": "再标"}
    )
    assert _codes(_payload(twice, "markRating")) == ["ALREADY_MARKED"]

    after = _payload(await gql(FIGURES, c=centre), "centreSatisfaction")
    assert after["ratingCount"] == middle["ratingCount"] - 1
    assert after["satisfiedCount"] == middle["satisfiedCount"]
    very_bad = {lv["level"]: lv["count"] for lv in after["levels"]}["VERY_DISSATISFIED"]
    assert (
        very_bad == {lv["level"]: lv["count"] for lv in middle["levels"]}["VERY_DISSATISFIED"] - 1
    )

    # Per clerk: the head of this centre and admins; the clerk's figures exclude the mark.
    per_clerk = _payload(await head.client(CLERKS, c=centre), "clerkSatisfaction")
    by_clerk = {
        node_pk(c["clerk"]["id"]): c["figures"] for c in per_clerk if c["clerk"] is not None
    }
    assert by_clerk[str(clerk.account.id)] == {"ratingCount": 2, "satisfiedCount": 2}
    assert (await other_head.client(CLERKS, c=centre)).codes == ["FORBIDDEN"]
    assert (await clerk.client(CLERKS, c=centre)).codes == ["FORBIDDEN"]
    assert _payload(await admin.client(CLERKS, c=centre), "clerkSatisfaction")


async def test_the_window_tablet_rates_the_clerk_serving_there(gql: GraphQLClient) -> None:
    clerk = await staff(gql, StaffRole.CLERK, RATED)
    tablet = await staff(gql, StaffRole.CLERK, RATED)  # the account the tablet signs in with
    stranger = await staff(gql, StaffRole.CLERK, OTHER)
    owner = await resident(gql)
    window = unique_window()
    press = {"centreCode": RATED, "window": window, "level": "SATISFIED"}

    empty = _payload(await tablet.client(TABLET, c=RATED, w=window), "ratingTablet")
    assert empty["clerk"] is None
    unstaffed = _payload(await tablet.client(COUNTER, input=press), "rateAtCounter")
    assert _codes(unstaffed) == ["WINDOW_NOT_STAFFED"]

    assert _codes(_payload(await clerk.client(SERVE, w="../1"), "setServingWindow")) == [
        "INVALID_INPUT"
    ]
    served = _payload(await clerk.client(SERVE, w=window), "setServingWindow")
    assert served["errors"] == [] and served["tablet"]["window"] == window
    shown = _payload(await tablet.client(TABLET, c=RATED, w=window), "ratingTablet")
    assert shown["clerk"]["id"] is not None and node_pk(shown["clerk"]["id"]) == str(
        clerk.account.id
    )

    before = await Rating.filter(window=window).count()
    assert (await stranger.client(TABLET, c=RATED, w=window)).codes == ["FORBIDDEN"]
    assert _codes(_payload(await stranger.client(COUNTER, input=press), "rateAtCounter")) == [
        "FORBIDDEN"
    ]
    assert (await owner.client(COUNTER, input=press)).codes == ["FORBIDDEN"]
    assert (await gql(COUNTER, input=press)).codes == ["UNAUTHENTICATED"]
    assert await Rating.filter(window=window).count() == before

    rated = _payload(await tablet.client(COUNTER, input=press), "rateAtCounter")
    assert rated["errors"] == [] and rated["rating"]["channel"] == "COUNTER"
    row = await Rating.get(id=int(node_pk(rated["rating"]["id"])))
    accepting = await Centre.get(code=RATED)
    assert (row.clerk_id, row.centre_id, row.window, row.resident_id, row.case_id) == (
        clerk.account.id,
        accepting.id,
        window,
        None,
        None,
    )
    bad = _payload(
        await tablet.client(COUNTER, input={**press, "level": "DISSATISFIED"}), "rateAtCounter"
    )
    assert await FollowUp.filter(rating_id=int(node_pk(bad["rating"]["id"]))).count() == 1

    # A flood from one tablet is cut off.
    codes = []
    for _ in range(6):
        codes += _codes(_payload(await tablet.client(COUNTER, input=press), "rateAtCounter"))
    assert "RATE_LIMITED" in codes
