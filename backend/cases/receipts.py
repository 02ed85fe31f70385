"""受理回执 and a case's full history as PDFs (沪府办发〔2013〕50号: residents can look up
and download the process, progress and history of what they applied for).

`load_case_document` gathers what a PDF shows, as plain data, through the other domains'
services (matters, centres, identity's `view_resident`, which masks the name and the ID
number); `render_receipt` and `render_history` turn it into PDF bytes with fpdf2. Rendering
is CPU work: the HTTP layer runs it in a thread (backend/cases/http.py).

Chinese needs a CJK font on the server: `pdf_font_path` (TONGBAN_PDF_FONT_PATH), else the
first of `FONT_CANDIDATES` that exists. No such font, or one without Chinese glyphs, is a
`FontMissing` error with a message that says what to install, never a PDF of empty boxes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import qrcode
from fontTools.ttLib import TTCollection, TTFont
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace, TTFFont

from backend.cases.models import ActorKind, Case, CaseChannel, CaseEvent, CaseState
from backend.cases.service import ACTION_NAMES, STATE_NAMES
from backend.cases.states import CaseAction
from backend.centres import service as centres
from backend.identity import residents
from backend.matters import service as matters
from backend.matters.models import HandlingMode
from backend.platform.clock import to_shanghai

# Debian's fonts-wqy-microhei (scripts/lib.sh ensure_pdf_font, docker/Dockerfile), then
# other common CJK fonts.
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
)
FONT_PROBE = "通办受理回执"  # glyphs a usable font must have
FONT_FAMILY = "cjk"

CHANNEL_NAMES = {
    CaseChannel.ONLINE: "网上申请",
    CaseChannel.COUNTER: "窗口收件",
    CaseChannel.REMOTE_WINDOW: "就近办（远程窗口）",
    CaseChannel.HOME_VISIT: "上门办",
}
E_CERTIFICATE_NAMES = {
    "ID_CARD": "电子身份证",
    "RESIDENCE_PERMIT": "电子居住证",
    "BIRTH_CERTIFICATE": "电子出生医学证明",
    "HUKOU_BOOKLET": "电子户口簿",
    "MARRIAGE_CERTIFICATE": "电子结婚证",
}
COLLECT_FORWARD_NOTE = (
    "本事项实行“收受分离”：收件中心负责接收材料，并转交申请人户籍地的受理中心受理和办理；"
    "办理进度以受理中心的处理为准。"
)
PENDING_PROMISE = "待受理后确定"
# Printed for a character the font has no glyph for (a rare name character, an emoji in a
# note): the geta mark 〓, the customary stand-in in Chinese print. fpdf2 would otherwise
# draw an empty box and write the character itself to its log.
MISSING_GLYPH = "〓"
ISSUER = "上海市社区事务受理服务中心 · 通办"


class FontMissing(RuntimeError):
    """No CJK font to render Chinese with: an installation problem, not bad input."""


@dataclass(frozen=True)
class MaterialLine:
    name: str
    provided: bool
    e_certificate: str | None  # the e-certificate that stood in for the paper, by name


@dataclass(frozen=True)
class HistoryLine:
    at: datetime  # Asia/Shanghai
    step: str
    state: str
    who: str
    note: str


@dataclass(frozen=True)
class CaseDocument:
    """Everything a receipt or a history shows. Personal data arrives masked."""

    number: str
    matter: str
    department: str
    collecting_centre: str
    accepting_centre: str
    collect_forward: bool
    channel: str
    state: str
    submitted_at: datetime  # Asia/Shanghai
    promised_date: date | None
    materials: tuple[MaterialLine, ...]
    resident_name: str  # 张*
    resident_id_number: str  # 310101********123X
    link: str  # what the QR code opens
    history: tuple[HistoryLine, ...]


def case_link(public_base_url: str, number: str) -> str:
    return f"{public_base_url.rstrip('/')}/cases/{number}"


def _step_name(action: str) -> str:
    if action == "SUBMIT":
        return "提交申请"
    try:
        return ACTION_NAMES[CaseAction(action)]
    except ValueError:
        return action


def _who(event: CaseEvent, case: Case, centre_names: dict[int, str]) -> str:
    """Who took a step, in role terms: never a person's name."""
    if event.actor_kind is ActorKind.RESIDENT:
        return "申请人"
    if event.actor_kind is ActorKind.STAFF:
        # A counter case is opened by a clerk of the collecting centre; later steps name
        # the centre the clerk acted at.
        centre_id = event.centre_id if event.action != "SUBMIT" else case.collecting_centre_id
        centre = centre_names.get(centre_id) if centre_id is not None else None
        return f"受理员（{centre}）" if centre else "受理员"
    return "系统"


async def load_case_document(case: Case, public_base_url: str) -> CaseDocument:
    """The case, its matter, centres, masked resident and history, as plain data. The
    caller has decided the principal may read `case` (backend/cases/access.py)."""
    matter = await matters.get_matter(case.matter_id)
    department = await matter.department
    centre_ids = {case.collecting_centre_id, case.accepting_centre_id}
    events = await CaseEvent.filter(case_id=case.id).order_by("id")
    centre_ids.update(e.centre_id for e in events if e.centre_id is not None)
    centre_names = {i: (await centres.get_centre(i)).name for i in sorted(centre_ids)}
    resident = await residents.get_resident(case.resident_id)
    view = residents.view_resident(resident) if resident is not None else None
    materials = tuple(
        MaterialLine(
            name=str(m.get("name", "")),
            provided=bool(m.get("provided")),
            e_certificate=(
                E_CERTIFICATE_NAMES.get(str(m.get("e_certificate")), "电子证照")
                if m.get("by_e_certificate")
                else None
            ),
        )
        for m in case.materials
    )
    return CaseDocument(
        number=case.number,
        matter=matter.name,
        department=department.full_name or department.name,
        collecting_centre=centre_names[case.collecting_centre_id],
        accepting_centre=centre_names[case.accepting_centre_id],
        collect_forward=(
            matter.handling_mode is HandlingMode.COLLECT_FORWARD
            or case.collecting_centre_id != case.accepting_centre_id
        ),
        channel=CHANNEL_NAMES.get(case.channel, str(case.channel)),
        state=STATE_NAMES.get(case.state, str(case.state)),
        submitted_at=to_shanghai(case.submitted_at),
        promised_date=case.promised_date,
        materials=materials,
        resident_name=(view.real_name if view and view.real_name else "（未实名）"),
        resident_id_number=(view.id_number if view and view.id_number else "—"),
        link=case_link(public_base_url, case.number),
        history=tuple(
            HistoryLine(
                at=to_shanghai(e.at),
                step=_step_name(e.action),
                state=STATE_NAMES.get(CaseState(e.to_state), str(e.to_state)),
                who=_who(e, case, centre_names),
                note=e.note,
            )
            for e in events
        ),
    )


# --- the font -----------------------------------------------------------------------


def find_cjk_font(configured: Path | None) -> Path:
    """The font to render Chinese with: the configured one (which must be there), else
    the first candidate that exists. Raises FontMissing with what to do about it."""
    if configured is not None:
        if not configured.is_file():
            raise FontMissing(
                f"TONGBAN_PDF_FONT_PATH names {configured}, which does not exist; "
                "point it at a CJK font (.ttf/.ttc/.otf) or unset it."
            )
        candidates: Sequence[Path] = (configured,)
    else:
        candidates = [path for path in FONT_CANDIDATES if path.is_file()]
        if not candidates:
            raise FontMissing(
                "No CJK font for PDFs: install Debian's fonts-wqy-microhei "
                "(apt-get install fonts-wqy-microhei; scripts/run does it) or set "
                "TONGBAN_PDF_FONT_PATH to a font with Chinese glyphs."
            )
    path = candidates[0]
    if not _has_glyphs(path, FONT_PROBE):
        raise FontMissing(
            f"The PDF font {path} has no Chinese glyphs; Chinese would print as empty "
            "boxes. Use a CJK font such as fonts-wqy-microhei."
        )
    return path


def _has_glyphs(path: Path, text: str) -> bool:
    try:
        if path.suffix.lower() in (".ttc", ".otc"):
            with TTCollection(str(path), lazy=True) as collection:
                cmap = collection.fonts[0].getBestCmap() or {}
        else:
            with TTFont(str(path), lazy=True) as font:
                cmap = font.getBestCmap() or {}
    except Exception:  # not a font fontTools can read
        return False
    return all(ord(ch) in cmap for ch in text)


# --- rendering ----------------------------------------------------------------------

PAGE_WIDTH = 210.0
MARGIN = 18.0
LABEL_WIDTH = 34.0
LINE = 7.0
TABLE_HEADINGS = FontFace(emphasis="", fill_color=(235, 240, 248))


class _Pdf(FPDF):
    def __init__(self, font: Path, title: str, number: str) -> None:
        super().__init__(format="A4")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN)
        self.add_font(FONT_FAMILY, "", str(font))
        added = self.fonts[FONT_FAMILY]
        assert isinstance(added, TTFFont)
        self._cmap: dict[int, str] = added.cmap
        self._missing = MISSING_GLYPH if ord(MISSING_GLYPH) in self._cmap else "?"
        self.set_title(f"{title} {number}")
        self.set_creator("通办")
        self._number = number
        self.alias_nb_pages()

    def normalize_text(self, text: str) -> str:
        """Every text fpdf2 draws passes here: characters without a glyph become 〓."""
        cmap = self._cmap
        if all(ord(ch) in cmap or ch in "\n\r\t" for ch in text):
            return text
        return "".join(ch if ord(ch) in cmap or ch in "\n\r\t" else self._missing for ch in text)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT_FAMILY, size=8)
        self.set_text_color(120)
        self.cell(0, 5, f"办件编号 {self._number}    第 {self.page_no()}/{{nb}} 页", align="C")
        self.set_text_color(0)


def _heading(pdf: _Pdf, title: str, doc: CaseDocument) -> None:
    pdf.add_page()
    pdf.set_font(FONT_FAMILY, size=18)
    pdf.cell(0, 10, title, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT_FAMILY, size=9)
    pdf.set_text_color(90)
    pdf.cell(0, 5, ISSUER, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0)
    pdf.ln(4)
    _qr(pdf, doc.link)
    rows = [
        ("办件编号", doc.number),
        ("办理事项", doc.matter),
        ("主管部门", doc.department),
        ("申请人", doc.resident_name),
        ("证件号码", doc.resident_id_number),
        ("收件中心", doc.collecting_centre),
        ("受理中心", doc.accepting_centre),
        ("申请渠道", doc.channel),
        ("提交时间", doc.submitted_at.strftime("%Y-%m-%d %H:%M")),
        ("承诺办结", doc.promised_date.isoformat() if doc.promised_date else PENDING_PROMISE),
        ("当前状态", doc.state),
    ]
    text_width = PAGE_WIDTH - 2 * MARGIN - LABEL_WIDTH - QR_SIZE - 4
    for label, value in rows:
        _row(pdf, label, value, text_width)
    if doc.collect_forward:
        pdf.ln(1)
        pdf.set_font(FONT_FAMILY, size=9)
        pdf.set_fill_color(242, 246, 252)
        pdf.multi_cell(0, 5.5, COLLECT_FORWARD_NOTE, fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(max(pdf.get_y(), MARGIN + 30 + QR_SIZE) + 3)


def _row(pdf: _Pdf, label: str, value: str, width: float) -> None:
    pdf.set_font(FONT_FAMILY, size=10)
    pdf.set_text_color(90)
    pdf.cell(LABEL_WIDTH, LINE, label)
    pdf.set_text_color(0)
    pdf.set_font(FONT_FAMILY, size=11)
    pdf.multi_cell(width, LINE, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


QR_SIZE = 34.0


def _qr(pdf: _Pdf, link: str) -> None:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2, box_size=8)
    code.add_data(link)
    code.make(fit=True)
    image = code.make_image().get_image()
    x, y = PAGE_WIDTH - MARGIN - QR_SIZE, pdf.get_y()
    pdf.image(image, x=x, y=y, w=QR_SIZE, h=QR_SIZE)
    pdf.set_font(FONT_FAMILY, size=8)
    pdf.set_xy(x, y + QR_SIZE)
    pdf.cell(QR_SIZE, 4, "扫码查看办件进度", align="C")
    pdf.set_xy(MARGIN, y)


def _section(pdf: _Pdf, title: str) -> None:
    pdf.ln(2)
    pdf.set_font(FONT_FAMILY, size=13)
    pdf.cell(0, 8, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(200)
    pdf.line(MARGIN, pdf.get_y(), PAGE_WIDTH - MARGIN, pdf.get_y())
    pdf.ln(2)


def _materials(pdf: _Pdf, doc: CaseDocument) -> None:
    _section(pdf, "申请材料")
    if not doc.materials:
        pdf.set_font(FONT_FAMILY, size=10)
        pdf.cell(0, LINE, "本事项无需提交材料。", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        return
    with pdf.table(
        col_widths=(10, 52, 18, 30),
        text_align=("CENTER", "LEFT", "CENTER", "LEFT"),
        headings_style=TABLE_HEADINGS,
    ) as table:
        pdf.set_font(FONT_FAMILY, size=10)
        table.row(("序号", "材料名称", "状态", "电子证照"))
        for index, line in enumerate(doc.materials, start=1):
            table.row(
                (
                    str(index),
                    line.name,
                    "已提交" if line.provided else "缺少",
                    f"以{line.e_certificate}代替纸质材料" if line.e_certificate else "—",
                )
            )
    missing = [m.name for m in doc.materials if not m.provided]
    if missing:
        pdf.ln(2)
        pdf.set_font(FONT_FAMILY, size=10)
        pdf.multi_cell(
            0,
            6,
            "尚缺材料：" + "、".join(missing) + "。请按受理中心的通知补正。",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )


def _history(pdf: _Pdf, doc: CaseDocument) -> None:
    _section(pdf, "办理记录")
    with pdf.table(
        col_widths=(30, 20, 20, 42, 48), text_align="LEFT", headings_style=TABLE_HEADINGS
    ) as table:
        pdf.set_font(FONT_FAMILY, size=9)
        table.row(("时间（北京时间）", "环节", "状态", "办理人", "说明"))
        for line in doc.history:
            table.row(
                (line.at.strftime("%Y-%m-%d %H:%M:%S"), line.step, line.state, line.who, line.note)
            )


def _closing(pdf: _Pdf, lines: Sequence[str]) -> None:
    pdf.ln(4)
    pdf.set_font(FONT_FAMILY, size=9)
    pdf.set_text_color(90)
    for line in lines:
        pdf.multi_cell(0, 5, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0)


def _output(pdf: _Pdf) -> bytes:
    buffer = io.BytesIO()
    pdf.output(buffer)
    return buffer.getvalue()


def render_receipt(doc: CaseDocument, font: Path) -> bytes:
    pdf = _Pdf(font, "受理回执", doc.number)
    _heading(pdf, "受理回执", doc)
    _materials(pdf, doc)
    _closing(
        pdf,
        (
            "请妥善保管本回执。凭办件编号或扫描二维码，可在“通办”中查询办理进度并下载办理记录。",
            "承诺办结时限按工作日计算，自受理之日起算；补正材料期间不计入办理时限。",
        ),
    )
    return _output(pdf)


def render_history(doc: CaseDocument, font: Path) -> bytes:
    pdf = _Pdf(font, "办件记录", doc.number)
    _heading(pdf, "办件记录", doc)
    _history(pdf, doc)
    _closing(pdf, ("本记录列出办件自提交以来的每一个环节，时间为北京时间。",))
    return _output(pdf)
