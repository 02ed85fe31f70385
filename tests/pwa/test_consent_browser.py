"""Consent and account rights, and the 办事指南, in the phone app: the user agreement and
privacy policy at first sign-in (nothing else opens until they are accepted), the separate
consent before the ID number at 实名认证 and its success page, 授权记录, 我的数据, 注销账号
with an SMS code (a later sign-in with the number is a new account); a matter's guide with
sourced facts or 以窗口告知为准, and 在哪里办 listing only the centres that offer it, nearest
first, with map and call links. Debian's Chromium on a 375 px phone; axe-core on each page.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from backend.settings import PROJECT_ROOT
from tests.conftest import SEED_DIR
from tests.pwa.test_pwa_browser import (  # noqa: F401 - pytest fixtures shared with that module
    PHONE,
    TIMEOUT_MS,
    browser,
    screenshots,
    server,
    server_env,
    sms_code,
)

SMALL_PHONE: dict[str, Any] = {**PHONE, "viewport": {"width": 375, "height": 812}}
AXE = PROJECT_ROOT / "pwa" / "node_modules" / "axe-core" / "axe.min.js"
# 刘洋, in the registry stand-in and bound to no demo account.
PERSON = ("刘洋", "310101200102283170")
# 徐家汇 (one of the five centres with the 住房公积金 windows, by the seed's illustrative choice).
XUJIAHUI = next(
    {"latitude": c["lat"], "longitude": c["lng"]}
    for c in json.loads((SEED_DIR / "centres.json").read_text(encoding="utf-8"))
    if c["code"] == "310104-09"
)


def _phone(browser: Browser, **options: Any) -> tuple[Page, list[str]]:  # noqa: F811
    context = browser.new_context(**{**SMALL_PHONE, **options})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    crashes: list[str] = []
    page.on("pageerror", lambda error: crashes.append(str(error)))
    return page, crashes


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:  # noqa: F811
    page, crashes = _phone(browser)
    yield page
    page.context.close()
    assert crashes == [], f"JavaScript errors in the page: {crashes}"


def erasure_code(server_env: dict[str, str], number: str) -> str:  # noqa: F811
    env = {k: v for k, v in os.environ.items() if k != "TONGBAN_REDIS_URL"} | server_env
    result = subprocess.run(
        [sys.executable, "-m", "backend", "sms-outbox", "--phone", number, "--limit", "1"],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    match = re.search(r"ERASURE_CODE\s.*验证码 (\d{6})", result.stdout)
    assert match, f"no erasure code in the outbox:\n{result.stdout}{result.stderr}"
    return match.group(1)


def axe_violations(page: Page, scope: str = "body") -> list[str]:
    """axe-core's WCAG A/AA violations inside `scope`, as "rule: target" lines. Colour
    contrast is left to the shared theme (branch elder), which owns the Vant colours."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async (scope) => {
            const r = await axe.run(document.querySelector(scope), {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] },
                rules: { 'color-contrast': { enabled: false } } })
            return r.violations.map(
                v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))
        }""",
        scope,
    )
    return list(result)


def sign_in(page: Page, base: str, env: dict[str, str], number: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("手机号").fill(number)
    page.get_by_role("button", name="获取验证码").click()
    expect(page.locator("[data-test=code-sent]")).to_be_visible()
    page.get_by_label("验证码").fill(sms_code(env, number))
    page.get_by_role("button", name="登录", exact=True).click()


def test_consent_verification_my_data_and_erasure(
    server: str,  # noqa: F811
    server_env: dict[str, str],  # noqa: F811
    phone: Page,
    screenshots: Path,  # noqa: F811
) -> None:
    number = f"139{random.randrange(10**8):08d}"
    sign_in(phone, server, server_env, number)

    # First sign-in: the two documents, and nothing else opens until they are accepted.
    expect(phone).to_have_url(re.compile(r"/consent\?redirect=(%2F|/)me$"))
    expect(phone.get_by_role("heading", name="欢迎使用通办")).to_be_visible()
    pending = phone.locator("[data-test=pending-documents] h2")
    expect(pending).to_have_text(["《通办用户服务协议》", "《通办隐私政策》"])
    phone.screenshot(path=str(screenshots / "consent-gate.png"), full_page=True)
    assert axe_violations(phone) == []
    phone.goto(f"{server}/cases")
    expect(phone).to_have_url(re.compile(r"/consent\?redirect=(%2F|/)cases$"))

    # The policy reads in full, with the retention period it relies on.
    phone.locator("[data-test=read-PRIVACY_POLICY]").click()
    expect(phone).to_have_url(re.compile(r"/legal/PRIVACY_POLICY$"))
    document = phone.locator("[data-test=legal-document]")
    expect(document.get_by_role("heading", name="三、保存期限")).to_be_visible()
    expect(document).to_contain_text("【占位，待法务部门确认】")
    phone.screenshot(path=str(screenshots / "privacy-policy.png"), full_page=True)
    assert axe_violations(phone) == []
    phone.go_back()

    phone.locator("[data-test=accept]").click()
    expect(phone.locator("#consent-gate-error")).to_have_text("请先勾选同意。")
    phone.locator("[data-test=agree]").click()
    phone.locator("[data-test=accept]").click()
    expect(phone).to_have_url(re.compile(r"/cases$"))

    # 实名认证: the ID number goes only with the separate consent.
    phone.goto(f"{server}/me/verify")
    # A full load: the session is restored (refresh, then the account) before the form shows;
    # in CI this runs beside the fuzzer, which keeps both cores busy for two minutes.
    expect(phone.get_by_label("姓名")).to_be_visible(timeout=3 * TIMEOUT_MS)
    phone.get_by_label("姓名").fill(PERSON[0])
    phone.get_by_label("身份证号").fill(PERSON[1])
    phone.get_by_role("button", name="提交认证").click()
    error = phone.locator("#id-consent-error")
    expect(error).to_have_text("请先阅读并勾选同意，才能提交身份证号码。")
    expect(phone.locator("[data-test=id-consent-agree]")).to_have_attribute(
        "aria-describedby", "id-consent-error"
    )
    phone.screenshot(path=str(screenshots / "verify-id-consent.png"), full_page=True)
    assert axe_violations(phone) == []
    phone.locator("[data-test=id-consent-agree]").click()
    phone.get_by_role("button", name="提交认证").click()
    expect(phone).to_have_url(re.compile(r"/me/verify/done"))
    expect(phone.get_by_role("heading", name="实名认证成功")).to_be_visible()
    phone.screenshot(path=str(screenshots / "verify-done.png"), full_page=True)
    phone.locator("[data-test=continue]").click()
    expect(phone).to_have_url(re.compile(r"/me$"))
    expect(phone.locator("[data-test=verification]")).to_have_text("已实名")

    # 授权记录: the three acceptances, with version and channel.
    phone.locator("[data-test=consents]").click()
    records = phone.locator("[data-test=consent-records] .van-cell")
    expect(records).to_have_count(3)
    expect(records.first).to_contain_text("身份证号码处理单独同意书")
    expect(records.first).to_contain_text("通办 App")
    phone.screenshot(path=str(screenshots / "consent-records.png"), full_page=True)
    phone.go_back()

    # 我的数据: a JSON file with what the service holds, the ID number in the clear.
    with phone.expect_download() as download:
        phone.locator("[data-test=my-data]").click()
    saved = Path(download.value.path())
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["account"]["phone"] == number and data["account"]["idNumber"] == PERSON[1]
    assert {c["document"] for c in data["consents"]} == {
        "USER_AGREEMENT",
        "PRIVACY_POLICY",
        "SENSITIVE_ID_NUMBER",
    }
    expect(phone.locator("[data-test=my-data-status]")).to_contain_text("已下载")
    phone.screenshot(path=str(screenshots / "me-rights.png"), full_page=True)

    # 注销账号: a code to this phone, a wrong one refused, then erased and signed out.
    phone.locator("[data-test=erase]").click()
    expect(phone).to_have_url(re.compile(r"/me/erase$"))
    phone.locator("[data-test=erase-send]").click()
    # Signed in a minute ago: one code a minute per number, said in the live region.
    refused = phone.locator(".erase-page__error")
    expect(refused).to_have_text(re.compile(r"^请 \d+ 秒后再获取验证码。$"))
    wait = int(re.findall(r"\d+", refused.inner_text())[0])
    phone.wait_for_timeout((wait + 1) * 1000)
    phone.locator("[data-test=erase-send]").click()
    expect(phone.get_by_text("验证码已发送到您的手机")).to_be_visible()
    code = erasure_code(server_env, number)
    phone.get_by_label("验证码").fill(f"{(int(code) + 1) % 10**6:06d}")
    phone.locator("[data-test=erase-confirm]").click()
    phone.get_by_role("button", name="确定注销").click()
    expect(phone.get_by_text(re.compile(r"验证码不正确"))).to_be_visible()
    expect(phone.locator(".van-dialog")).to_be_hidden()
    phone.screenshot(path=str(screenshots / "erase.png"), full_page=True)
    assert axe_violations(phone, ".erase-page") == []
    phone.get_by_label("验证码").fill(code)
    phone.locator("[data-test=erase-confirm]").click()
    phone.get_by_role("button", name="确定注销").click()
    expect(phone).to_have_url(re.compile(r"/me$"))
    expect(phone.get_by_text("登录通办")).to_be_visible()
    assert phone.evaluate("localStorage.getItem('tongban.refreshToken')") is None

    # The same number again: a brand-new account, asked to consent again, unverified.
    # (Erasure dropped the number's resend limit with the account: no minute to wait.)
    sign_in(phone, server, server_env, number)
    expect(phone).to_have_url(re.compile(r"/consent\?redirect="))
    phone.locator("[data-test=agree]").click()
    phone.locator("[data-test=accept]").click()
    expect(phone).to_have_url(re.compile(r"/me$"))
    expect(phone.locator("[data-test=verification]")).to_have_text("未实名")


def test_matter_guide_and_where_to_go(
    server: str,  # noqa: F811
    browser: Browser,  # noqa: F811
    phone: Page,
    screenshots: Path,  # noqa: F811
) -> None:
    # 最低生活保障申请 (收受分离): sourced facts, and 以窗口告知为准 for the rest.
    phone.goto(f"{server}/matters/MZ004")
    guide = phone.locator("[data-test=matter-guide]")
    expect(guide.get_by_role("heading", name="办事指南")).to_be_visible()
    steps = guide.locator("[data-known=true]", has=phone.get_by_role("heading", name="办理流程"))
    expect(steps.locator("li")).to_have_count(4)
    expect(steps).to_contain_text("户籍地")
    fees = guide.locator("section", has=phone.get_by_role("heading", name="收费标准"))
    expect(fees.locator("[data-test=unknown]")).to_have_text("以窗口告知为准")
    materials = guide.locator("[data-test=guide-materials]")
    expect(materials).to_contain_text("可电子亮证（电子身份证）")
    expect(materials).to_contain_text("电子户口簿能否电子亮证：以窗口告知为准")
    expect(guide.locator("[data-test=guide-faq] dt").first).to_have_text("不在户籍地能办吗？")
    expect(guide.locator("[data-test=guide-where] li")).to_have_count(3)
    phone.screenshot(path=str(screenshots / "matter-guide.png"), full_page=True)
    assert axe_violations(phone, "[data-test=matter-guide]") == []

    # A matter only some centres offer: the matter page's link lists only those five.
    phone.goto(f"{server}/matters/GJ012")
    phone.get_by_text("查看全部可办理的中心").click()
    expect(phone).to_have_url(re.compile(r"/matters/GJ012/where$"))
    items = phone.locator("[data-test=where-list] > li")
    expect(items).to_have_count(5)
    phone.locator("[data-test=district]").select_option("浦东新区")
    expect(items.first).to_have_attribute("data-code", "310115-12")
    first = items.first
    amap = first.locator("[data-test=amap]")
    expect(amap).to_have_attribute(
        "href", re.compile(r"^https://uri\.amap\.com/marker\?position=121\.\d+,31\.\d+&name=")
    )
    expect(first.locator("[data-test=geo]")).to_have_attribute(
        "href", re.compile(r"^geo:31\.\d+,121\.\d+")
    )
    expect(first.locator("[data-test=approximate]")).to_be_visible()
    phone.screenshot(path=str(screenshots / "matter-where.png"), full_page=True)
    assert axe_violations(phone, ".where-page") == []

    # With the location allowed: nearest first, from 徐家汇.
    located, crashes = _phone(browser, geolocation=XUJIAHUI, permissions=["geolocation"])
    try:
        located.goto(f"{server}/matters/GJ012/where")
        listed = located.locator("[data-test=where-list] > li")
        expect(listed).to_have_count(5)
        expect(listed.first).to_have_attribute("data-code", "310104-09")
        expect(located.get_by_text("按距离由近到远", exact=True)).to_be_visible()
    finally:
        located.context.close()
    assert crashes == []

    # Tap-to-call where a number is known (欧阳路), the map link on a centre's own page.
    phone.goto(f"{server}/centres/310109-01")
    links = phone.locator("[data-test=centre-links]")
    expect(links.locator("[data-test=call]")).to_have_attribute("href", "tel:02165222978")
    expect(links.locator("[data-test=amap]")).to_have_attribute("href", re.compile("uri.amap.com"))
