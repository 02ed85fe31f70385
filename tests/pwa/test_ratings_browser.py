"""好差评 in the phone app, in Debian's Chromium: the window's rating tablet (a staff token
kept on the device, five big buttons, a rating stored, the page resets) and a resident
rating a finished case from the link in the SMS. Same server and browser set-up as
test_pwa_browser.py (the app must be built: cd pwa && npm run build)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from playwright.sync_api import Page, expect

from backend.identity import consents
from backend.identity.consents import LegalDocumentKind
from backend.settings import PROJECT_ROOT
from tests.pwa import test_pwa_browser as base

# The fixtures of the app's browser tests, shared: server, browser, phone, screenshots.
server_env = base.server_env
server = base.server
browser = base.browser
screenshots = base.screenshots
phone = base.phone
sms_code = base.sms_code

CENTRE = "310101-01"  # 五里桥: the demo staff wlq-clerk1 works there
DEMO_PASSWORD = "tongban-demo"
VERIFIED_DEMO_PHONE = "13800000001"  # 张伟, verified in the demo seed


def call(base: str, query: str, token: str | None = None, **variables: Any) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(
        f"{base}/graphql",
        json={"query": query, "variables": variables},
        headers=headers,
        timeout=30,
    )
    body = response.json()
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


def rating_count(base: str) -> int:
    data = call(
        base, "query($c: String!) { centreSatisfaction(centreCode: $c) { ratingCount } }", c=CENTRE
    )
    return int(data["centreSatisfaction"]["ratingCount"])


def staff_tokens(base: str, username: str) -> dict[str, str]:
    data = call(
        base,
        """mutation($u: String!, $p: String!) { staffLogin(username: $u, password: $p) {
            tokens { accessToken refreshToken } errors { code } } }""",
        u=username,
        p=DEMO_PASSWORD,
    )
    assert data["staffLogin"]["errors"] == [], data
    return data["staffLogin"]["tokens"]  # type: ignore[no-any-return]


def outbox_text(settings: dict[str, str], number: str, template: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "TONGBAN_REDIS_URL"} | settings
    result = subprocess.run(
        [sys.executable, "-m", "backend", "sms-outbox", "--phone", number, "--limit", "1"],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert template in result.stdout, result.stdout + result.stderr
    return result.stdout


def test_the_window_tablet_rates_and_resets(
    server: str,
    phone: Page,
    screenshots: Path,
) -> None:
    before = rating_count(server)
    phone.set_viewport_size({"width": 800, "height": 1280})  # a tablet at the window
    phone.goto(f"{server}/kiosk/rating?centre={CENTRE}&window=3")

    # Signed in once, as a staff member of the centre; the token stays on the device.
    expect(phone.get_by_text("工作人员登录")).to_be_visible()
    phone.get_by_label("用户名").fill("wlq-clerk1")
    phone.get_by_label("密码").fill(DEMO_PASSWORD)
    phone.get_by_role("button", name="登录", exact=True).click()
    expect(phone.locator("[data-test=kiosk-window]")).to_have_text("3 号窗口")
    expect(phone.locator("[data-test=kiosk-clerk]")).to_have_text("本窗口暂无工作人员")
    assert phone.evaluate("localStorage.getItem('tongban.staffRefreshToken')")

    # The clerk signed in on the tablet serves at this window.
    phone.locator("[data-test=serve-here]").click()
    expect(phone.locator("[data-test=kiosk-clerk]")).to_have_text("为您服务的是：五里桥受理员一")
    buttons = phone.locator(".kiosk__button")
    expect(buttons).to_have_text(["非常满意", "满意", "基本满意", "不满意", "非常不满意"])
    box = buttons.first.bounding_box()
    assert box is not None and box["height"] >= 44
    phone.screenshot(path=str(screenshots / "kiosk.png"))

    phone.locator("[data-test=kiosk-SATISFIED]").click()
    expect(phone.locator("[data-test=kiosk-thanks]")).to_have_text("感谢您的评价！")
    phone.screenshot(path=str(screenshots / "kiosk-thanks.png"))
    assert rating_count(server) == before + 1
    # ... and resets for the next resident.
    expect(phone.locator("[data-test=kiosk-thanks]")).to_have_count(0, timeout=10_000)
    expect(phone.locator("[data-test=kiosk-VERY_SATISFIED]")).to_be_visible()

    # A reload keeps the tablet signed in, serving the same clerk.
    phone.reload()
    expect(phone.locator("[data-test=kiosk-clerk]")).to_have_text("为您服务的是：五里桥受理员一")

    # The centre page shows the public figures.
    phone.goto(f"{server}/centres/{CENTRE}")
    expect(phone.locator("[data-test=satisfaction-rate]")).to_have_text(
        re.compile(r"满意率 \d+\.\d%")
    )
    expect(phone.locator("[data-test=rating-count]")).to_contain_text(f"共 {before + 1} 条评价")


def test_a_resident_rates_a_finished_case_from_the_sms_link(
    server: str,
    server_env: dict[str, str],
    phone: Page,
    screenshots: Path,
) -> None:
    # 张伟 (verified in the demo seed) applies online; the clerk accepts and completes.
    phone_number = VERIFIED_DEMO_PHONE
    sent = call(
        server,
        "mutation($p: String!) { requestLoginCode(phone: $p) { sent errors { code } } }",
        p=phone_number,
    )
    assert sent["requestLoginCode"]["sent"], sent
    login = call(
        server,
        """mutation($p: String!, $c: String!) { login(phone: $p, code: $c) {
            tokens { accessToken refreshToken } errors { code } } }""",
        p=phone_number,
        c=sms_code(server_env, phone_number),
    )["login"]
    assert login["errors"] == [], login
    resident = login["tokens"]
    accepted = call(  # the sign-in documents, as the app's consent page would
        server,
        """mutation($d: [ConsentInput!]!) { acceptConsents(documents: $d) { errors { code } } }""",
        resident["accessToken"],
        d=[
            {"document": kind, "version": consents.document(LegalDocumentKind(kind)).version}
            for kind in ("USER_AGREEMENT", "PRIVACY_POLICY")
        ],
    )["acceptConsents"]
    assert accepted["errors"] == [], accepted
    case = call(
        server,
        """mutation($input: SubmitCaseInput!) { submitCase(input: $input) {
            case { id number } errors { code } } }""",
        resident["accessToken"],
        input={"matterCode": "GA007", "centreCode": CENTRE},
    )["submitCase"]
    assert case["errors"] == [], case
    clerk = staff_tokens(server, "wlq-clerk1")["accessToken"]
    for action in ("ACCEPT", "COMPLETE"):
        moved = call(
            server,
            """mutation($input: AdvanceCaseInput!) { advanceCase(input: $input) {
                case { state } errors { code } } }""",
            clerk,
            input={"caseId": case["case"]["id"], "action": action},
        )["advanceCase"]
        assert moved["errors"] == [], moved

    # The SMS carries the link; it opens the rating page (after signing in).
    number = case["case"]["number"]
    text = outbox_text(server_env, phone_number, "CASE_FINISHED")
    match = re.search(r"https?://\S+/cases/(\S+)/rate", text)
    assert match and match.group(1) == number, text
    path = urlsplit(match.group(0)).path
    phone.goto(server + path)
    expect(phone).to_have_url(re.compile(r"/login\?redirect="))
    # Signed in on this phone (the session's refresh token, as after signing in).
    phone.evaluate(f"localStorage.setItem('tongban.refreshToken', '{resident['refreshToken']}')")
    phone.goto(server + path)
    expect(phone.locator("[data-test=case-number]")).to_contain_text(number)

    # The four required indicators first: submitting with one missing is refused here.
    for indicator, level in (
        ("OVERALL", "非常满意"),
        ("EFFICIENCY", "满意"),
        ("ATTITUDE", "非常满意"),
    ):
        phone.locator(f"[data-test=indicator-{indicator}]").get_by_role(
            "radio", name=level, exact=True
        ).click()
    phone.locator("[data-test=submit-rating]").click()
    expect(phone.get_by_text("请为每一项必选指标选择评价等级。")).to_be_visible()
    phone.locator("[data-test=indicator-ENVIRONMENT]").get_by_role(
        "radio", name="基本满意", exact=True
    ).click()
    phone.get_by_placeholder("请写下您的意见或建议，最多 200 字").fill("办得很快，谢谢窗口")
    phone.screenshot(path=str(screenshots / "rate-case.png"), full_page=True)
    phone.locator("[data-test=submit-rating]").click()
    expect(phone.locator("[data-test=thanks]")).to_have_text("感谢您的评价！")
    expect(phone.locator("[data-test=given]")).to_have_count(4)
    expect(phone.locator("[data-test=given]").first).to_contain_text("非常满意")
    phone.screenshot(path=str(screenshots / "rate-case-done.png"), full_page=True)

    # Once only: the link now shows the rating, no form.
    phone.reload()
    expect(phone.locator("[data-test=given]")).to_have_count(4)
    expect(phone.locator("[data-test=submit-rating]")).to_have_count(0)
