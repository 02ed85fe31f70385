"""Cases in the phone app, two people at once: a resident applies online and watches the
case's timeline; a clerk, in another browser context against the same real server, works
the case; the resident's page follows every step live over the WebSocket, without a
reload, and ends with 去评价. Debian's Chromium driven by Playwright on a 375 px phone.

Build the app first (`cd pwa && npm ci && npm run build`). Screenshots go to a temporary
directory (printed; pytest -s) or TONGBAN_SCREENSHOT_DIR.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.cases.test_receipts import pdf_text, qr_codes
from tests.pwa.test_pwa_browser import (  # noqa: F401 - pytest fixtures shared with that module
    PHONE,
    TIMEOUT_MS,
    accept_terms,
    browser,
    screenshots,
    server,
    server_env,
    sms_code,
)

SMALL_PHONE: dict[str, Any] = {**PHONE, "viewport": {"width": 375, "height": 812}}
# 李娜: verified, household registration 310110-01 (杨浦 定海路). She applies at 310101-01
# (南京东路) for 最低生活保障申请, a 收受分离 matter: collected there, accepted at home.
RESIDENT_PHONE = "13800000002"
RESIDENT_ID_NUMBER = "310104199211052463"
MATTER = ("MZ004", "最低生活保障申请")
COLLECTING = ("310101-01", "南京东路")
CLERK = "yp-clerk1"  # a clerk of 310110-01, the accepting centre
PASSWORD = "tongban-demo"
MARKER = "window.__tongbanMarker"


def new_phone(chromium: Browser) -> tuple[Page, list[str]]:
    context = chromium.new_context(**SMALL_PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    crashes: list[str] = []
    page.on("pageerror", lambda error: crashes.append(str(error)))
    return page, crashes


@pytest.fixture
def resident(browser: Browser) -> Iterator[Page]:  # noqa: F811
    page, crashes = new_phone(browser)
    yield page
    page.context.close()
    assert crashes == [], f"JavaScript errors in the resident's page: {crashes}"


@pytest.fixture
def clerk(browser: Browser) -> Iterator[Page]:  # noqa: F811
    page, crashes = new_phone(browser)
    yield page
    page.context.close()
    assert crashes == [], f"JavaScript errors in the clerk's page: {crashes}"


def sign_in_resident(page: Page, base: str, env: dict[str, str]) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("手机号").fill(RESIDENT_PHONE)
    page.get_by_role("button", name="获取验证码").click()
    expect(page.locator("[data-test=code-sent]")).to_be_visible()
    page.get_by_label("验证码").fill(sms_code(env, RESIDENT_PHONE))
    page.get_by_role("button", name="登录", exact=True).click()
    accept_terms(page)
    expect(page).to_have_url(re.compile(r"/me$"))


def sign_in_clerk(page: Page, base: str) -> None:
    page.goto(f"{base}/staff")
    expect(page).to_have_url(re.compile(r"/staff/login\?redirect="))
    page.get_by_label("用户名").fill(CLERK)
    page.get_by_label("密码").fill("wrong-password")
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page.get_by_text("用户名或密码不正确")).to_be_visible()
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page).to_have_url(re.compile(r"/staff$"))


def steps(page: Page) -> Any:
    return page.locator("[data-test=timeline-step]")


def clerk_takes(clerk: Page, action: str, label: str) -> None:
    button = clerk.locator(f"[data-test=action-{action}]")
    expect(button).to_contain_text(label)
    button.click()
    expect(clerk.locator(f"[data-test=action-{action}]")).to_have_count(0)


def test_resident_follows_a_case_live_while_a_clerk_works_it(
    server: str,  # noqa: F811
    server_env: dict[str, str],  # noqa: F811
    resident: Page,
    clerk: Page,
    screenshots: Path,  # noqa: F811
) -> None:
    # --- the resident applies online ---------------------------------------------------------
    sign_in_resident(resident, server, server_env)
    resident.locator("[data-test=my-cases]").click()
    expect(resident).to_have_url(re.compile(r"/cases$"))
    expect(resident.get_by_text("还没有办件")).to_be_visible()

    resident.goto(f"{server}/matters/{MATTER[0]}")
    resident.locator("[data-test=apply]").click()
    expect(resident).to_have_url(re.compile(rf"/matters/{MATTER[0]}/apply$"))
    expect(resident.get_by_role("heading", name=MATTER[1])).to_be_visible()
    # No centre yet (never used one, location not allowed): the error under the field, read out.
    resident.get_by_role("button", name="提交申请").click()
    error = resident.locator("#apply-centre-error")
    expect(error).to_have_text("请选择办理中心。")
    centre = resident.locator("[data-test=centre]")
    expect(centre).to_have_attribute("aria-describedby", "apply-centre-error")
    expect(centre).to_have_attribute("aria-invalid", "true")
    expect(resident.locator("[data-test=announcement]")).to_have_text("请选择办理中心。")
    resident.screenshot(path=str(screenshots / "apply-error.png"), full_page=True)

    centre.click()
    resident.get_by_placeholder("搜索中心名称或地址").fill(COLLECTING[1])
    resident.locator(f"[data-test=pick-{COLLECTING[0]}]").click()
    expect(centre).to_contain_text(COLLECTING[1])
    resident.get_by_text("居民身份证", exact=True).click()
    resident.get_by_text("用电子身份证代替").click()
    resident.get_by_text("户口簿", exact=True).click()
    keyboard = resident.get_by_role("checkbox", name="家庭成员收入证明")  # keyboard only
    keyboard.focus()
    keyboard.press("Space")
    expect(keyboard).to_have_attribute("aria-checked", "true")
    resident.screenshot(path=str(screenshots / "apply.png"), full_page=True)
    resident.get_by_role("button", name="提交申请").click()

    expect(resident).to_have_url(re.compile(r"/cases/[^/]+$"))
    number = resident.locator("[data-test=case-number] .van-cell__value").inner_text().strip()
    assert number and number in resident.url
    expect(resident.locator("[data-test=centres]")).to_contain_text("收受分离")
    expect(resident.locator("[data-test=centres]")).to_contain_text("定海路")
    materials = resident.locator("[data-test=materials]")
    expect(materials).to_contain_text("电子亮证")
    expect(materials.locator(".van-cell", has_text="家庭成员收入证明")).to_contain_text("已提交")
    expect(resident.locator("[data-test=promised-date]")).to_contain_text("受理后计算")
    expect(steps(resident)).to_have_count(1)
    expect(steps(resident).first).to_contain_text("提交申请")
    expect(resident.locator("[data-test=live-status]")).to_have_attribute("data-status", "live")
    expect(resident.locator("[data-test=action-WITHDRAW]")).to_be_visible()
    expect(resident.locator("[data-test=download-receipt]")).to_have_count(0)  # not accepted yet
    resident.evaluate(f"{MARKER} = 'same page'")
    resident.screenshot(path=str(screenshots / "case-submitted.png"), full_page=True)

    # --- the clerk of the accepting centre finds it in the queue ------------------------------
    sign_in_clerk(clerk, server)
    expect(clerk.locator("[data-test=summary]")).to_contain_text("超期 0 件")
    row = clerk.locator(f".case-cell[data-number='{number}']")
    expect(row).to_contain_text("已提交")
    expect(clerk.locator("[data-test=filter-SUBMITTED]")).to_have_text("已提交 1")
    expect(clerk.locator("[data-test=live-status]")).to_have_attribute("data-status", "live")
    clerk.screenshot(path=str(screenshots / "staff-queue.png"), full_page=True)
    row.click()
    expect(clerk).to_have_url(re.compile(r"/staff/cases/"))
    expect(clerk.locator("[data-test=action-WITHDRAW]")).to_have_count(0)  # the resident's

    # A rejection needs a reason the resident reads.
    clerk.locator("[data-test=action-REJECT]").click()
    expect(clerk.get_by_text("请填写原因，申请人会看到这段说明。")).to_be_visible()
    expect(clerk.locator("#staff-note")).to_have_attribute("aria-describedby", "staff-note-error")
    clerk.screenshot(path=str(screenshots / "staff-case.png"), full_page=True)

    clerk_takes(clerk, "ACCEPT", "受理")
    # The resident's page follows, live: a new step, no reload (the marker survives).
    expect(steps(resident)).to_have_count(2)
    expect(steps(resident).last).to_contain_text("已受理")
    expect(resident.locator("[data-test=case-state]").first).to_have_text(re.compile("已受理"))
    expect(resident.locator("[data-test=promised-date]")).to_contain_text(
        re.compile(r"\d{4}-\d\d-\d\d")
    )
    expect(resident.locator("[data-test=action-WITHDRAW]")).to_have_count(0)
    expect(resident.locator("[data-test=download-receipt]")).to_be_visible()

    clerk_takes(clerk, "FORWARD", "转办")
    expect(steps(resident)).to_have_count(3)
    expect(steps(resident).last).to_contain_text("已转办")

    # The resident's phone loses the network while the clerk takes a step; once it is back,
    # the timeline catches up by itself: the step is there once, still no reload.
    resident.context.set_offline(True)
    clerk_takes(clerk, "START_PROCESSING", "开始办理")
    resident.wait_for_timeout(500)
    resident.context.set_offline(False)
    expect(steps(resident)).to_have_count(4)
    expect(steps(resident).last).to_contain_text("办理中")
    expect(resident.locator("[data-test=live-status]")).to_have_attribute("data-status", "live")

    clerk_takes(clerk, "COMPLETE", "办结")
    expect(steps(resident)).to_have_count(5)
    expect(steps(resident).last).to_contain_text("已办结")
    assert [steps(resident).nth(i).get_attribute("data-state") for i in range(5)] == [
        "SUBMITTED",
        "ACCEPTED",
        "FORWARDED",
        "PROCESSING",
        "COMPLETED",
    ]
    assert resident.evaluate(MARKER) == "same page"
    rate = resident.get_by_role("link", name="去评价")
    expect(rate).to_have_attribute("href", f"/cases/{number}/rate")
    resident.screenshot(path=str(screenshots / "case-completed.png"), full_page=True)

    # --- the PDFs: downloaded through the page with the resident's token, for real ---
    requests: list[tuple[str, str | None]] = []

    def watch(route: Route) -> None:
        requests.append((route.request.url, route.request.headers.get("authorization")))
        route.fulfill(response=route.fetch())  # the real server's PDF, passed through

    resident.route("**/cases/*/*.pdf", watch)
    with resident.expect_download() as receipt:
        resident.locator("[data-test=download-receipt]").click()
    assert receipt.value.suggested_filename == f"受理回执-{number}.pdf"
    receipt_pdf = Path(receipt.value.path()).read_bytes()
    assert receipt_pdf.startswith(b"%PDF")
    assert number in pdf_text(receipt_pdf)
    links = qr_codes(receipt_pdf)
    assert len(links) == 1 and links[0].startswith("http") and links[0].endswith(f"/cases/{number}")
    with resident.expect_download() as history:
        resident.locator("[data-test=download-history]").click()
    assert history.value.suggested_filename == f"办件记录-{number}.pdf"
    history_text = pdf_text(Path(history.value.path()).read_bytes())
    assert number in history_text and "已办结" in history_text
    assert [url for url, _ in requests] == [
        f"{server}/cases/{number}/receipt.pdf",
        f"{server}/cases/{number}/history.pdf",
    ]
    for _, authorization in requests:
        assert authorization and authorization.startswith("Bearer ")
        me = httpx.post(
            f"{server}/graphql",
            json={"query": "{ me { role resident { phone } } }"},
            headers={"authorization": authorization},
            timeout=10,
        ).json()
        assert me["data"]["me"]["role"] == "RESIDENT", me  # the resident's own, valid token
    assert "token" not in " ".join(url for url, _ in requests).lower()

    # --- then the resident rates the finished case (好差评, 一事一评) from its page ----------
    resident.get_by_role("link", name="去评价").click()
    expect(resident.locator("[data-test=case-number]")).to_contain_text(number)
    for indicator, level in (
        ("OVERALL", "满意"),
        ("EFFICIENCY", "非常满意"),
        ("ATTITUDE", "满意"),
        ("ENVIRONMENT", "基本满意"),
    ):
        resident.locator(f"[data-test=indicator-{indicator}]").get_by_role(
            "radio", name=level, exact=True
        ).click()
    resident.locator("[data-test=submit-rating]").click()
    expect(resident.locator("[data-test=thanks]")).to_have_text("感谢您的评价！")
    resident.screenshot(path=str(screenshots / "case-rated.png"), full_page=True)

    # --- 我的办件: the list, and a counter case the clerk opens arrives live -------------------
    resident.goto(f"{server}/cases")
    row = resident.locator(f".case-cell[data-number='{number}']")
    expect(row.locator("[data-test=case-state]")).to_have_text(re.compile("已办结"))
    expect(resident.locator("[data-test=live-status]")).to_have_attribute("data-status", "live")
    resident.evaluate(f"{MARKER} = 'list page'")

    clerk.goto(f"{server}/staff")
    clerk.locator("[data-test=counter]").click()
    expect(clerk).to_have_url(re.compile(r"/staff/counter$"))
    clerk.get_by_label("身份证号").fill(RESIDENT_ID_NUMBER)
    clerk.get_by_label("身份证号").press("Enter")
    masked = clerk.locator("[data-test=id-masked]")
    expect(masked).to_contain_text(f"{RESIDENT_ID_NUMBER[:6]}********{RESIDENT_ID_NUMBER[-4:]}")
    expect(clerk.get_by_text(RESIDENT_ID_NUMBER)).to_have_count(0)  # masked once entered
    clerk.get_by_label("事项编码").fill("MZ002")
    clerk.get_by_role("button", name="查询事项").click()
    expect(clerk.locator("[data-test=matter-name]")).to_contain_text("敬老卡挂失")
    clerk.get_by_text("居民身份证", exact=True).click()
    clerk.screenshot(path=str(screenshots / "staff-counter.png"), full_page=True)
    clerk.get_by_role("button", name="收件", exact=True).click()
    expect(clerk).to_have_url(re.compile(r"/staff/cases/"))

    cells = resident.locator(".case-cell")
    expect(cells).to_have_count(2)
    expect(cells.first).to_contain_text("敬老卡挂失")
    expect(cells.first.locator("[data-test=case-state]")).to_have_text(re.compile("已提交"))
    assert resident.evaluate(MARKER) == "list page"
    resident.screenshot(path=str(screenshots / "my-cases.png"), full_page=True)
