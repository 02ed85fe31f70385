"""电子亮证 in the phone app, two people at once: a resident shows her ID card as a QR code;
a clerk, in another browser context, reads that code from a screenshot of the resident's
screen (a real decode in the clerk's page: the token is never copied from the DOM) and
verifies it; the resident's 查看记录, open in another tab, shows the view the moment it
happens, without a reload; the same screenshot again is 已使用. Debian's Chromium driven by
Playwright on a 375 px phone, against the real server.

Build the app first (`cd pwa && npm run build`). Screenshots go to a temporary directory
(printed; pytest -s) or TONGBAN_SCREENSHOT_DIR.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, Request, expect

from backend.settings import PROJECT_ROOT
from tests.pwa.test_cases_browser import SMALL_PHONE, new_phone, sign_in_resident
from tests.pwa.test_pwa_browser import (  # noqa: F401 - pytest fixtures shared with that module
    CHROMIUM,
    CHROMIUM_ARGS,
    TIMEOUT_MS,
    accept_terms_if_asked,
    browser,
    screenshots,
    server,
    server_env,
    sms_code,
)

AXE = PROJECT_ROOT / "pwa" / "node_modules" / "axe-core" / "axe.min.js"
CLERK = "wlq-clerk1"  # 五里桥受理员一, at 310101-01 (南京东路)
PASSWORD = "tongban-demo"
MATTER = ("GA006", "居住证")  # takes the ID card
MARKER = "window.__tongbanMarker"


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


def sign_in_clerk(page: Page, base: str) -> None:
    page.goto(f"{base}/staff/login")
    page.get_by_label("用户名").fill(CLERK)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page).to_have_url(re.compile(r"/staff$"))


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's WCAG A/AA violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a',"
        " 'wcag21aa']})).violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )
    return result  # type: ignore[no-any-return]


def settle(locator: Any) -> None:
    """Wait for the element's transitions (a dialog fading in) to finish."""
    locator.evaluate(
        "e => Promise.all(e.getAnimations({subtree: true}).map(a => a.finished.catch(() => null)))"
    )


def jwt_header(token: str) -> dict[str, Any]:
    head = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))  # type: ignore[no-any-return]


def test_a_clerk_verifies_a_screenshot_of_the_residents_qr_and_she_sees_it_live(
    server: str,  # noqa: F811
    server_env: dict[str, str],  # noqa: F811
    resident: Page,
    clerk: Page,
    screenshots: Path,  # noqa: F811
) -> None:
    a11y: dict[str, list[dict[str, Any]]] = {}

    # --- the resident: 我的 -> 我的证照 ----------------------------------------------------------
    sign_in_resident(resident, server, server_env)
    resident.locator("[data-test=my-certificates]").click()
    expect(resident).to_have_url(re.compile(r"/certificates$"))
    expect(resident.get_by_role("heading", name="我的证照")).to_be_visible()
    card = resident.locator("[data-test=certificate][data-kind=ID_CARD]")
    expect(card).to_contain_text("居民身份证")
    expect(card.locator("[data-test=cert-tag]")).to_have_text(re.compile("有效"))
    expect(card).to_contain_text("李*")  # masked
    expect(resident.get_by_role("heading", name="家人证照（代为出示）")).to_be_visible()
    resident.screenshot(path=str(screenshots / "certificates-list.png"), full_page=True)
    a11y["certificates"] = axe_violations(resident)

    # --- 查看记录 open in a second tab of the resident's phone, before anything happens ---------
    trail = resident.context.new_page()
    trail_crashes: list[str] = []
    trail.on("pageerror", lambda error: trail_crashes.append(str(error)))
    trail.goto(f"{server}/certificates/views")
    expect(trail.get_by_role("heading", name="查看记录", exact=True)).to_be_visible()
    expect(trail.locator("[data-test=live-status]")).to_have_attribute("data-status", "live")
    expect(trail.get_by_text("还没有人查看过您的证照")).to_be_visible()
    trail.evaluate(f"{MARKER} = 'same trail page'")

    # --- the clerk gets ready: 验证 page, the matter chosen ---------------------------------
    requests: list[str] = []
    clerk.on("request", lambda request: requests.append(request.url))
    verifications: list[dict[str, Any]] = []

    def seen(request: Request) -> None:
        if request.method == "POST" and request.url.endswith("/graphql"):
            body = request.post_data_json or {}
            if body.get("operationName") == "VerifyCertificate":
                verifications.append(body["variables"]["input"])

    clerk.on("request", seen)
    sign_in_clerk(clerk, server)
    clerk.locator("[data-test=verify-entry]").click()
    expect(clerk).to_have_url(re.compile(r"/staff/verify$"))
    clerk.get_by_label("办理事项", exact=True).fill(MATTER[0].lower())
    clerk.get_by_role("button", name="查询", exact=True).click()
    expect(clerk.locator("[data-test=verify-matter-name]")).to_contain_text(MATTER[1])

    # --- the resident chooses what to show and opens the QR code -----------------------------
    card.click()
    expect(resident).to_have_url(re.compile(r"/certificates/[^/]+$"))
    address = resident.get_by_role("checkbox", name=re.compile("住址"))
    expect(address).to_have_attribute("aria-checked", "false")  # address off by default
    expect(resident.get_by_role("checkbox", name=re.compile("姓名"))).to_have_attribute(
        "aria-checked", "true"
    )
    sex = resident.get_by_role("checkbox", name=re.compile("性别"))
    sex.click()
    expect(sex).to_have_attribute("aria-checked", "true")
    resident.screenshot(path=str(screenshots / "certificate-choose.png"), full_page=True)
    a11y["choose"] = axe_violations(resident)
    resident.locator("[data-test=show-qr]").click()
    expect(resident).to_have_url(re.compile(r"/certificates/[^/]+/show\?fields="))
    qr = resident.locator("img[data-test=qr]")
    expect(qr).to_be_visible()
    countdown = resident.locator("[data-test=countdown]")
    expect(countdown).to_contain_text(re.compile(r"\d+ 秒后自动刷新"))
    assert 40 <= int(countdown.get_attribute("data-seconds") or 0) <= 60
    disclosed = resident.locator("[data-test=disclosed]")
    expect(disclosed).to_contain_text("姓名")
    expect(disclosed).to_contain_text("性别")
    expect(disclosed).not_to_contain_text("住址")
    box = qr.bounding_box()
    assert box and box["width"] >= 280, box  # large: most of a 375 px screen
    # The resident's screen, as a camera (or a screenshot sent to someone) would see it.
    shot = screenshots / "certificate-qr.png"
    resident.screenshot(path=str(shot))
    first_code = qr.get_attribute("src")
    a11y["qr"] = axe_violations(resident)

    # --- the clerk reads that picture through 从图片识别 and verifies -----------------------
    clerk.locator("[data-test=from-image]").set_input_files(str(shot))
    verdict = clerk.locator("[data-test=verdict]")
    expect(verdict).to_have_attribute("data-result", "SUCCESS")
    expect(verdict.get_by_role("heading", name="通过")).to_be_visible()
    fields = clerk.locator("[data-test=verified-fields]")
    expect(fields).to_contain_text("李娜")
    expect(fields).to_contain_text("女")
    expect(fields).not_to_contain_text("示例路")  # the address was not disclosed
    assert len(verifications) == 1
    token = verifications[0]["token"]
    assert verifications[0]["matter"] == MATTER[0]
    assert jwt_header(token)["typ"] == "tongban-ecert+jwt"
    assert token not in clerk.content()  # read from the picture, never shown
    clerk.screenshot(path=str(screenshots / "clerk-verified.png"), full_page=True)
    a11y["verify"] = axe_violations(clerk)

    # The decoder's WebAssembly came from our own server, nothing from anywhere else.
    engine = clerk.locator(".verify-page__engine").inner_text()
    if engine == "内置识别":
        assert any(url.startswith(server) and url.endswith(".wasm") for url in requests), requests
    assert [url for url in requests if not url.startswith(server)] == []

    # --- her QR screen hears of it and shows a fresh code at once (the old one is spent) ------
    expect(resident.locator("[data-test=qr-viewed]")).to_contain_text(
        "刚刚有人查看了您的居民身份证"
    )
    expect(qr).not_to_have_attribute("src", first_code or "")
    expect(qr).to_be_visible()
    second_code = qr.get_attribute("src")

    # --- the resident's trail shows the view, live ------------------------------------------
    views = trail.locator("[data-test=view]")
    expect(views).to_have_count(1)
    first = views.first
    expect(first).to_have_attribute("data-result", "SUCCESS")
    expect(first).to_contain_text("居民身份证")
    expect(first.locator("[data-test=view-clerk]")).to_have_text(re.compile(r"^五\*+$"))
    expect(first.locator("[data-test=view-centre]")).to_contain_text("南京东路")
    expect(first.locator("[data-test=view-matter]")).to_contain_text(MATTER[1])
    expect(trail.locator("[data-test=views-announcement]")).to_contain_text("刚刚有人查看了您的")
    assert trail.evaluate(MARKER) == "same trail page"

    # --- the same picture again: 一次一验 ------------------------------------------------------
    clerk.locator("[data-test=from-image]").set_input_files(str(shot))
    expect(verdict).to_have_attribute("data-result", "ALREADY_USED")
    expect(verdict.get_by_role("heading", name="已使用")).to_be_visible()
    expect(clerk.locator("[data-test=verified-fields]")).to_have_count(0)
    assert len(verifications) == 2 and verifications[1]["token"] == token
    clerk.screenshot(path=str(screenshots / "clerk-already-used.png"), full_page=True)

    expect(views).to_have_count(2)  # refused attempts are listed too
    expect(views.first).to_have_attribute("data-result", "ALREADY_USED")
    assert trail.evaluate(MARKER) == "same trail page"

    # --- 举报: a view she does not recognise, after a confirmation ----------------------------
    views.first.locator("[data-test=report-view]").click()
    dialog = trail.get_by_role("dialog")
    expect(dialog).to_contain_text("举报这次查看")
    dialog.get_by_role("textbox").fill("当时我不在该中心")
    settle(dialog)
    trail.screenshot(path=str(screenshots / "certificate-report.png"))
    a11y["report"] = axe_violations(trail)
    dialog.get_by_role("button", name="确认举报").click()
    expect(views.first.locator("[data-test=view-reported]")).to_have_text(re.compile("已举报"))
    expect(dialog).to_be_hidden()
    expect(trail.locator("[data-test=views-announcement]")).to_contain_text("已举报")
    expect(views.nth(1).locator("[data-test=report-view]")).to_be_visible()
    trail.screenshot(path=str(screenshots / "certificate-views.png"), full_page=True)
    a11y["views"] = axe_violations(trail)
    assert trail.evaluate(MARKER) == "same trail page"
    trail.close()
    assert trail_crashes == []

    # --- and the QR page renews its code by itself, a few seconds before expiry --------------
    # (the ALREADY_USED look renewed it too; from then on nothing but the timer does)
    expect(qr).not_to_have_attribute("src", second_code or "")
    third_code = qr.get_attribute("src")
    expect(countdown).to_have_attribute("data-seconds", re.compile(r"^[6-9]$"), timeout=70_000)
    assert qr.get_attribute("src") == third_code
    expect(qr).not_to_have_attribute("src", third_code or "", timeout=15_000)
    expect(qr).to_be_visible()
    assert int(countdown.get_attribute("data-seconds") or 0) >= 50
    assert resident.url.endswith("/show?fields=sex")

    found = {page: v for page, v in a11y.items() if v}
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


def camera_file(png: Path, y4m: Path) -> None:
    """A fake camera that films `png` (Y4M, 4:2:0), for Chromium's
    --use-file-for-fake-video-capture."""
    image = Image.open(png).convert("YCbCr")
    width, height = (image.width // 2) * 2, (image.height // 2) * 2
    ycbcr = np.asarray(image.crop((0, 0, width, height)))
    luma = ycbcr[:, :, 0]
    chroma = [ycbcr[0::2, 0::2, i] for i in (1, 2)]
    with y4m.open("wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(3):
            out.write(b"FRAME\n")
            out.write(luma.tobytes() + chroma[0].tobytes() + chroma[1].tobytes())


def test_a_clerk_scans_the_qr_with_the_camera(
    server: str,  # noqa: F811
    server_env: dict[str, str],  # noqa: F811
    browser: Browser,  # noqa: F811
    screenshots: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    # 张伟 shows his ID card; the picture of his screen becomes the clerk's camera.
    phone = "13800000001"
    resident, crashes = new_phone(browser)
    resident.goto(f"{server}/login")
    resident.get_by_label("手机号").fill(phone)
    resident.get_by_role("button", name="获取验证码").click()
    expect(resident.locator("[data-test=code-sent]")).to_be_visible()
    resident.get_by_label("验证码").fill(sms_code(server_env, phone))
    resident.get_by_role("button", name="登录", exact=True).click()
    accept_terms_if_asked(resident, r"/me$")
    resident.goto(f"{server}/")
    resident.locator("[data-test=home-certificates]").click()
    resident.locator("[data-test=certificate][data-kind=ID_CARD]").click()
    resident.locator("[data-test=show-qr]").click()
    expect(resident.locator("img[data-test=qr]")).to_be_visible()
    shot = tmp_path / "screen.png"
    resident.screenshot(path=str(shot))
    video = tmp_path / "camera.y4m"
    camera_file(shot, video)

    camera = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        ],
    )
    try:
        context = camera.new_context(**SMALL_PHONE, permissions=["camera"])
        context.set_default_timeout(TIMEOUT_MS)
        clerk = context.new_page()
        clerk_crashes: list[str] = []
        clerk.on("pageerror", lambda error: clerk_crashes.append(str(error)))
        sign_in_clerk(clerk, server)
        clerk.goto(f"{server}/staff/verify")
        clerk.get_by_label("办理事项", exact=True).fill(MATTER[0])
        clerk.get_by_role("button", name="查询", exact=True).click()
        expect(clerk.locator("[data-test=verify-matter-name]")).to_contain_text(MATTER[1])
        clerk.locator("[data-test=scan]").click()
        verdict = clerk.locator("[data-test=verdict]")
        expect(verdict).to_have_attribute("data-result", "SUCCESS", timeout=30_000)
        expect(clerk.locator("[data-test=verified-fields]")).to_contain_text("张伟")
        expect(clerk.locator("video")).to_be_hidden()  # the camera is off again
        clerk.screenshot(path=str(screenshots / "clerk-camera-verified.png"), full_page=True)

        # Pasted text: refused in the page when it cannot be a code; a forged one is 无效.
        clerk.locator("[data-test=verify-again]").click()
        paste = clerk.get_by_label("粘贴二维码内容")
        paste.fill("这不是码")
        clerk.locator("[data-test=verify-submit]").click()
        expect(clerk.get_by_text("这不是有效的二维码内容。").first).to_be_visible()
        expect(verdict).to_have_count(0)
        paste.fill("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
        clerk.locator("[data-test=verify-submit]").click()
        expect(verdict).to_have_attribute("data-result", "INVALID")
        expect(verdict.get_by_role("heading", name="无效")).to_be_visible()
        expect(clerk.locator("[data-test=verified-fields]")).to_have_count(0)
        assert clerk_crashes == []
    finally:
        camera.close()
        resident.context.close()
    assert crashes == []
