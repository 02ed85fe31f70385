"""The fast shell in a real browser: Debian's Chromium, driven by Playwright, against the real
server serving the built app (pwa/dist, with its .br/.gz files).

- Static files come compressed (brotli) with their caching rules, over real HTTP.
- Offline: the banner says so (aria-live), and the app still opens from the service worker.
- Dark mode follows the system: Vant's dark theme is on, and axe-core finds no text below
  4.5:1 on the main pages.
- A matter or centre page opened from a link asks for its first screen's data while its code
  is still loading (index.html's inline script), and the page takes those answers instead
  of asking again.

Build the app first (`cd pwa && npm ci && npm run build`). Screenshots go to a temporary
directory (printed; pytest -s) or TONGBAN_SCREENSHOT_DIR.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import Browser, Page, expect

from backend.settings import PROJECT_ROOT
from tests.pwa.test_pwa_browser import (  # noqa: F401 - pytest fixtures shared with that module
    PHONE,
    TIMEOUT_MS,
    browser,
    screenshots,
    server,
    server_env,
)

AXE = PROJECT_ROOT / "pwa" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["/", "/matters", "/matters/GA001", "/centres", "/centres/310101-01", "/me", "/search"]


def open_page(browser: Browser, **options: Any) -> tuple[Page, list[str]]:  # noqa: F811
    context = browser.new_context(**{**PHONE, **options})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    crashes: list[str] = []
    page.on("pageerror", lambda error: crashes.append(str(error)))
    return page, crashes


def test_static_files_are_sent_compressed_with_their_caching_rules(server: str) -> None:  # noqa: F811
    brotli = httpx.get(f"{server}/", headers={"Accept-Encoding": "br, gzip"})
    assert brotli.headers["content-encoding"] == "br"
    index = httpx.get(f"{server}/", headers={"Accept-Encoding": "gzip"})
    assert index.headers["content-encoding"] == "gzip"
    for answer in (brotli, index):
        assert answer.headers["cache-control"] == "no-cache"
        assert answer.headers["vary"] == "Accept-Encoding"
    scripts = [
        line.split('src="')[1].split('"')[0]
        for line in index.text.splitlines()  # httpx decoded the gzip file
        if '<script type="module"' in line
    ]
    assert scripts, index.text
    for encoding in ("br", "gzip"):
        entry = httpx.get(f"{server}{scripts[0]}", headers={"Accept-Encoding": encoding})
        assert entry.headers["content-encoding"] == encoding
        assert entry.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert entry.headers["content-type"].startswith("text/javascript")
    worker = httpx.get(f"{server}/sw.js", headers={"Accept-Encoding": "gzip"})
    assert worker.headers["cache-control"] == "no-cache"
    assert "tongban-reads" in worker.text


def test_offline_the_banner_says_so_and_the_shell_still_opens(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
    screenshots: Path,  # noqa: F811
) -> None:
    page, crashes = open_page(browser)
    page.goto(f"{server}/")
    expect(page.get_by_role("heading", level=1).first).to_be_visible()
    # The service worker has installed and taken the page (precached the shell).
    page.wait_for_function(
        "navigator.serviceWorker && navigator.serviceWorker.ready.then(() => true)"
    )
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    banner = page.get_by_role("status").filter(has_text="网络")
    expect(banner).to_have_count(0)

    page.context.set_offline(True)
    expect(page.get_by_role("status").filter(has_text="网络已断开")).to_be_visible()
    page.screenshot(path=screenshots / "shell-offline-banner.png")

    # A new visit without a network: the app opens (from the cache) and says it is offline.
    page.goto(f"{server}/centres/310101-01")
    expect(page.locator(".van-nav-bar__title")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="网络已断开")).to_be_visible()
    page.screenshot(path=screenshots / "shell-offline-centre.png")

    page.context.set_offline(False)
    expect(page.get_by_role("status").filter(has_text="网络已恢复")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="网络已断开")).to_have_count(0)
    page.context.close()
    assert crashes == []


def test_dark_mode_follows_the_system_with_readable_contrast(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
    screenshots: Path,  # noqa: F811
) -> None:
    page, crashes = open_page(browser, color_scheme="dark")
    failures: dict[str, Any] = {}
    for path in PAGES:
        page.goto(f"{server}{path}")
        page.wait_for_load_state("networkidle")
        expect(page.locator("html")).to_have_class(re.compile(r"\bvan-theme-dark\b"))
        # Wait for the page's data (a list, a heading) rather than its loading state.
        page.wait_for_function("!document.querySelector('.van-loading')", timeout=TIMEOUT_MS)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(0, 0, 0)", (path, background)
        # Contrast is judged once Vant's fade-ins have ended (half-faded text is not the colour).
        page.wait_for_function(
            "document.getAnimations().every(a => a.playState !== 'running')", timeout=TIMEOUT_MS
        )
        name = path.strip("/").replace("/", "-") or "home"
        page.screenshot(path=screenshots / f"shell-dark-{name}.png")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "axe.run(document, {runOnly: ['color-contrast']}).then(r => r.violations"
            ".flatMap(v => v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)))"
        )
        if result:
            failures[path] = result
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=1)

    # The system switches back to light: the page follows without a reload.
    page.emulate_media(color_scheme="light")
    expect(page.locator("html")).to_have_class(re.compile(r"\bvan-theme-light\b"))
    page.context.close()
    assert crashes == []


def test_the_resident_switches_to_english_in_me_and_it_is_remembered(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
    screenshots: Path,  # noqa: F811
) -> None:
    page, crashes = open_page(browser)
    page.goto(f"{server}/me")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    switch = page.get_by_role("radiogroup", name="语言 Language")
    expect(switch.get_by_role("radio", name="中文")).to_have_attribute("aria-checked", "true")
    switch.get_by_role("radio", name="English").click()

    # The app restarts in English: tab bar, headings, route titles, Vant's own strings.
    expect(page.locator("html")).to_have_attribute("lang", "en")
    nav = page.get_by_role("navigation", name="Main navigation")
    expect(nav).to_contain_text("Home")
    expect(nav).to_contain_text("Services")
    expect(page).to_have_title("Me - Tongban")
    page.screenshot(path=screenshots / "shell-english-me.png")

    page.goto(f"{server}/centres/310101-01")
    expect(page.get_by_text("Today's hours")).to_be_visible()
    expect(page).to_have_title(re.compile(r"- Tongban$"))
    page.screenshot(path=screenshots / "shell-english-centre.png")

    # Remembered on the next visit; and back to Chinese the same way.
    page.goto(f"{server}/me")
    switch = page.get_by_role("radiogroup", name="Language 语言")
    expect(switch.get_by_role("radio", name="English")).to_have_attribute("aria-checked", "true")
    switch.get_by_role("radio", name="中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.get_by_role("navigation", name="主导航")).to_contain_text("首页")
    page.context.close()
    assert crashes == []


def _operations(page: Page) -> list[str]:
    """Records the GraphQL operations the page sends, by name (POST body or GET URL)."""
    sent: list[str] = []

    def record(request: Any) -> None:
        if not request.url.split("?")[0].endswith("/graphql"):
            return
        if request.method == "POST":
            sent.append(json.loads(request.post_data or "{}").get("operationName") or "?")
        else:
            sent.append(re.search(r"operationName=(\w+)", request.url).group(1))  # type: ignore[union-attr]

    page.on("request", record)
    return sent


def test_a_page_opened_from_a_link_asks_for_its_data_once_while_its_code_loads(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    page, crashes = open_page(browser)
    sent = _operations(page)
    page.goto(f"{server}/centres/310101-01")
    expect(page.get_by_role("heading", level=1)).to_contain_text("南京东路")
    expect(page.locator("[data-test=centre-links]")).to_be_visible()
    page.wait_for_load_state("networkidle")
    # Sent by the inline script before the app ran (no token, the persisted query's hash) ...
    early = page.evaluate(
        """() => performance.getEntriesByType('resource')
              .filter((e) => e.name.endsWith('/graphql') && e.initiatorType === 'fetch')
              .map((e) => e.startTime)"""
    )
    scripts = page.evaluate(
        """() => performance.getEntriesByType('resource')
              .filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
              .map((e) => e.responseEnd)"""
    )
    assert early and scripts and min(early) < max(scripts), (early, scripts)
    # ... and each asked once: the page took the answers rather than asking again.
    for operation in ("Centre", "CentreLinksByCode"):
        assert sent.count(operation) == 1, sent

    sent.clear()
    page.goto(f"{server}/centres/310101-01/matters")
    expect(page.locator(".paged-list .matter-cell").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert sent.count("CentreMatters") == 1, sent

    sent.clear()
    page.goto(f"{server}/matters/GA001")
    expect(page.locator("[data-test=matter-guide]")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert sent.count("Matter") == 1 and sent.count("MatterGuide") == 1, sent
    page.context.close()
    assert crashes == []
