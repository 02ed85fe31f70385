"""Bookings, the queue and the call display, three people at once against one real server:
a resident books a slot on a 375 px phone and opens the check-in QR; a clerk checks the
booking in with its code and calls the ticket at a window; a hall TV showing the call
display (叫号屏) sees the call appear without a reload and says it aloud (speechSynthesis
is stubbed to record what it is asked to say). Debian's Chromium driven by Playwright.

Build the app first (`cd pwa && npm ci && npm run build`). Screenshots go to a temporary
directory (printed; pytest -s) or TONGBAN_SCREENSHOT_DIR.

The booking must be for today (a clerk checks in today's bookings only) at least 30
minutes ahead, so the test opens the centre all day today with a date override written
into the server's database, as an admin would.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from backend.settings import PROJECT_ROOT
from tests.pwa.test_pwa_browser import (  # noqa: F401 - pytest fixtures shared with that module
    PHONE,
    TIMEOUT_MS,
    accept_terms_if_asked,
    browser,
    screenshots,
    server,
    server_env,
    sms_code,
)

# Booking, check-in and calling each go through the server and back on a shared CI
# machine: expect's 5 s default is too short there (a call's number once took longer).
expect.set_options(timeout=TIMEOUT_MS)

SMALL_PHONE: dict[str, Any] = {**PHONE, "viewport": {"width": 375, "height": 812}}
HALL_TV: dict[str, Any] = {
    "viewport": {"width": 1920, "height": 1080},
    "locale": "zh-CN",
    "timezone_id": "Asia/Shanghai",
}
RESIDENT_PHONE = "13800000001"  # 张伟, verified
UNVERIFIED_PHONE = "13800000004"
OTHER_VERIFIED_PHONE = "13800000002"  # 李娜 (one sign-in code a minute per number)
CENTRE = ("310101-01", "南京东路")
MATTER = ("GA006", "居住证新办")  # 窗口办理
ONLINE_ONLY_MATTER = "GA007"  # 居住证签注: 全程网办
CLERK = "wlq-clerk1"  # a clerk of 310101-01
PASSWORD = "tongban-demo"
WINDOW = "3"
MARKER = "window.__tongbanMarker"
AXE = PROJECT_ROOT / "pwa" / "node_modules" / "axe-core" / "axe.min.js"

# Records what the page asks the speech synthesiser to say, instead of saying it.
SPEECH_STUB = """
window.__utterances = [];
const synth = window.speechSynthesis || {};
Object.defineProperty(window, 'speechSynthesis', {
  configurable: true,
  value: {
    speak(utterance) { window.__utterances.push({ text: utterance.text, lang: utterance.lang }); },
    cancel() {},
    pause() {},
    resume() {},
    getVoices() { return []; },
    get speaking() { return false; },
    get pending() { return false; },
    addEventListener() {},
    removeEventListener() {},
  },
});
if (!window.SpeechSynthesisUtterance) {
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ''; };
}
"""


def open_context(chromium: Browser, options: dict[str, Any]) -> tuple[Page, list[str]]:
    context = chromium.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    crashes: list[str] = []
    page.on("pageerror", lambda error: crashes.append(str(error)))
    return page, crashes


@pytest.fixture
def resident(browser: Browser) -> Iterator[Page]:  # noqa: F811
    page, crashes = open_context(browser, SMALL_PHONE)
    yield page
    page.context.close()
    assert crashes == [], f"JavaScript errors in the resident's page: {crashes}"


@pytest.fixture
def clerk(browser: Browser) -> Iterator[Page]:  # noqa: F811
    page, crashes = open_context(browser, SMALL_PHONE)
    yield page
    page.context.close()
    assert crashes == [], f"JavaScript errors in the clerk's page: {crashes}"


@pytest.fixture
def hall(browser: Browser) -> Iterator[Page]:  # noqa: F811
    page, crashes = open_context(browser, HALL_TV)
    page.add_init_script(SPEECH_STUB)
    yield page
    page.context.close()
    assert crashes == [], f"JavaScript errors in the call display: {crashes}"


def open_all_day_today(server_env: dict[str, str]) -> str:  # noqa: F811
    """A date override for today: the centre open 00:00-23:59, so a slot 30 minutes ahead
    exists at any hour the test runs. Returns today's date (Shanghai)."""
    now = datetime.now(ZoneInfo("Asia/Shanghai"))
    if now.hour == 23 and now.minute >= 25:
        pytest.skip("no slot of today starts 30 minutes ahead any more (Shanghai 23:25-24:00)")
    today = now.date().isoformat()
    path = server_env["TONGBAN_DATABASE_URL"].removeprefix("sqlite://")
    with sqlite3.connect(path) as db:
        (centre_id,) = db.execute("SELECT id FROM centre WHERE code = ?", (CENTRE[0],)).fetchone()
        db.execute(
            "DELETE FROM centre_hours_override WHERE centre_id = ? AND date = ?",
            (centre_id, today),
        )
        db.execute(
            "INSERT INTO centre_hours_override"
            " (centre_id, date, day_type, closed, opens_minute, closes_minute, note)"
            " VALUES (?, ?, NULL, 0, 0, 1439, '测试：全天开放')",
            (centre_id, today),
        )
    return today


def refusing(code: str, message: str) -> Callable[[Route], None]:
    """A route handler that answers bookSlot with one payload error, as the server would."""

    def refuse(route: Route) -> None:
        body = json.loads(route.request.post_data or "{}")
        if body.get("operationName") != "BookSlot":
            route.continue_()
            return
        error = {"field": "start", "code": code, "message": message}
        route.fulfill(json={"data": {"bookSlot": {"booking": None, "errors": [error]}}})

    return refuse


def sign_in_resident(page: Page, base: str, env: dict[str, str], phone: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("手机号").fill(phone)
    page.get_by_role("button", name="获取验证码").click()
    expect(page.locator("[data-test=code-sent]")).to_be_visible()
    page.get_by_label("验证码").fill(sms_code(env, phone))
    page.get_by_role("button", name="登录", exact=True).click()
    accept_terms_if_asked(page, r"/me$")


def sign_in_clerk(page: Page, base: str, path: str) -> None:
    page.goto(f"{base}{path}")
    expect(page).to_have_url(re.compile(r"/staff/login\?redirect="))
    page.get_by_label("用户名").fill(CLERK)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is (WCAG 2 A/AA rules)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
    return list(result)


def test_book_check_in_call_and_display(
    server: str,  # noqa: F811
    server_env: dict[str, str],  # noqa: F811
    resident: Page,
    clerk: Page,
    hall: Page,
    screenshots: Path,  # noqa: F811
) -> None:
    today = open_all_day_today(server_env)
    a11y: dict[str, list[dict[str, Any]]] = {}

    # --- the resident books from the matter page -----------------------------------------
    sign_in_resident(resident, server, server_env, RESIDENT_PHONE)
    resident.goto(f"{server}/matters/{MATTER[0]}")
    resident.locator("[data-test=book]").click()
    expect(resident).to_have_url(re.compile(rf"/bookings/new\?matter={MATTER[0]}$"))
    expect(resident.get_by_role("heading", name="网上预约", exact=True)).to_be_visible()
    expect(resident.locator("[data-test=choose-matter]")).to_contain_text(MATTER[1])
    resident.locator("[data-test=choose-centre]").click()
    resident.get_by_placeholder("搜索中心名称或地址").fill(CENTRE[1])
    resident.locator(f"[data-test=pick-centre-{CENTRE[0]}]").click()
    expect(resident.locator("[data-test=choose-centre]")).to_contain_text(CENTRE[1])

    day = resident.locator(f"[data-test=day-{today}]")
    expect(day).to_have_attribute("aria-checked", "true")  # today opens first: it has seats
    expect(day).to_contain_text("今天")
    # Without a slot, confirming says what is missing, aloud.
    resident.locator("[data-test=confirm-booking]").click()
    expect(resident.locator("[data-test=booking-problem]")).to_have_text(
        re.compile("请选择一个时段")
    )
    expect(resident.locator("[data-test=announcement]")).to_have_text("请选择一个时段。")

    free = resident.locator(".slot-picker__slot:not([aria-disabled=true])").first
    slot_label = free.locator(".slot-picker__time").inner_text()
    expect(free).to_contain_text("余 12")  # 310101-01 on a working day: 6 windows x 2
    free.click()
    expect(free).to_have_attribute("aria-checked", "true")
    expect(resident.locator("[data-test=summary]")).to_contain_text(slot_label)
    resident.evaluate("window.scrollTo(0, 0)")
    resident.screenshot(path=str(screenshots / "booking-flow.png"), full_page=True)
    a11y["booking-flow"] = axe_violations(resident)

    # The first answer is lost on the way back (the server booked; the phone never heard):
    # the retry sends the same idempotency key and gets the same booking, not a second one.
    keys: list[str] = []

    def lose_first_answer(route: Route) -> None:
        body = json.loads(route.request.post_data or "{}")
        if body.get("operationName") != "BookSlot":
            route.continue_()
            return
        keys.append(body["variables"]["input"]["idempotencyKey"])
        if len(keys) == 1:
            route.fetch()  # reaches the server, which books
            route.abort("connectionreset")
        else:
            route.continue_()

    resident.route("**/graphql", lose_first_answer)
    resident.locator("[data-test=confirm-booking]").click()
    expect(resident.locator("[data-test=booking-problem]")).to_contain_text("网络")
    resident.locator("[data-test=confirm-booking]").click()
    # A booking and a page load on a loaded CI machine: more than expect's 5 s default.
    expect(resident).to_have_url(re.compile(r"/bookings/[^/]+/booked$"), timeout=TIMEOUT_MS)
    resident.unroute("**/graphql")
    assert len(keys) == 2 and keys[0] == keys[1], keys
    expect(resident.locator("[data-test=booking-success]")).to_contain_text("预约成功")
    expect(resident.locator("[data-test=booking-when]")).to_contain_text(slot_label)
    resident.screenshot(path=str(screenshots / "booking-success.png"), full_page=True)

    resident.locator("[data-test=view-ticket]").click()
    expect(resident).to_have_url(re.compile(r"/bookings/[^/]+$"))
    booking_url = resident.url
    qr = resident.locator("[data-test=check-in-qr]")
    expect(qr).to_be_visible()
    assert (qr.bounding_box() or {}).get("width", 0) >= 240  # big enough to scan
    code = resident.locator("[data-test=check-in-code]").inner_text().strip()
    assert re.fullmatch(r"[0-9A-Z]{8}", code), code
    expect(qr).to_have_attribute("alt", re.compile(code))
    expect(resident.locator("[data-test=materials]")).to_contain_text("可电子亮证")
    expect(resident.locator("[data-test=map-link]")).to_have_attribute(
        "href", re.compile(r"^https://uri\.amap\.com/marker\?position=121\.")
    )
    expect(resident.locator("[data-test=geo-link]")).to_have_attribute(
        "href", re.compile(r"^geo:31\.")
    )
    resident.screenshot(path=str(screenshots / "my-booking.png"), full_page=True)
    a11y["my-booking"] = axe_violations(resident)

    # 加入日历: the .ics file, fetched with the resident's token (never in the URL), saved.
    asked: list[tuple[str, str | None]] = []
    resident.on(
        "request",
        lambda r: (
            asked.append((r.url, r.headers.get("authorization"))) if ".ics" in r.url else None
        ),
    )
    with resident.expect_download() as download:
        resident.locator("[data-test=add-calendar]").click()
    assert download.value.suggested_filename == f"预约-{today}.ics"
    ics = Path(download.value.path()).read_text(encoding="utf-8")
    assert ics.startswith("BEGIN:VCALENDAR") and MATTER[1] in ics, ics[:200]
    assert len(asked) == 1 and re.fullmatch(rf"{re.escape(server)}/bookings/\d+\.ics", asked[0][0])
    assert (asked[0][1] or "").startswith("Bearer ")

    resident.goto(f"{server}/bookings")
    items = resident.locator("[data-test=booking-item]")
    expect(items).to_have_count(1)  # one booking for the two requests
    expect(items.first).to_contain_text("已预约")
    resident.goto(booking_url)
    expect(resident.locator("[data-test=check-in-code]")).to_have_text(code)
    resident.evaluate(f"{MARKER} = 'same page'")

    # --- the hall's call display, before anything is called --------------------------------
    sockets: list[Any] = []
    hall.on("websocket", lambda socket: sockets.append(socket))
    hall.goto(f"{server}/display/{CENTRE[0]}")
    expect(hall.locator("h1")).to_contain_text(CENTRE[1])
    expect(hall.locator("[data-test=display]")).to_have_attribute("data-status", "live")
    expect(hall.locator("[data-test=latest-call]")).to_have_text("暂无叫号")
    hall.evaluate(f"{MARKER} = 'same display'")

    # --- the clerk checks the resident in with the code -----------------------------------
    sign_in_clerk(clerk, server, "/staff/check-in")
    clerk.locator("[data-test=check-in-code] input").fill("ZZZZZZZZ")
    clerk.locator("[data-test=check-in]").click()
    expect(clerk.locator("[data-test=announcement]")).to_have_text(re.compile("签到码无效"))
    clerk.locator("[data-test=check-in-code] input").fill(f" {code.lower()} ")
    clerk.locator("[data-test=check-in]").click()
    expect(clerk.locator("[data-test=checked-in]")).to_contain_text(MATTER[1])
    ticket = clerk.locator("[data-test=ticket-number]").inner_text().strip()
    assert re.fullmatch(r"[A-Z]\d{3}", ticket), ticket
    clerk.evaluate("window.scrollTo(0, 0)")
    clerk.screenshot(path=str(screenshots / "staff-check-in.png"), full_page=True)
    a11y["staff-check-in"] = axe_violations(clerk)

    # The resident's booking page follows: checked in, 排队中 with the number, no reload.
    queue = resident.locator("[data-test=queue-position]")
    expect(queue).to_have_attribute("data-state", "WAITING")
    expect(resident.locator("[data-test=my-ticket]")).to_have_text(ticket)
    expect(resident.locator("[data-test=ahead]")).to_have_text("0 人")
    expect(resident.locator("[data-test=booking-state]")).to_contain_text("已签到")
    # The display counts the waiting ticket in its queue, live.
    expect(hall.locator(f"[data-queue={ticket[0]}] [data-test=waiting]")).to_have_text("1")
    resident.evaluate("window.scrollTo(0, 0)")
    resident.screenshot(path=str(screenshots / "my-booking-in-line.png"), full_page=True)

    # --- the window console calls it ------------------------------------------------------
    clerk.goto(f"{server}/staff/window")
    expect(clerk.get_by_text("请先填写本窗口的窗口号。")).to_be_visible()
    clerk.locator("[data-test=window] input").fill(WINDOW)
    clerk.locator("[data-test=use-window]").click()
    expect(clerk.locator("[data-test=current]")).to_contain_text("暂无正在办理的号码")
    clerk.locator("[data-test=call-next]").click()
    expect(clerk.locator("[data-test=current-number]")).to_have_text(ticket)
    clerk.screenshot(path=str(screenshots / "staff-window.png"), full_page=True)
    a11y["staff-window"] = axe_violations(clerk)

    spoken = f"请 {ticket} 号到 {WINDOW} 号窗口"
    expect(hall.locator("[data-test=latest-call]")).to_have_text(spoken)
    expect(hall.locator(f"[data-test=serving][data-window='{WINDOW}']")).to_contain_text(ticket)
    expect(hall.locator(f"[data-queue={ticket[0]}] [data-test=waiting]")).to_have_text("0")
    hall.wait_for_function("window.__utterances.length >= 1")
    assert hall.evaluate("window.__utterances") == [{"text": spoken, "lang": "zh-CN"}]
    assert hall.evaluate(MARKER) == "same display"  # no reload
    a11y["call-display"] = axe_violations(hall)

    expect(queue).to_have_attribute("data-state", "CALLED")
    expect(resident.locator("[data-test=called-window]")).to_have_text(f"请到 {WINDOW} 号窗口办理")
    assert resident.evaluate(MARKER) == "same page"
    resident.screenshot(path=str(screenshots / "my-booking-called.png"), full_page=True)

    # The display's connection drops and comes back: the board is current again and
    # nothing is said twice. A recall (重呼) is said again.
    hall.context.set_offline(True)
    hall.wait_for_timeout(500)
    hall.context.set_offline(False)
    expect(hall.locator("[data-test=display]")).to_have_attribute("data-status", "live")
    for _ in range(50):
        if len(sockets) >= 2:
            break
        hall.wait_for_timeout(100)
    assert len(sockets) >= 2, "the display did not open a new socket after the outage"
    expect(hall.locator("[data-test=display]")).to_have_attribute("data-status", "live")
    clerk.locator("[data-test=recall]").click()
    hall.wait_for_function("window.__utterances.length >= 2")
    assert [u["text"] for u in hall.evaluate("window.__utterances")] == [spoken, spoken]

    # 办结: the window is free; the resident's line says 已办结.
    clerk.locator("[data-test=finish]").click()
    expect(clerk.locator("[data-test=current]")).to_contain_text("暂无正在办理的号码")
    expect(queue).to_have_attribute("data-state", "FINISHED")
    hall.wait_for_timeout(300)
    assert len(hall.evaluate("window.__utterances")) == 2  # finishing is not announced

    # --- a walk-in on the 绿色通道 takes a number and is called next -------------------------
    clerk.goto(f"{server}/staff/tickets")
    clerk.locator("[data-test=queue-A]").click()
    clerk.locator("[data-test=priority]").click()
    clerk.locator("[data-test=issue]").click()
    walk_in = clerk.locator("[data-test=issued] [data-test=ticket-number]").inner_text().strip()
    assert re.fullmatch(r"A\d{3}", walk_in), walk_in
    expect(clerk.locator("[data-test=issued]")).to_contain_text("绿色通道")
    clerk.screenshot(path=str(screenshots / "staff-walk-in.png"), full_page=True)
    a11y["staff-walk-in"] = axe_violations(clerk)
    expect(hall.locator("[data-queue=A] [data-test=waiting]")).to_have_text("1")

    clerk.goto(f"{server}/staff/window")  # the window number is remembered on the device
    expect(clerk.locator("h1")).to_contain_text(f"{WINDOW} 号窗口")
    clerk.locator("[data-test=call-next]").click()
    expect(clerk.locator("[data-test=current-number]")).to_have_text(walk_in)
    expect(clerk.locator("[data-test=current]")).to_contain_text("绿色通道")
    second = f"请 {walk_in} 号到 {WINDOW} 号窗口"
    expect(hall.locator("[data-test=latest-call]")).to_have_text(second)
    hall.wait_for_function("window.__utterances.length >= 3")
    assert [u["text"] for u in hall.evaluate("window.__utterances")] == [spoken, spoken, second]
    assert re.fullmatch(r"请 A0\d\d 号到 \d+ 号窗口", second)
    expect(hall.locator("[data-test=recent-calls] li")).to_have_count(2)
    assert hall.evaluate(MARKER) == "same display"
    hall.wait_for_timeout(4500)  # the flash of a new call is over
    hall.screenshot(path=str(screenshots / "call-display.png"))

    print("axe:", json.dumps(a11y, ensure_ascii=False, indent=1))
    assert all(not v for v in a11y.values()), a11y


def test_booking_refusals_say_what_to_do(
    server: str,  # noqa: F811
    server_env: dict[str, str],  # noqa: F811
    resident: Page,
    screenshots: Path,  # noqa: F811
) -> None:
    # Not real-name verified: no slots, a link to 实名认证 that comes back here.
    sign_in_resident(resident, server, server_env, UNVERIFIED_PHONE)
    resident.goto(f"{server}/centres/{CENTRE[0]}")
    resident.locator("[data-test=book]").click()
    expect(resident).to_have_url(re.compile(rf"/bookings/new\?centre={CENTRE[0]}$"))
    panel = resident.locator("[data-test=real-name-required]")
    expect(panel).to_have_attribute("role", "alert")
    expect(panel).to_contain_text("网上预约需要先完成实名认证")
    verify = panel.get_by_role("link", name="去实名认证")
    expect(verify).to_have_attribute("href", re.compile(r"^/me/verify\?redirect="))
    resident.screenshot(path=str(screenshots / "booking-real-name.png"), full_page=True)

    # A 全程网办 matter is not booked: the page sends the resident to apply online.
    resident.context.clear_cookies()
    resident.evaluate("localStorage.clear()")
    sign_in_resident(resident, server, server_env, OTHER_VERIFIED_PHONE)
    resident.goto(f"{server}/bookings/new?matter={ONLINE_ONLY_MATTER}&centre={CENTRE[0]}")
    online = resident.locator("[data-test=online-only]")
    expect(online).to_contain_text("可以全程网办")
    expect(online.get_by_role("link", name="去网上申请")).to_have_attribute(
        "href", f"/matters/{ONLINE_ONLY_MATTER}/apply"
    )
    expect(resident.locator("[data-test=confirm-booking]")).to_have_count(0)
    resident.screenshot(path=str(screenshots / "booking-online-only.png"), full_page=True)

    # Refusals of bookSlot, as the server words them, are shown and read out. (The answers
    # are stood in for here: the server's rules are tested in tests/bookings.)
    open_all_day_today(server_env)
    resident.goto(f"{server}/bookings/new?matter={MATTER[0]}&centre={CENTRE[0]}")
    free = resident.locator(".slot-picker__slot:not([aria-disabled=true])")
    free.first.click()
    refusals = {
        "SLOT_FULL": "该时段已约满，请选择其他时段。",
        "BOOKING_LIMIT_REACHED": "您已有 3 个未完成的预约，请先取消或完成已有预约。",
    }
    for code, message in refusals.items():
        resident.route("**/graphql", refusing(code, message))
        resident.locator("[data-test=confirm-booking]").click()
        problem = resident.locator("[data-test=booking-problem]")
        expect(problem).to_have_attribute("data-code", code)
        expect(problem).to_contain_text(message)
        expect(resident.locator("[data-test=announcement]")).to_contain_text(message)
        resident.unroute("**/graphql")
    expect(problem.get_by_role("link", name="查看我的预约")).to_have_attribute("href", "/bookings")
    resident.screenshot(path=str(screenshots / "booking-refused.png"))

    # 李娜 books, moves the booking to another slot, then cancels it: each after a dialog.
    resident.goto(f"{server}/bookings/new?matter={MATTER[0]}&centre={CENTRE[0]}")
    free = resident.locator(".slot-picker__slot:not([aria-disabled=true])")
    free.first.click()
    resident.locator("[data-test=confirm-booking]").click()
    expect(resident).to_have_url(re.compile(r"/booked$"))
    resident.locator("[data-test=view-ticket]").click()
    first_when = resident.locator("[data-test=booking-when]").inner_text()

    resident.locator("[data-test=reschedule]").click()
    expect(resident).to_have_url(re.compile(r"/reschedule$"))
    expect(resident.get_by_role("heading", name="改约到其他时段")).to_be_visible()
    target = resident.locator(".slot-picker__slot:not([aria-disabled=true])").nth(1)
    label = target.locator(".slot-picker__time").inner_text()
    assert label not in first_when
    target.click()
    resident.locator("[data-test=confirm-reschedule]").click()
    dialog = resident.get_by_role("dialog")
    expect(dialog).to_contain_text(label)
    resident.wait_for_timeout(400)  # the dialog's fade-in
    resident.screenshot(path=str(screenshots / "booking-reschedule.png"))
    dialog.get_by_role("button", name="确定改约").click()
    expect(resident).to_have_url(re.compile(r"/bookings/[^/]+\?rescheduled=1$"))
    expect(resident.locator("[data-test=booking-when]")).to_contain_text(label)

    resident.locator("[data-test=cancel-booking]").click()
    dialog = resident.get_by_role("dialog")
    expect(dialog).to_contain_text(label)
    dialog.get_by_role("button", name="不取消").click()
    expect(resident.locator("[data-test=booking-state]")).to_have_text("已预约")
    resident.locator("[data-test=cancel-booking]").click()
    resident.get_by_role("dialog").get_by_role("button", name="确定取消").click()
    expect(resident.locator("[data-test=booking-state]")).to_have_text("已取消")
    expect(resident.locator("[data-test=announcement]")).to_have_text("预约已取消。")
    expect(resident.locator("[data-test=check-in-qr]")).to_have_count(0)
    expect(resident.locator("[data-test=cancel-booking]")).to_have_count(0)
    expect(resident.get_by_role("dialog")).to_be_hidden()
    resident.screenshot(path=str(screenshots / "booking-cancelled.png"), full_page=True)
