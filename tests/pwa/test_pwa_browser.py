"""The phone app as a resident uses it: Debian's Chromium, driven by Playwright, on a
390x844 phone screen, against the real server serving the built app from pwa/dist.

The app must be built first (`cd pwa && npm ci && npm run build`; scripts/test does it);
without pwa/dist these tests fail rather than test the "not built" placeholder.
Screenshots go to a temporary directory (printed; run pytest with -s to see it), or to
TONGBAN_SCREENSHOT_DIR when set. Sign-in codes are read from the server's development SMS
outbox (`python -m backend sms-outbox`, with the server's database and keys).
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from backend.settings import PROJECT_ROOT
from tests.conftest import SEED_DIR
from tests.realserver import start_server

PWA_DIST = PROJECT_ROOT / "pwa" / "dist"
CHROMIUM = os.environ.get("TONGBAN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "zh-CN",
    "timezone_id": "Asia/Shanghai",
}
TIMEOUT_MS = 15_000


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The server's settings: a fresh SQLite database, and var/ with its generated keys."""
    var = tmp_path_factory.mktemp("pwa-server")
    return {
        "TONGBAN_DATABASE_URL": f"sqlite://{var / 'tongban.sqlite3'}",
        "TONGBAN_VAR_DIR": str(var),
        "TONGBAN_SEED_DIR": str(SEED_DIR),
        "TONGBAN_PWA_DIST": str(PWA_DIST),
    }


@pytest.fixture(scope="module")
def server(server_env: dict[str, str]) -> Iterator[str]:
    assert (PWA_DIST / "index.html").is_file(), (
        f"{PWA_DIST} is missing: build the app first (cd pwa && npm ci && npm run build)"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("TONGBAN_REDIS_URL", raising=False)  # the embedded default
        yield from start_server(server_env, Path(server_env["TONGBAN_VAR_DIR"]) / "server.log")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).is_file(), f"{CHROMIUM} is missing (apt-get install chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("TONGBAN_SCREENSHOT_DIR")
    directory = Path(chosen) if chosen else tmp_path_factory.mktemp("pwa-screenshots")
    directory.mkdir(parents=True, exist_ok=True)
    print(f"\nPWA screenshots: {directory}")
    return directory


def open_phone(browser: Browser, **options: Any) -> tuple[Page, list[str]]:
    context = browser.new_context(**{**PHONE, **options})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    crashes: list[str] = []
    page.on("pageerror", lambda error: crashes.append(str(error)))
    return page, crashes


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    page, crashes = open_phone(browser)
    yield page
    page.context.close()
    assert crashes == [], f"JavaScript errors in the page: {crashes}"


# --- helpers -------------------------------------------------------------------------------


def api(base: str, query: str, **variables: Any) -> dict[str, Any]:
    response = httpx.post(
        f"{base}/graphql", json={"query": query, "variables": variables}, timeout=30
    )
    body = response.json()
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


def clock(time: str) -> str:
    """08:30:00 -> 8:30, as the app shows it."""
    hours, minutes = time.split(":")[:2]
    return f"{int(hours)}:{minutes}"


def open_tab(page: Page, name: str) -> None:
    page.get_by_role("navigation", name="主导航").get_by_role("link", name=name).click()


def accept_terms(page: Page) -> None:
    """First sign-in (or new versions): the app asks for the user agreement and the privacy
    policy before anything else; accept them and go on to where the resident was going."""
    expect(page).to_have_url(re.compile(r"/consent\?redirect="))
    page.locator("[data-test=agree]").click()
    page.locator("[data-test=accept]").click()
    expect(page).not_to_have_url(re.compile(r"/consent"))


def accept_terms_if_asked(page: Page, then: str) -> None:
    """After signing in: the consent page if this resident has not accepted the current
    documents yet (accepted, it goes on), then the page whose URL matches `then`."""
    expect(page).to_have_url(re.compile(rf"/consent\?redirect=|{then}"))
    if "/consent" in page.url:
        accept_terms(page)
    expect(page).to_have_url(re.compile(then))


def sms_code(server_env: dict[str, str], phone: str) -> str:
    """The newest sign-in code sent to `phone`, from the server's development outbox (sealed
    with the keys under the server's var/, so the command needs the server's settings)."""
    env = {k: v for k, v in os.environ.items() if k != "TONGBAN_REDIS_URL"} | server_env
    result = subprocess.run(
        [sys.executable, "-m", "backend", "sms-outbox", "--phone", phone, "--limit", "1"],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    # #7  2026-10-01 08:30:00  139****1234  LOGIN_CODE  【通办】您的登录验证码是 123456，…
    match = re.search(r"LOGIN_CODE\s.*验证码是 (\d{6})", result.stdout)
    assert match, f"no sign-in code for the number in the outbox:\n{result.stdout}{result.stderr}"
    return match.group(1)


# --- tests ---------------------------------------------------------------------------------


def test_home_page_in_chinese_and_installable(server: str, phone: Page, screenshots: Path) -> None:
    phone.goto(server + "/")
    expect(phone).to_have_title("通办")
    assert phone.locator("html").get_attribute("lang") == "zh-CN"
    expect(phone.get_by_role("heading", name="通办")).to_be_visible()
    expect(phone.get_by_placeholder("搜索事项或服务中心")).to_be_visible()
    expect(phone.get_by_role("button", name="15分钟政务服务圈")).to_be_visible()
    for tab in ("首页", "办事指南", "服务中心", "我的"):
        tabs = phone.get_by_role("navigation", name="主导航")
        expect(tabs.get_by_role("link", name=tab, exact=True)).to_be_visible()
    expect(phone.get_by_text("双休日及法定节假日 8:30–11:30")).to_be_visible()
    phone.screenshot(path=str(screenshots / "home.png"))

    # Installable: a Chinese manifest with real icons, and a service worker holding the shell.
    manifest = httpx.get(f"{server}/manifest.webmanifest", timeout=5).json()
    assert manifest["name"] == "通办" and manifest["lang"] == "zh-CN"
    for icon in manifest["icons"]:
        response = httpx.get(server + icon["src"], timeout=5)
        assert response.status_code == 200 and response.headers["content-type"] == icon["type"]
    cached = phone.evaluate(
        """async () => {
            const registration = await navigator.serviceWorker.ready
            const cache = await caches.open((await caches.keys())[0])
            return {
                worker: registration.active.scriptURL,
                shell: !!(await cache.match('/index.html')),
            }
        }"""
    )
    assert cached == {"worker": f"{server}/sw.js", "shell": True}


def test_matters_list_scrolls_searches_and_opens(
    server: str, phone: Page, screenshots: Path
) -> None:
    total = api(server, "{ matters { totalCount } }")["matters"]["totalCount"]
    phone.goto(server + "/")
    open_tab(phone, "办事指南")
    expect(phone).to_have_url(re.compile(r"/matters$"))
    cells = phone.locator(".matter-cell")
    expect(cells.first).to_be_visible()
    expect(phone.get_by_text(f"共 {total} 项")).to_be_visible()
    if total > 20:  # infinite scroll: the next page arrives at the bottom
        expect(cells).to_have_count(20)
        phone.mouse.wheel(0, 20_000)
        expect(cells).to_have_count(min(total, 40))

    found = api(
        server,
        '{ matters(filter: { search: "居住证" }, first: 100) { edges { node { code name } } } }',
    )["matters"]["edges"]
    names = [edge["node"]["name"] for edge in found]
    assert any("居住证" in name for name in names), names
    search = phone.get_by_placeholder("搜索事项")
    search.fill("居住证")
    search.press("Enter")
    expect(phone).to_have_url(re.compile(r"q=%E5%B1%85%E4%BD%8F%E8%AF%81"))
    expect(phone.get_by_text(f"共 {len(names)} 项")).to_be_visible()
    expect(cells.first).to_contain_text("居住证")
    phone.screenshot(path=str(screenshots / "matters-search.png"))

    target = "居住证新办" if "居住证新办" in names else names[0]
    phone.locator(".matter-cell__name", has_text=target).first.click()
    expect(phone.get_by_role("heading", name=target)).to_be_visible()
    for label in ("受理部门", "受理方式", "网办程度", "承诺时限", "材料要求"):
        expect(phone.get_by_text(label, exact=True)).to_be_visible()
    expect(phone.get_by_text(re.compile("当场受理|由户籍地受理中心受理"))).to_be_visible()
    phone.screenshot(path=str(screenshots / "matter.png"), full_page=True)

    phone.go_back()  # the list keeps its search
    expect(phone.get_by_placeholder("搜索事项")).to_have_value("居住证")


def test_centre_page_shows_todays_hours_and_the_hotline(
    server: str, phone: Page, screenshots: Path
) -> None:
    centres = api(
        server, "{ centres(first: 100) { edges { node { code name shortName phone } } } }"
    )["centres"]["edges"]
    without_phone = [e["node"] for e in centres if e["node"]["phone"] is None]
    centre = (without_phone or [centres[0]["node"]])[0]
    hours = api(
        server,
        """query($code: String!) { centre(code: $code) { openingHours {
            isOpenDay opensAt closesAt holidayName isMakeupWorkday } } }""",
        code=centre["code"],
    )["centre"]["openingHours"]

    phone.goto(server + "/")
    open_tab(phone, "服务中心")
    search = phone.get_by_placeholder("搜索中心名称或地址")
    search.fill(centre["shortName"])
    search.press("Enter")
    phone.locator(".centre-cell", has_text=centre["name"]).first.click()
    expect(phone).to_have_url(re.compile(f"/centres/{centre['code']}$"))
    expect(phone.get_by_role("heading", name=centre["name"])).to_be_visible()

    card = phone.locator("[data-test=hours]")
    if hours["isOpenDay"]:
        expect(card).to_contain_text(f"{clock(hours['opensAt'])}–{clock(hours['closesAt'])}")
    else:
        expect(card).to_contain_text("今日不对外办公")
    if hours["holidayName"]:
        expect(card).to_contain_text(hours["holidayName"])
    if hours["isMakeupWorkday"]:
        expect(card).to_contain_text("今日调休上班")
    expect(card.locator("[data-test=status]")).to_have_text(
        re.compile("^(营业中|未到营业时间|已下班)$")
    )
    if centre["phone"] is None:
        expect(phone.locator("[data-test=hotline]")).to_contain_text(
            "咨询请拨打 12345 市民服务热线"
        )
    else:
        expect(phone.get_by_text(centre["phone"])).to_be_visible()
    phone.screenshot(path=str(screenshots / "centre.png"), full_page=True)
    # Its matters on a page of their own.
    phone.locator("[data-test=centre-matters]").click()
    expect(phone).to_have_url(re.compile(r"/centres/[^/]+/matters$"))
    expect(phone.get_by_text(re.compile(r"共 \d+ 项"))).to_be_visible()
    expect(phone.locator(".matter-cell").first).to_be_visible()


def test_fifteen_minute_circle(server: str, browser: Browser, screenshots: Path) -> None:
    centre = api(
        server, "{ centres(first: 1) { edges { node { name location { latitude longitude } } } } }"
    )["centres"]["edges"][0]["node"]
    here = {
        "latitude": centre["location"]["latitude"],
        "longitude": centre["location"]["longitude"],
    }

    page, crashes = open_phone(browser, geolocation=here, permissions=["geolocation"])
    page.goto(server + "/")
    page.get_by_role("button", name="15分钟政务服务圈").click()
    expect(page.locator(".centre-cell", has_text=centre["name"]).first).to_be_visible()
    expect(page.get_by_text(re.compile(r"步行约 \d+ 分钟")).first).to_be_visible()
    page.screenshot(path=str(screenshots / "nearby.png"))
    page.context.close()

    # In the middle of Dianshan Lake nothing is within a 15-minute walk.
    lake = {"latitude": 31.12, "longitude": 120.95}
    page, more = open_phone(browser, geolocation=lake, permissions=["geolocation"])
    page.goto(server + "/nearby")
    expect(page.get_by_text("您附近步行15分钟内没有找到社区事务受理服务中心。")).to_be_visible()
    page.context.close()

    page, denied = open_phone(browser)  # location not allowed
    page.goto(server + "/nearby")
    expect(page.get_by_text(re.compile("定位权限已被拒绝"))).to_be_visible()
    expect(page.get_by_role("button", name="按区查找服务中心")).to_be_visible()
    page.context.close()
    assert crashes + more + denied == []


def test_errors_are_chinese_and_a_network_failure_can_be_retried(
    server: str, phone: Page, screenshots: Path
) -> None:
    # A shared link straight to a matter that does not exist: the API's own message.
    phone.goto(server + "/matters/NOPE")
    expect(phone.get_by_text("没有编号为 NOPE 的事项。")).to_be_visible()
    expect(phone.get_by_role("button", name="重试")).to_have_count(0)

    # The network drops: a Chinese message and a retry button that works once it is back.
    phone.route("**/graphql", lambda route: route.abort("internetdisconnected"))
    phone.goto(server + "/centres")
    expect(phone.get_by_text("网络连接失败，请检查网络后重试。")).to_be_visible()
    phone.screenshot(path=str(screenshots / "offline.png"))
    phone.unroute("**/graphql")
    phone.get_by_role("button", name="重试").click()
    expect(phone.locator(".centre-cell").first).to_be_visible()


def test_resident_signs_in_verifies_reveals_and_signs_out(
    server: str, server_env: dict[str, str], phone: Page, screenshots: Path
) -> None:
    # A new number each run; the ID number is a demo registry person, bound to one verified
    # account per database (this module's server has its own fresh database).
    number = f"139{random.randrange(10**8):08d}"
    masked = f"{number[:3]}****{number[7:]}"
    name, id_number, masked_id = "赵磊", "310110198812310117", "310110********0117"

    phone.goto(server + "/")
    open_tab(phone, "我的")
    expect(phone.get_by_text("登录通办")).to_be_visible()
    phone.screenshot(path=str(screenshots / "me-signed-out.png"))
    phone.get_by_role("button", name="登录", exact=True).click()
    expect(phone).to_have_url(re.compile(r"/login$"))

    # Not a mainland mobile: refused in the app, nothing sent.
    phone.get_by_label("手机号").fill("12345678901")
    phone.get_by_role("button", name="获取验证码").click()
    expect(phone.get_by_text("请输入正确的 11 位中国大陆手机号码。")).to_be_visible()

    phone.get_by_label("手机号").fill(number)
    phone.get_by_role("button", name="获取验证码").click()
    expect(phone.locator("[data-test=code-sent]")).to_contain_text(f"验证码已发送至 {masked}")
    send = phone.locator("[data-test=send-code]")
    expect(send).to_have_text(re.compile(r"^\d+ 秒后重新获取$"))
    expect(send).to_be_disabled()
    code = sms_code(server_env, number)

    # A wrong code: the server's Chinese message, under the code field.
    phone.get_by_label("验证码").fill(f"{(int(code) + 1) % 10**6:06d}")
    phone.get_by_role("button", name="登录", exact=True).click()
    expect(phone.get_by_text(re.compile(r"验证码不正确，还可以再试 \d 次。"))).to_be_visible()
    phone.screenshot(path=str(screenshots / "login.png"))

    phone.get_by_label("验证码").fill(code)
    phone.get_by_role("button", name="登录", exact=True).click()
    accept_terms(phone)
    expect(phone).to_have_url(re.compile(r"/me$"))
    expect(phone.locator("[data-test=masked-phone]")).to_have_text(masked)
    verification = phone.locator("[data-test=verification]")
    expect(verification).to_have_text("未实名")
    # Only the refresh token is kept on the device; the access token lives in memory.
    stored = phone.evaluate("Object.keys(localStorage)")
    assert stored == ["tongban.refreshToken"], stored
    phone.screenshot(path=str(screenshots / "me-unverified.png"))

    phone.locator("[data-test=verify-entry]").click()
    expect(phone).to_have_url(re.compile(r"/me/verify$"))
    phone.get_by_label("姓名").fill(name)
    phone.get_by_label("身份证号").fill(id_number[:-1] + "8")  # a wrong check character
    phone.get_by_role("button", name="提交认证").click()
    expect(phone.get_by_text("身份证号码校验位不正确，请检查是否输错。")).to_be_visible()
    phone.screenshot(path=str(screenshots / "verify.png"))
    phone.get_by_label("身份证号").fill(id_number)
    phone.locator("[data-test=id-consent-agree]").click()  # the separate ID-number consent
    phone.get_by_role("button", name="提交认证").click()

    expect(phone).to_have_url(re.compile(r"/me/verify/done"))
    phone.locator("[data-test=continue]").click()
    expect(phone).to_have_url(re.compile(r"/me$"))
    expect(verification).to_have_text("已实名")
    expect(phone.locator("[data-test=real-name]")).to_have_text("赵*")
    expect(phone.locator("[data-test=id-number]")).to_have_text(masked_id)
    expect(phone.get_by_text("查看记录会被留存")).to_be_visible()
    phone.screenshot(path=str(screenshots / "me-verified.png"), full_page=True)

    # A new page load restores the session from the stored refresh token.
    phone.reload()
    expect(verification).to_have_text("已实名")

    # The full data only on a tap, and hidden again once the page is left.
    phone.get_by_role("button", name="查看完整信息").click()
    expect(phone.locator("[data-test=id-number]")).to_have_text(id_number)
    expect(phone.locator("[data-test=real-name]")).to_have_text(name)
    expect(phone.locator("[data-test=phone]")).to_have_text(number)
    phone.screenshot(path=str(screenshots / "me-revealed.png"))
    open_tab(phone, "首页")
    open_tab(phone, "我的")
    expect(phone.locator("[data-test=id-number]")).to_have_text(masked_id)
    expect(phone.get_by_text(id_number)).to_have_count(0)

    phone.get_by_role("button", name="退出登录").click()
    dialog = phone.locator(".van-dialog")
    expect(dialog).to_contain_text("确定要退出登录吗？")
    dialog.get_by_role("button", name="退出", exact=True).click()
    expect(phone.get_by_role("button", name="登录", exact=True)).to_be_visible()
    expect(phone.locator("[data-test=verification]")).to_have_count(0)
    assert phone.evaluate("localStorage.getItem('tongban.refreshToken')") is None

    # A refresh token the server no longer accepts: back to 登录, saying why.
    phone.evaluate("localStorage.setItem('tongban.refreshToken', 'tbr_no-longer-valid')")
    phone.reload()
    expect(phone).to_have_url(re.compile(r"/login\?redirect=(/|%2F)me$"))
    expect(phone.locator("[data-test=notice]")).to_contain_text("登录已失效，请重新登录")
    assert phone.evaluate("localStorage.getItem('tongban.refreshToken')") is None
    phone.screenshot(path=str(screenshots / "session-ended.png"))
