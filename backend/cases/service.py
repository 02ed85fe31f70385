"""Every write to a case: opening it (online by the resident, at the counter by a clerk) and
moving it through the transition table (backend/cases/states.py).

Each write is one unit of work: the case row, its immutable CaseEvent, and the durable
CaseProgressed event are committed together, and the event is published after the commit.
Two people racing on one case cannot both win: the state change is a conditional UPDATE
(`WHERE state = <the state we saw>`) on a row locked for the transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from backend.audit import service as audit
from backend.audit.service import Target
from backend.cases import access, events, notices, numbering
from backend.cases.models import ActorKind, Case, CaseChannel, CaseEvent, CaseState
from backend.cases.states import FINAL_STATES, RULES, Actor, CaseAction
from backend.centres import service as centres
from backend.identity import residents
from backend.matters import service as matters
from backend.matters.models import HandlingMode, Matter, OnlineLevel
from backend.platform.calendar import add_working_days
from backend.platform.clock import now, to_shanghai
from backend.platform.errors import DomainError, ErrorCode
from backend.platform.events import record
from backend.platform.principal import Principal
from backend.platform.requestmeta import RequestMeta
from backend.platform.uow import unit_of_work

NOTE_MAX = 200
ONLINE_LEVELS = (OnlineLevel.FULLY_ONLINE, OnlineLevel.PREREVIEW)


@dataclass(frozen=True)
class MaterialInput:
    name: str
    provided: bool = True
    by_e_certificate: bool = False


def _not_found() -> DomainError:
    return DomainError(ErrorCode.NOT_FOUND, "找不到该办件。", "caseId")


def _clean_note(note: str | None, required: bool) -> str:
    text = " ".join((note or "").split())
    if required and not text:
        raise DomainError(ErrorCode.INVALID_INPUT, "请填写原因，申请人会看到这段说明。", "note")
    if len(text) > NOTE_MAX:
        raise DomainError(ErrorCode.INVALID_INPUT, f"说明最多 {NOTE_MAX} 个字。", "note")
    return text


def _materials(matter: Matter, given: Sequence[MaterialInput]) -> list[dict[str, Any]]:
    """The matter's materials, each marked provided or not and whether an e-certificate
    stood in for the paper. A name the matter does not list is refused."""
    known = {str(m["name"]): m.get("e_certificate") for m in matter.materials}
    by_name: dict[str, MaterialInput] = {}
    for item in given:
        if item.name not in known:
            raise DomainError(
                ErrorCode.INVALID_INPUT, f"该事项不需要“{item.name[:20]}”这份材料。", "materials"
            )
        if item.by_e_certificate and not known[item.name]:
            raise DomainError(
                ErrorCode.INVALID_INPUT, f"“{item.name}”不能用电子证照代替。", "materials"
            )
        by_name[item.name] = item
    return [
        {
            "name": name,
            "provided": name in by_name and by_name[name].provided,
            "e_certificate": kind,
            "by_e_certificate": name in by_name and by_name[name].by_e_certificate,
        }
        for name, kind in known.items()
    ]


async def _accepting_centre_id(matter: Matter, collecting_id: int, resident_id: int) -> int:
    """收受分离: the resident's household-registration centre accepts; otherwise (and when
    the household registration is not in Shanghai) the collecting centre does."""
    if matter.handling_mode is HandlingMode.COLLECT_FORWARD:
        household = await residents.household_centre_id(resident_id)
        if household is not None:
            return household
    return collecting_id


async def _open(
    *,
    resident_id: int,
    matter: Matter,
    collecting_id: int,
    channel: CaseChannel,
    materials: list[dict[str, Any]],
    actor_kind: ActorKind,
    actor_id: int,
    staff_id: int | None = None,
) -> Case:
    moment = now()
    accepting_id = await _accepting_centre_id(matter, collecting_id, resident_id)
    async with unit_of_work():
        case = await Case.create(
            number=await numbering.next_case_number(moment, collecting_id),
            resident_id=resident_id,
            matter_id=matter.id,
            collecting_centre_id=collecting_id,
            accepting_centre_id=accepting_id,
            channel=channel,
            state=CaseState.SUBMITTED,
            materials=materials,
            submitted_at=moment,
            opened_by_staff_id=staff_id,
        )
        # A clerk opening a case at the counter acts at the collecting centre.
        centre_id = collecting_id if staff_id is not None else None
        await _log(case, "SUBMIT", None, CaseState.SUBMITTED, actor_kind, actor_id, "", centre_id)
    return case


async def _log(
    case: Case,
    action: str,
    from_state: CaseState | None,
    to_state: CaseState,
    actor_kind: ActorKind,
    actor_id: int | None,
    note: str,
    centre_id: int | None,
) -> CaseEvent:
    """The history row and the durable event, in the caller's unit of work."""
    moment = now()
    row = await CaseEvent.create(
        case_id=case.id,
        action=action,
        from_state=from_state,
        to_state=to_state,
        actor_kind=actor_kind,
        actor_id=actor_id,
        centre_id=centre_id,
        note=note,
        at=moment,
    )
    record(
        events.CaseProgressed(
            case_id=case.id,
            case_event_id=row.id,
            resident_id=case.resident_id,
            collecting_centre_id=case.collecting_centre_id,
            accepting_centre_id=case.accepting_centre_id,
            action=action,
            from_state=from_state,
            to_state=to_state,
            at=moment,
        )
    )
    return row


async def submit_online(
    principal: Principal,
    matter_code: str,
    centre_code: str,
    materials: Sequence[MaterialInput],
    meta: RequestMeta,
) -> Case:
    """A verified resident applies online (全程网办 or 网上预审) at a centre of their choice."""
    resident_id = principal.resident_id
    if resident_id is None or not principal.is_verified_resident:
        raise DomainError(ErrorCode.REAL_NAME_REQUIRED, "请先完成实名认证。")
    matter = await matters.get_matter_by_code(matter_code)
    if matter.online_level not in ONLINE_LEVELS:
        raise DomainError(
            ErrorCode.MATTER_NOT_ONLINE,
            "该事项需要到窗口办理，请预约或前往受理中心。",
            "matterCode",
        )
    centre = await centres.get_centre_by_code(centre_code)
    if not await centres.offers_matter(centre.id, matter):
        raise DomainError(ErrorCode.MATTER_NOT_OFFERED, "该中心不受理此事项。", "centreCode")
    return await _open(
        resident_id=resident_id,
        matter=matter,
        collecting_id=centre.id,
        channel=CaseChannel.ONLINE,
        materials=_materials(matter, materials),
        actor_kind=ActorKind.RESIDENT,
        actor_id=resident_id,
    )


async def open_at_counter(
    principal: Principal,
    id_number: str,
    matter_code: str,
    materials: Sequence[MaterialInput],
    channel: CaseChannel,
    meta: RequestMeta,
) -> Case:
    """A clerk opens a case for a resident in front of them (walk-in), found by the ID
    number on their card. The look-up is audited; the number itself is never stored here."""
    if not principal.is_staff or principal.is_admin or principal.centre_id is None:
        raise DomainError(
            ErrorCode.FORBIDDEN, "只有受理中心的工作人员可以窗口收件。", None, "STAFF_ONLY"
        )
    if channel is CaseChannel.ONLINE:
        raise DomainError(ErrorCode.INVALID_INPUT, "窗口收件不能选择网上申请渠道。", "channel")
    centre_id = principal.centre_id
    async with audit.audited("cases.counter_open", actor=principal.audit_actor, meta=meta) as note:
        matter = await matters.get_matter_by_code(matter_code)
        if not await centres.offers_matter(centre_id, matter):
            raise DomainError(ErrorCode.MATTER_NOT_OFFERED, "本中心不受理此事项。", "matterCode")
        resident_id = await residents.verified_resident_by_id_number(id_number)
        if resident_id is None:
            raise DomainError(
                ErrorCode.RESIDENT_NOT_FOUND,
                "没有找到该身份证号码的实名用户，请申请人先在手机上完成实名认证。",
                "idNumber",
            )
        note.target = Target("resident", resident_id)
        assert principal.staff_id is not None
        case = await _open(
            resident_id=resident_id,
            matter=matter,
            collecting_id=centre_id,
            channel=channel,
            materials=_materials(matter, materials),
            actor_kind=ActorKind.STAFF,
            actor_id=principal.staff_id,
            staff_id=principal.staff_id,
        )
        note.details["case"] = case.number
    return case


async def advance(
    principal: Principal,
    case_id: int,
    action: CaseAction,
    note_text: str | None,
    materials: Sequence[MaterialInput] | None = None,
) -> Case:
    """Take `action` on a case, if the table allows it for this person, here, now."""
    rule = RULES[action]
    async with unit_of_work():
        case = await Case.filter(id=case_id).select_for_update().first()
        if case is None or not access.may_read(principal, case):
            raise _not_found()
        actor = access.acts_as(principal, case)
        if actor is not rule.by:
            raise _refusal(principal, rule.by)
        if case.state not in rule.sources:
            raise DomainError(
                ErrorCode.ILLEGAL_TRANSITION,
                f"办件当前状态为“{STATE_NAMES[case.state]}”，不能{ACTION_NAMES[action]}。",
                "action",
            )
        note = _clean_note(note_text, rule.needs_note)
        changes: dict[str, Any] = {"state": rule.target}
        if action is CaseAction.ACCEPT:
            matter = await matters.get_matter(case.matter_id)
            today = to_shanghai(now()).date()
            changes["promised_date"] = add_working_days(today, matter.promised_working_days)
        if rule.target in FINAL_STATES:
            changes["finished_at"] = now()
        if action is CaseAction.REJECT:
            changes["reject_reason"] = note
        if action is CaseAction.SUPPLEMENT and materials is not None:
            matter = await matters.get_matter(case.matter_id)
            changes["materials"] = _materials(matter, materials)
        won = await Case.filter(id=case.id, state=case.state).update(**changes)
        if not won:  # someone else moved it first
            raise DomainError(
                ErrorCode.ILLEGAL_TRANSITION, "办件状态已被他人更新，请刷新后重试。", "action"
            )
        actor_kind = ActorKind.RESIDENT if actor is Actor.OWNER else ActorKind.STAFF
        actor_id = principal.resident_id if actor is Actor.OWNER else principal.staff_id
        centre_id = principal.centre_id if actor is Actor.ACCEPTING_STAFF else None
        await _log(
            case, action.value, case.state, rule.target, actor_kind, actor_id, note, centre_id
        )
    finished = await Case.get(id=case.id)
    if action in (CaseAction.COMPLETE, CaseAction.REJECT):
        await notices.case_finished(finished)  # after the commit: the link to rate it
    return finished


def _refusal(principal: Principal, needed: Actor) -> DomainError:
    if needed is Actor.OWNER:
        return DomainError(
            ErrorCode.FORBIDDEN, "只有申请人本人可以这样做。", "caseId", "OWNER_ONLY"
        )
    if principal.is_staff and not principal.is_admin:
        return DomainError(
            ErrorCode.FORBIDDEN, "只有受理中心的工作人员可以办理此办件。", "caseId", "OTHER_CENTRE"
        )
    return DomainError(
        ErrorCode.FORBIDDEN, "此操作仅限受理中心的工作人员。", "caseId", "STAFF_ONLY"
    )


async def get_case(principal: Principal, case_id: int) -> Case:
    case = await Case.get_or_none(id=case_id)
    if case is None or not access.may_read(principal, case):
        raise _not_found()
    return case


async def get_case_by_number(principal: Principal, number: str) -> Case:
    case = await Case.get_or_none(number=number.strip()[:24])
    if case is None or not access.may_read(principal, case):
        raise DomainError(ErrorCode.NOT_FOUND, "找不到该办件。", "number")
    return case


def is_overdue(case: Case) -> bool:
    if case.promised_date is None or case.state in FINAL_STATES:
        return False
    return case.promised_date < to_shanghai(now()).date()


STATE_NAMES = {
    CaseState.SUBMITTED: "已提交",
    CaseState.PREREVIEW_PASSED: "预审通过",
    CaseState.NEEDS_SUPPLEMENT: "待补正",
    CaseState.ACCEPTED: "已受理",
    CaseState.FORWARDED: "已转办",
    CaseState.PROCESSING: "办理中",
    CaseState.COMPLETED: "已办结",
    CaseState.REJECTED: "不予办理",
    CaseState.WITHDRAWN: "已撤回",
}
ACTION_NAMES = {
    CaseAction.PASS_PREREVIEW: "预审通过",
    CaseAction.REQUEST_SUPPLEMENT: "要求补正",
    CaseAction.SUPPLEMENT: "补正材料",
    CaseAction.ACCEPT: "受理",
    CaseAction.FORWARD: "转办",
    CaseAction.START_PROCESSING: "开始办理",
    CaseAction.COMPLETE: "办结",
    CaseAction.REJECT: "不予办理",
    CaseAction.WITHDRAW: "撤回",
}
