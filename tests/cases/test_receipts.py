"""受理回执 and history PDFs over HTTP: who may download them, what they say (text and QR
code read back from the PDF itself), that every download is audited and nothing personal
reaches the log, and that a server without a CJK font says so instead of printing boxes."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import cv2
import httpx
import numpy as np
import pypdfium2 as pdfium
import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection
from pypdf import PdfReader
from strawberry import relay

from backend.audit.models import AuditEvent, AuditOutcome
from backend.cases.http import DOWNLOADS_PER_MINUTE
from backend.cases.models import Case
from backend.cases.receipts import (
    FONT_CANDIDATES,
    CaseDocument,
    FontMissing,
    HistoryLine,
    MaterialLine,
    find_cjk_font,
    render_history,
    render_receipt,
)
from backend.centres.models import Centre
from backend.identity.idnumber import mask_id_number
from backend.identity.models import Resident, StaffRole
from backend.identity.personal import mask_name
from backend.platform.calendar import add_working_days
from backend.platform.clock import SHANGHAI, now, to_shanghai
from backend.platform.infra import Infrastructure
from tests.cases.helpers import COLLECT_FORWARD_MATTER, COLLECTING, ELSEWHERE
from tests.conftest import GraphQLClient, capture_logs
from tests.identity.helpers import Person, make_staff, sign_in, staff_token, verified_resident

SUBMIT = """mutation($input: SubmitCaseInput!) { submitCase(input: $input) {
    case { id number } errors { field code message } } }"""
ADVANCE = """mutation($input: AdvanceCaseInput!) { advanceCase(input: $input) {
    case { state } errors { field code message } } }"""
MATTER_NAME = "最低生活保障申请"
# The owners' household-registration centre, which accepts their 收受分离 cases: not the
# other cases tests' ACCEPTING, whose work queue they page through.
ACCEPTING = "310105-01"
SUPPLEMENT_NOTE = "请补交户口簿首页及本人页"


def pdf_text(body: bytes) -> str:
    """The text of every page, without whitespace (table cells wrap where they like)."""
    import io

    reader = PdfReader(io.BytesIO(body))
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))


def qr_codes(body: bytes) -> list[str]:
    """What the QR codes on the first page say, read from the rendered page."""
    document = pdfium.PdfDocument(body)
    try:
        image = document[0].render(scale=3).to_pil().convert("L")
    finally:
        document.close()
    found, texts, _, _ = cv2.QRCodeDetector().detectAndDecodeMulti(np.asarray(image))
    return [t for t in texts if t] if found else []


async def _clerk_token(gql: GraphQLClient, centre: str | None, role: StaffRole) -> str:
    centre_id = (await Centre.get(code=centre)).id if centre else None
    account, password = await make_staff(role, centre_id)
    return await staff_token(gql, account, password)


async def _case_with_history(gql: GraphQLClient) -> tuple[str, Person, str, Case]:
    """A 收受分离 case submitted online by a verified resident, sent back for a missing
    paper, supplemented and accepted: (owner's token, owner, clerk's token, case)."""
    tokens, person = await verified_resident(gql)
    pk = int(relay.GlobalID.from_id(tokens["residentId"]).node_id)
    await Resident.filter(id=pk).update(household_centre_id=(await Centre.get(code=ACCEPTING)).id)
    owner = gql.with_token(tokens["accessToken"])
    created = await owner(
        SUBMIT,
        input={
            "matterCode": COLLECT_FORWARD_MATTER,
            "centreCode": COLLECTING,
            "materials": [{"name": "居民身份证", "byECertificate": True}, {"name": "户口簿"}],
        },
    )
    payload = created.data["submitCase"]  # type: ignore[index]
    assert payload["errors"] == [], payload
    case_id = payload["case"]["id"]
    clerk_token = await _clerk_token(gql, ACCEPTING, StaffRole.CLERK)
    clerk = gql.with_token(clerk_token)
    for who, step in (
        (clerk, {"action": "REQUEST_SUPPLEMENT", "note": SUPPLEMENT_NOTE}),
        (owner, {"action": "SUPPLEMENT"}),
        (clerk, {"action": "ACCEPT"}),
    ):
        moved = await who(ADVANCE, input={"caseId": case_id, **step})
        assert moved.data["advanceCase"]["errors"] == [], moved  # type: ignore[index]
    case = await Case.get(number=payload["case"]["number"])
    return tokens["accessToken"], person, clerk_token, case


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _audit(response: httpx.Response, action: str) -> list[AuditEvent]:
    return await AuditEvent.filter(action=action, request_id=response.headers["x-request-id"])


async def test_the_owner_downloads_the_receipt_and_the_history(
    gql: GraphQLClient, http: httpx.AsyncClient, infrastructure: Infrastructure
) -> None:
    token, person, _, case = await _case_with_history(gql)
    number = case.number
    with capture_logs("tongban") as lines:
        receipt = await http.get(f"/cases/{number}/receipt.pdf", headers=_bearer(token))
        history = await http.get(f"/cases/{number}/history.pdf", headers=_bearer(token))

    downloads = ((receipt, "受理回执", "receipt"), (history, "办件记录", "history"))
    for response, title, stem in downloads:
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/pdf"
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["content-disposition"] == (
            f'attachment; filename="{stem}-{number}.pdf"; '
            f"filename*=UTF-8''{quote(f'{title}-{number}.pdf')}"
        )
        assert response.content.startswith(b"%PDF-")
        # Every download is in the audit log, under this request, naming the case.
        [row] = await _audit(response, f"cases.{stem}.download")
        assert (row.outcome, row.actor_kind, row.actor_id) == (
            AuditOutcome.SUCCESS,
            "resident",
            str(case.resident_id),
        )
        assert (row.target_kind, row.target_id) == ("case", str(case.id))

    text = pdf_text(receipt.content)
    assert number in text and MATTER_NAME in text and "上海市民政局" in text
    assert mask_name(person.name) in text and person.name not in text
    assert mask_id_number(person.id_number) in text and person.id_number not in text
    collecting = await Centre.get(code=COLLECTING)
    accepting = await Centre.get(code=ACCEPTING)
    assert f"收件中心{collecting.name}" in text and f"受理中心{accepting.name}" in text
    assert "收受分离" in text and "网上申请" in text
    submitted = to_shanghai(case.submitted_at).strftime("%Y-%m-%d%H:%M")
    assert f"提交时间{submitted}" in text
    promised = add_working_days(to_shanghai(now()).date(), 20)
    assert case.promised_date == promised and f"承诺办结{promised.isoformat()}" in text
    # Materials: what was handed in, what is missing, what an e-certificate stood in for.
    assert "居民身份证已提交以电子身份证代替纸质材料" in text
    assert "家庭成员收入证明缺少" in text
    assert qr_codes(receipt.content) == [
        f"{infrastructure.settings.public_base_url}/cases/{number}"
    ]

    steps = pdf_text(history.content)
    assert number in steps and MATTER_NAME in steps and mask_name(person.name) in steps
    assert person.id_number not in steps and person.name not in steps
    clerk = f"受理员（{accepting.name}）"
    events = await case.events.all().order_by("id")
    expected = [
        ("提交申请", "已提交", "申请人", ""),
        ("要求补正", "待补正", clerk, SUPPLEMENT_NOTE),
        ("补正材料", "已提交", "申请人", ""),
        ("受理", "已受理", clerk, ""),
    ]
    assert len(events) == len(expected)
    position = 0
    for event, (step, state, who, note) in zip(events, expected, strict=True):
        at = to_shanghai(event.at).strftime("%Y-%m-%d%H:%M:%S")
        row = f"{at}{step}{state}{who}{note}"
        assert row in steps[position:], row  # every step, in order, in Shanghai time
        position = steps.index(row, position) + len(row)
    assert qr_codes(history.content) == [
        f"{infrastructure.settings.public_base_url}/cases/{number}"
    ]

    # Nothing but the access log's scrubbed path: no case number, no personal data.
    logged = "\n".join(lines)
    assert "/cases/*-" in logged  # the access log did see the requests
    for secret in (number, number.split("-")[0], person.id_number, person.name):
        assert secret not in logged


async def test_only_those_who_may_read_the_case_get_its_pdfs(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    _, _, _, case = await _case_with_history(gql)
    url = f"/cases/{case.number}/receipt.pdf"

    stranger = (await sign_in(gql))["accessToken"]
    other_centre = await _clerk_token(gql, ELSEWHERE, StaffRole.CENTRE_HEAD)
    for token in (stranger, other_centre):
        refused = await http.get(url, headers=_bearer(token))
        assert refused.status_code == 404
        assert refused.json() == {"code": "NOT_FOUND", "message": "找不到该办件。"}
        assert b"%PDF" not in refused.content
        [row] = await _audit(refused, "cases.receipt.download")
        assert (row.outcome, row.reason, row.target_id) == (AuditOutcome.FAILURE, "NOT_FOUND", None)
    # A number that does not exist is answered the same way.
    missing = await http.get("/cases/000000-0000/receipt.pdf", headers=_bearer(stranger))
    assert missing.status_code == 404 and missing.json()["code"] == "NOT_FOUND"

    anonymous = await http.get(url)
    assert anonymous.status_code == 401
    assert anonymous.json() == {"code": "UNAUTHENTICATED", "message": "请先登录。"}
    assert anonymous.headers["www-authenticate"] == 'Bearer realm="tongban"'
    garbage = await http.get(url, headers=_bearer("not-a-token"))
    assert garbage.status_code == 401
    assert garbage.json()["code"] == "UNAUTHENTICATED"
    assert garbage.json()["reason"] == "TOKEN_INVALID"
    assert "invalid_token" in garbage.headers["www-authenticate"]
    for response in (anonymous, garbage):
        assert await AuditEvent.filter(request_id=response.headers["x-request-id"]).count() == 0

    # Staff of the collecting centre follow the case they forwarded (收受分离); admins see all.
    collecting = await _clerk_token(gql, COLLECTING, StaffRole.CLERK)
    admin = await _clerk_token(gql, None, StaffRole.ADMIN)
    for token, kind in ((collecting, "receipt"), (admin, "history")):
        allowed = await http.get(f"/cases/{case.number}/{kind}.pdf", headers=_bearer(token))
        assert allowed.status_code == 200 and allowed.content.startswith(b"%PDF-")
        [row] = await _audit(allowed, f"cases.{kind}.download")
        assert (row.outcome, row.actor_kind) == (AuditOutcome.SUCCESS, "staff")


async def test_downloads_are_rate_limited_per_caller(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    token = (await sign_in(gql))["accessToken"]
    other = (await sign_in(gql))["accessToken"]
    url = "/cases/000000-0000/history.pdf"  # found or not, each try counts
    for _ in range(DOWNLOADS_PER_MINUTE):
        assert (await http.get(url, headers=_bearer(token))).status_code == 404
    limited = await http.get(url, headers=_bearer(token))
    assert limited.status_code == 429
    assert limited.json()["code"] == "RATE_LIMITED"
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    assert (await http.get(url, headers=_bearer(other))).status_code == 404  # per caller


def test_a_character_the_font_lacks_prints_as_geta_and_is_not_logged() -> None:
    rare = "\U00020bb7"  # 𠮷, a name character outside the BMP that common fonts lack
    font = find_cjk_font(None)
    with TTCollection(str(font), lazy=True) as collection:
        assert ord(rare) not in collection.fonts[0].getBestCmap()
    at = datetime(2026, 12, 2, 9, 30, tzinfo=SHANGHAI)
    document = CaseDocument(
        number="26120231010101-0042",
        matter=MATTER_NAME,
        department="上海市民政局",
        collecting_centre="南京东路",
        accepting_centre="定海路",
        collect_forward=True,
        channel="网上申请",
        state="待补正",
        submitted_at=at,
        promised_date=None,
        materials=(MaterialLine("户口簿", False, None),),
        resident_name=f"{rare}*",
        resident_id_number="310101********123X",
        link="http://127.0.0.1:8000/cases/26120231010101-0042",
        history=(HistoryLine(at, "要求补正", "待补正", "受理员（定海路）", f"请{rare}核对"),),
    )
    with capture_logs("fpdf") as lines:
        receipt = pdf_text(render_receipt(document, font))
        history = pdf_text(render_history(document, font))
    assert "申请人〓*" in receipt and "待受理后确定" in receipt
    assert "请〓核对" in history and rare not in history
    assert not any(rare in line or "missing" in line for line in lines)


def _latin_only_font(path: Path) -> Path:
    """A real TrueType font with nothing but "A": Chinese would print as boxes."""
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "A"])
    builder.setupCharacterMap({ord("A"): "A"})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((500, 700))
    pen.lineTo((1000, 0))
    pen.closePath()
    glyph = pen.glyph()
    builder.setupGlyf({".notdef": glyph, "A": glyph})
    builder.setupHorizontalMetrics({".notdef": (1000, 0), "A": (1000, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "LatinOnly", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(path))
    return path


def test_a_pdf_font_without_chinese_is_refused_with_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(FontMissing, match="does not exist"):
        find_cjk_font(tmp_path / "nope.ttc")
    with pytest.raises(FontMissing, match="no Chinese glyphs"):
        find_cjk_font(_latin_only_font(tmp_path / "latin.ttf"))
    # The default search finds the font the project's scripts install.
    assert find_cjk_font(None) in FONT_CANDIDATES


async def test_without_a_cjk_font_the_download_fails_clearly(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    infrastructure: Infrastructure,
    tmp_path: Path,
) -> None:
    token, _, _, case = await _case_with_history(gql)
    settings = infrastructure.settings
    infrastructure.settings = settings.model_copy(
        update={"pdf_font_path": _latin_only_font(tmp_path / "latin.ttf")}
    )
    try:
        with capture_logs("tongban") as lines:
            failed = await http.get(f"/cases/{case.number}/receipt.pdf", headers=_bearer(token))
    finally:
        infrastructure.settings = settings
    assert failed.status_code == 500
    assert failed.json() == {"code": "INTERNAL_ERROR", "message": "暂时无法生成 PDF，请稍后再试。"}
    assert any("no Chinese glyphs" in line for line in lines)
    assert await _audit(failed, "cases.receipt.download") == []  # nothing was handed out
